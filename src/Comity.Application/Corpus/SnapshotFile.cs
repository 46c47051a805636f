using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Comity.Application.Linking;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Core.Snapshots;

namespace Comity.Application.Corpus;

/// <summary>One corpus — datasets, entities, index and cross-list links — as one binary file.</summary>
/// <remarks>
/// Layout: a 128-byte header — magic <c>COMITYSN</c>, <see cref="FormatVersion"/>, the engine version and the input key
/// (SHA-256 each, see <see cref="CorpusCache"/>), the payload's length and its SHA-256 — then the payload: the datasets
/// (<see cref="DatasetCodec"/>), the entities (<see cref="EntityCodec"/>, in blocks of 4,096 with a string pool each,
/// decoded in parallel), the index (<see cref="MatchIndex.WriteSnapshot"/>), the links, an
/// end mark. A reader checks the header, then the payload's checksum in one pass, and only then parses: a truncated or
/// damaged file is refused whole (<see cref="InvalidDataException"/>), never half read.
/// </remarks>
internal static class SnapshotFile
{
    /// <summary>The file layout; the engine version (see <see cref="CorpusCache.EngineVersion"/>) covers the code.</summary>
    public const int FormatVersion = 2;

    public const int HeaderBytes = 128;

    private const uint EndMark = 0xC0417E5D;

    /// <summary>Entities per block of the entity section (blocks are decoded in parallel).</summary>
    private const int EntitiesPerBlock = 4096;

    private static ReadOnlySpan<byte> Magic => "COMITYSN"u8;

    /// <summary>What a header says, for a reader deciding whether the file is the one it wants.</summary>
    public sealed record Header(int Format, byte[] Engine, byte[] Key, long PayloadLength, byte[] PayloadHash);

    public static void Write(Stream stream, ScreeningCorpus corpus, byte[] engine, byte[] key)
    {
        var start = stream.Position;
        stream.Write(new byte[HeaderBytes]);
        var payloadStart = stream.Position;
        using (var w = new SnapshotWriter(stream))
        {
            DatasetCodec.Write(w, corpus.Datasets);
            var entities = corpus.Entities;
            WriteEntities(w, entities);

            corpus.Index.WriteSnapshot(w);
            var positions = new Dictionary<string, int>(entities.Length, StringComparer.Ordinal);
            for (var i = 0; i < entities.Length; i++)
            {
                positions.TryAdd(entities[i].Id, i);
            }

            var subjects = corpus.Links.ExportSubjects(positions);
            w.WriteCount(subjects.Length);
            foreach (var (id, members) in subjects)
            {
                w.WriteCount(id);
                w.WriteInts(members);
            }

            var reasons = corpus.Links.LinkReasons.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
            w.WriteCount(reasons.Length);
            foreach (var (entity, reason) in reasons)
            {
                w.WriteCount(positions[entity]);
                w.WriteString(reason);
            }

            w.WriteInt64(EndMark);
        }

        var payloadLength = stream.Position - payloadStart;
        stream.Position = payloadStart;
        var hash = Hash(stream, payloadLength);
        var header = new byte[HeaderBytes];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), FormatVersion);
        engine.CopyTo(header.AsSpan(16, 32));
        key.CopyTo(header.AsSpan(48, 32));
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(80), payloadLength);
        hash.CopyTo(header.AsSpan(88, 32));
        stream.Position = start;
        stream.Write(header);
        stream.Flush();
    }

    /// <summary>The header, or null when the file is not a Comity snapshot at all (or too short to hold a header).</summary>
    public static Header? ReadHeader(Stream stream)
    {
        var header = new byte[HeaderBytes];
        if (stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes || !header.AsSpan(0, 8).SequenceEqual(Magic))
        {
            return null;
        }

        return new Header(BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8)), header[16..48], header[48..80],
            BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(80)), header[88..120]);
    }

    /// <summary>Reads the corpus after the header; the stream stands at the payload. Checks the length and the checksum
    /// before parsing anything.</summary>
    /// <exception cref="InvalidDataException">Truncated, damaged or inconsistent.</exception>
    public static ScreeningCorpus ReadPayload(Stream stream, Header header, DateTimeOffset loadedAt, MatcherOptions? options, Action<string>? mark = null)
    {
        var payloadStart = stream.Position;
        if (header.PayloadLength <= 0 || stream.Length - payloadStart != header.PayloadLength)
        {
            throw SnapshotReader.Corrupt($"payload of {stream.Length - payloadStart:N0} bytes where the header says {header.PayloadLength:N0} (truncated?)");
        }

        if (!Hash(stream, header.PayloadLength).AsSpan().SequenceEqual(header.PayloadHash))
        {
            throw SnapshotReader.Corrupt("checksum mismatch");
        }

        mark?.Invoke("checksum");

        stream.Position = payloadStart;
        var r = new SnapshotReader(stream, header.PayloadLength);
        var datasets = DatasetCodec.Read(r);
        var entities = ReadEntities(r);
        var n = entities.Length;
        mark?.Invoke("entities");
        var index = MatchIndex.ReadSnapshot(r, entities, options, mark);
        var subjectCount = r.ReadLength();
        var subjects = new (int Id, int[] Members)[subjectCount];
        for (var i = 0; i < subjectCount; i++)
        {
            var id = r.ReadCount();
            var members = r.ReadInts();
            if (members.Any(m => (uint)m >= (uint)n))
            {
                throw SnapshotReader.Corrupt("link member out of range");
            }

            subjects[i] = (id, members);
        }

        var reasonCount = r.ReadLength();
        var reasons = new KeyValuePair<string, string>[reasonCount];
        for (var i = 0; i < reasonCount; i++)
        {
            var at = r.ReadCount();
            if ((uint)at >= (uint)n)
            {
                throw SnapshotReader.Corrupt("link reason out of range");
            }

            reasons[i] = new(entities[at].Id, r.ReadRequiredString());
        }

        if (r.ReadInt64() != EndMark)
        {
            throw SnapshotReader.Corrupt("no end mark");
        }

        r.ExpectEnd();
        var links = SubjectLinks.Restore(entities, subjects, reasons);
        mark?.Invoke("links");
        var corpus = new ScreeningCorpus(datasets, ImmutableCollectionsMarshal.AsImmutableArray(entities), index, loadedAt, links);
        mark?.Invoke("corpus");
        return corpus;
    }

    /// <summary>The entities in blocks of <see cref="EntitiesPerBlock"/>, each with its own string pool, so that a reader
    /// decodes the blocks in parallel.</summary>
    private static void WriteEntities(SnapshotWriter w, ImmutableArray<Entity> entities)
    {
        w.WriteCount(entities.Length);
        var blocks = (entities.Length + EntitiesPerBlock - 1) / EntitiesPerBlock;
        w.WriteCount(blocks);
        using var buffer = new MemoryStream();
        for (var b = 0; b < blocks; b++)
        {
            buffer.SetLength(0);
            var count = Math.Min(EntitiesPerBlock, entities.Length - (b * EntitiesPerBlock));
            using (var block = new SnapshotWriter(buffer))
            {
                for (var i = 0; i < count; i++)
                {
                    EntityCodec.Write(block, entities[(b * EntitiesPerBlock) + i]);
                }
            }

            w.WriteCount(count);
            w.WriteBytes(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
    }

    /// <summary>Reads what <see cref="WriteEntities"/> wrote: the blocks in order, then decoded on every core.</summary>
    private static Entity[] ReadEntities(SnapshotReader r)
    {
        var n = r.ReadLength();
        var blockCount = r.ReadLength();
        if (blockCount != (n + EntitiesPerBlock - 1) / EntitiesPerBlock)
        {
            throw SnapshotReader.Corrupt("entity blocks do not match the entity count");
        }

        var blocks = new (int Start, int Count, byte[] Bytes)[blockCount];
        var start = 0;
        for (var b = 0; b < blockCount; b++)
        {
            var count = r.ReadCount();
            if (count != Math.Min(EntitiesPerBlock, n - start))
            {
                throw SnapshotReader.Corrupt("entity block of the wrong size");
            }

            blocks[b] = (start, count, r.ReadBytes());
            start += count;
        }

        var entities = new Entity[n];
        try
        {
            Parallel.For(0, blockCount, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, b =>
            {
                var (first, count, bytes) = blocks[b];
                var block = new SnapshotReader(bytes, 0, bytes.Length);
                for (var i = 0; i < count; i++)
                {
                    entities[first + i] = EntityCodec.Read(block);
                }

                block.ExpectEnd();
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A block's own error (a damaged snapshot: the cache recognises its type), not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        return entities;
    }

    private static byte[] Hash(Stream stream, long length)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        var left = length;
        while (left > 0)
        {
            var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (n <= 0)
            {
                throw SnapshotReader.Corrupt("unexpected end of file");
            }

            sha.AppendData(buffer, 0, n);
            left -= n;
        }

        return sha.GetHashAndReset();
    }

    /// <summary>Hex text of a hash, for names and messages.</summary>
    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>UTF-8 bytes, for hashing text.</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
