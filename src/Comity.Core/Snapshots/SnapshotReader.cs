using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Comity.Core.Snapshots;

/// <summary>Reads what <see cref="SnapshotWriter"/> wrote, from a stream holding <c>length</c> bytes of it. Arrays of
/// primitives are copied into their destination in one block. Every length is checked against the bytes left, so a
/// damaged snapshot fails with <see cref="InvalidDataException"/> instead of asking for a huge array.</summary>
public sealed class SnapshotReader
{
    private readonly Stream? _stream;
    private readonly byte[] _buffer;
    private readonly List<string> _pool = [];
    private long _left;
    private int _at;
    private int _end;

    public SnapshotReader(Stream stream, long length)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("corpus snapshots are read on little-endian machines only");
        }

        _stream = stream;
        _buffer = new byte[1 << 16];
        _left = length;
    }

    /// <summary>A reader of <paramref name="length"/> bytes of <paramref name="data"/> from <paramref name="offset"/>, read in
    /// place (never copied, never written): several readers may share one array, each on its own thread.</summary>
    public SnapshotReader(byte[] data, int offset, int length)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, data.Length - offset);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("corpus snapshots are read on little-endian machines only");
        }

        _buffer = data;
        _at = offset;
        _end = offset + length;
    }

    /// <summary>Bytes not yet consumed.</summary>
    public long Remaining => _left + (_end - _at);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte ReadByte()
    {
        Ensure(1);
        return _buffer[_at++];
    }

    public bool ReadBool() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var b => throw Corrupt($"bad boolean {b}"),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ReadCount()
    {
        var v = ReadVarUInt();
        return v <= int.MaxValue ? (int)v : throw Corrupt("count out of range");
    }

    /// <summary>A count that must not exceed what is left to read (each item takes at least one byte).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int ReadLength()
    {
        var n = ReadCount();
        return n <= Remaining ? n : throw Corrupt($"length {n} beyond the end");
    }

    public int ReadInt()
    {
        var v = ReadVarUInt();
        return (int)(v >> 1) ^ -(int)(v & 1);
    }

    public long ReadInt64()
    {
        Ensure(8);
        var v = BinaryPrimitives.ReadInt64LittleEndian(_buffer.AsSpan(_at));
        _at += 8;
        return v;
    }

    /// <summary>A string written by <see cref="SnapshotWriter.WriteString"/> or <see cref="SnapshotWriter.WritePooled"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? ReadString()
    {
        var tag = ReadVarUInt();
        switch (tag)
        {
            case 0:
                return null;
            case 1:
                return ReadUtf8();
            case 2:
                var s = ReadUtf8();
                _pool.Add(s);
                return s;
            default:
                var id = tag - 3;
                return id < (uint)_pool.Count ? _pool[(int)id] : throw Corrupt($"pooled string {id} not yet defined");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string ReadRequiredString() => ReadString() ?? throw Corrupt("missing string");

    public int[] ReadInts() => ReadArray<int>();

    public ushort[] ReadUInt16s() => ReadArray<ushort>();

    public long[] ReadInt64s() => ReadArray<long>();

    public byte[] ReadBytes() => ReadArray<byte>();

    /// <summary>Throws when anything is left unread (a snapshot is read exactly to its end).</summary>
    public void ExpectEnd()
    {
        if (Remaining != 0)
        {
            throw Corrupt($"{Remaining} bytes left after the last section");
        }
    }

    /// <summary>The exception for a snapshot that does not read back.</summary>
    public static InvalidDataException Corrupt(string detail) => new("corpus snapshot is damaged: " + detail);

    private T[] ReadArray<T>()
        where T : unmanaged
    {
        var count = ReadCount();
        var size = Marshal.SizeOf<T>();
        if ((long)count * size > Remaining)
        {
            throw Corrupt($"array of {count} beyond the end");
        }

        var result = new T[count];
        Fill(MemoryMarshal.AsBytes(result.AsSpan()));
        return result;
    }

    private void Fill(Span<byte> target)
    {
        var buffered = Math.Min(target.Length, _end - _at);
        _buffer.AsSpan(_at, buffered).CopyTo(target);
        _at += buffered;
        target = target[buffered..];
        if (target.Length > 0)
        {
            if (_stream is null)
            {
                throw Corrupt("unexpected end");
            }

            _stream.ReadExactly(target);
            _left -= target.Length;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string ReadUtf8()
    {
        var n = ReadCount();
        if (n > Remaining)
        {
            throw Corrupt($"string of {n} bytes beyond the end");
        }

        if (n <= _buffer.Length)
        {
            Ensure(n);
            var s = Encoding.UTF8.GetString(_buffer, _at, n);
            _at += n;
            return s;
        }

        var bytes = new byte[n];
        Fill(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private uint ReadVarUInt()
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw Corrupt("varint too long");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Ensure(int bytes)
    {
        if (_end - _at >= bytes)
        {
            return;
        }

        if (_stream is null)
        {
            throw Corrupt("unexpected end");
        }

        var kept = _end - _at;
        _buffer.AsSpan(_at, kept).CopyTo(_buffer);
        _at = 0;
        _end = kept;
        while (_end < bytes)
        {
            var want = (int)Math.Min(_buffer.Length - _end, _left);
            if (want <= 0)
            {
                throw Corrupt("unexpected end");
            }

            var got = _stream.Read(_buffer, _end, want);
            if (got <= 0)
            {
                throw Corrupt("unexpected end of file");
            }

            _end += got;
            _left -= got;
        }
    }
}
