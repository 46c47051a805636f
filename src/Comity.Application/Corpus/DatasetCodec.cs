using System.Collections.Immutable;
using Comity.Core.Snapshots;
using Comity.Sources.Abstractions;

namespace Comity.Application.Corpus;

/// <summary>The binary form of the datasets in a corpus snapshot: every property of <see cref="Dataset"/>,
/// <see cref="Provenance"/>, <see cref="SourceFile"/> and <see cref="Diagnostic"/>, in declaration order (the snapshot
/// round-trip test compares them, read back, with the originals).</summary>
internal static class DatasetCodec
{
    public static void Write(SnapshotWriter w, ImmutableArray<Dataset> datasets)
    {
        w.WriteCount(datasets.Length);
        foreach (var d in datasets)
        {
            w.WriteString(d.Path);
            w.WritePooled(d.Format);
            var p = d.Provenance;
            w.WritePooled(p.Source);
            w.WritePooled(p.Authority);
            w.WritePooled(p.Format);
            w.WriteString(p.Published);
            w.WriteCount(p.Files.Length);
            foreach (var f in p.Files)
            {
                w.WriteString(f.Name);
                w.WriteString(f.Sha256);
                w.WriteInt64(f.Bytes);
            }

            Counts(w, p.RecordCounts);
            w.WriteCount(d.EntityCount);
            Counts(w, d.Schemata);
            w.WriteCount(d.Diagnostics.Length);
            foreach (var g in d.Diagnostics)
            {
                w.WritePooled(g.File);
                w.WriteString(g.Location);
                w.WritePooled(g.Code);
                w.WriteString(g.Message);
                w.WriteByte((byte)g.Severity);
            }
        }
    }

    public static ImmutableArray<Dataset> Read(SnapshotReader r)
    {
        var n = r.ReadLength();
        var datasets = ImmutableArray.CreateBuilder<Dataset>(n);
        for (var i = 0; i < n; i++)
        {
            var path = r.ReadRequiredString();
            var format = r.ReadRequiredString();
            var source = r.ReadRequiredString();
            var authority = r.ReadRequiredString();
            var provenanceFormat = r.ReadRequiredString();
            var published = r.ReadString();
            var fileCount = r.ReadLength();
            var files = ImmutableArray.CreateBuilder<SourceFile>(fileCount);
            for (var f = 0; f < fileCount; f++)
            {
                files.Add(new SourceFile(r.ReadRequiredString(), r.ReadRequiredString(), r.ReadInt64()));
            }

            var provenance = new Provenance(source, authority, provenanceFormat, published, files.MoveToImmutable(), Counts(r));
            var entityCount = r.ReadCount();
            var schemata = Counts(r);
            var diagnosticCount = r.ReadLength();
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(diagnosticCount);
            for (var g = 0; g < diagnosticCount; g++)
            {
                var file = r.ReadRequiredString();
                var location = r.ReadRequiredString();
                var code = r.ReadRequiredString();
                var message = r.ReadRequiredString();
                var severity = (DiagnosticSeverity)r.ReadByte();
                diagnostics.Add(new Diagnostic(file, location, code, message,
                    Enum.IsDefined(severity) ? severity : throw SnapshotReader.Corrupt("bad diagnostic severity")));
            }

            datasets.Add(new Dataset(path, format, provenance, entityCount, schemata, diagnostics.MoveToImmutable()));
        }

        return datasets.MoveToImmutable();
    }

    private static void Counts(SnapshotWriter w, ImmutableDictionary<string, int> counts)
    {
        w.WriteCount(counts.Count);
        foreach (var (key, value) in counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WritePooled(key);
            w.WriteInt(value);
        }
    }

    private static ImmutableDictionary<string, int> Counts(SnapshotReader r)
    {
        var n = r.ReadLength();
        var builder = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            builder[r.ReadRequiredString()] = r.ReadInt();
        }

        return builder.ToImmutable();
    }
}
