using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Comity.Core.Snapshots;

/// <summary>Writes the binary form of a corpus snapshot to a stream: 7-bit varints, little-endian scalars, strings as
/// UTF-8 (inline, or pooled: a repeated pooled string is written once and referred to by number afterwards), and
/// arrays of primitives as raw little-endian bytes, so that a reader copies them in one block.</summary>
/// <remarks>The layout of what is written is the caller's (<see cref="EntityCodec"/>, <c>MatchIndex.WriteSnapshot</c>);
/// this class only fixes how each value is encoded. Not thread-safe.</remarks>
public sealed class SnapshotWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly Dictionary<string, int> _pool = new(StringComparer.Ordinal);
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    public SnapshotWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("corpus snapshots are written on little-endian machines only");
        }

        _stream = stream;
    }

    /// <summary>Bytes written so far.</summary>
    public long Position { get; private set; }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_used++] = value;
        Position++;
    }

    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>A non-negative int as a 7-bit varint.</summary>
    public void WriteCount(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        WriteVarUInt((uint)value);
    }

    /// <summary>Any int, zigzag-encoded as a varint.</summary>
    public void WriteInt(int value) => WriteVarUInt((uint)((value << 1) ^ (value >> 31)));

    public void WriteInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
        _used += 8;
        Position += 8;
    }

    /// <summary>A string written in full (or null).</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteVarUInt(0);
            return;
        }

        WriteVarUInt(1);
        WriteUtf8(value);
    }

    /// <summary>A string that repeats (a country code, a programme, a source name): written in full the first time,
    /// by its number afterwards; the reader gives every occurrence the same instance.</summary>
    public void WritePooled(string? value)
    {
        if (value is null)
        {
            WriteVarUInt(0);
            return;
        }

        if (_pool.TryGetValue(value, out var id))
        {
            WriteVarUInt((uint)id + 3);
            return;
        }

        _pool.Add(value, _pool.Count);
        WriteVarUInt(2);
        WriteUtf8(value);
    }

    public void WriteInts(ReadOnlySpan<int> values) => WriteBlock(MemoryMarshal.AsBytes(values), values.Length);

    public void WriteUInt16s(ReadOnlySpan<ushort> values) => WriteBlock(MemoryMarshal.AsBytes(values), values.Length);

    public void WriteInt64s(ReadOnlySpan<long> values) => WriteBlock(MemoryMarshal.AsBytes(values), values.Length);

    public void WriteBytes(ReadOnlySpan<byte> values) => WriteBlock(values, values.Length);

    public void Flush()
    {
        if (_used > 0)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }

        _stream.Flush();
    }

    public void Dispose() => Flush();

    private void WriteBlock(ReadOnlySpan<byte> bytes, int count)
    {
        WriteCount(count);
        if (bytes.Length <= _buffer.Length - _used)
        {
            bytes.CopyTo(_buffer.AsSpan(_used));
            _used += bytes.Length;
        }
        else
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
            _stream.Write(bytes);
        }

        Position += bytes.Length;
    }

    private void WriteUtf8(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max + 5 <= _buffer.Length)
        {
            Ensure(max + 5);
            var n = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 5));
            var lengthBytes = VarLength((uint)n);
            if (lengthBytes < 5)
            {
                _buffer.AsSpan(_used + 5, n).CopyTo(_buffer.AsSpan(_used + lengthBytes));
            }

            PutVar(_buffer.AsSpan(_used), (uint)n);
            _used += lengthBytes + n;
            Position += lengthBytes + n;
        }
        else
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            WriteBlock(bytes, bytes.Length);
        }
    }

    private void WriteVarUInt(uint value)
    {
        Ensure(5);
        var n = PutVar(_buffer.AsSpan(_used), value);
        _used += n;
        Position += n;
    }

    private static int PutVar(Span<byte> target, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            target[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        target[i++] = (byte)value;
        return i;
    }

    private static int VarLength(uint value)
    {
        var n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }

        return n;
    }

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _used < bytes)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }
}
