using System.Diagnostics;
using System.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.OfacAdvanced;

namespace Comity.Sources.Tests.OfacAdvanced;

/// <summary>Runs alone (no other test allocates meanwhile), so that the heap it samples is the reader's.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

[Collection(nameof(MemoryMeasurement))]
public class OfacAdvancedStreamingTests
{
    /// <summary>40 MB (as before the suite was sped up): at 16 MB the reader's fixed working memory (about 5 MB) came to 31–32 % of the file in loaded full runs, past the 25 % bound, so the file is large enough that a DOM (several times the file) would break both bounds by far while fixed costs do not; the cost is that
    /// the full collection every 50 ms can take minutes on a busy 2-core machine.</summary>
    private const long TargetBytes = 40L * 1024 * 1024;

    [Fact]
    public void Peak_live_memory_stays_far_below_the_file_size()
    {
        var path = Path.Combine(Path.GetTempPath(), "comity-advanced-" + Guid.NewGuid().ToString("N") + ".xml");
        try
        {
            var parties = Generate(path);
            var size = new FileInfo(path).Length;
            var reader = new OfacAdvancedXmlReader();
            var probe = ListProbe.Open(path);

            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            var peak = baseline;
            var done = false;

            // Samples the live heap (after a full collection) every 50 ms while the reader runs.
            var sampler = new Thread(() =>
            {
                while (!Volatile.Read(ref done))
                {
                    var live = GC.GetTotalMemory(forceFullCollection: true);
                    if (live > Interlocked.Read(ref peak))
                    {
                        Interlocked.Exchange(ref peak, live);
                    }

                    Thread.Sleep(50);
                }
            });
            var watch = Stopwatch.StartNew();
            sampler.Start();
            var result = reader.Read(probe, TestContext.Current.CancellationToken);
            Volatile.Write(ref done, true);
            sampler.Join();
            watch.Stop();
            var retained = GC.GetTotalMemory(forceFullCollection: true);
            peak = Math.Max(peak, retained);

            Assert.Equal(parties + 4, result.Entities.Length);
            Assert.Empty(result.Diagnostics);
            // The entities returned are data the caller asked for; the reader's own working memory is what a DOM would
            // blow up (several times the file size). Both are bounded here.
            var used = peak - baseline;
            var output = retained - baseline;
            var working = peak - retained;
            var report = $"file {size} B, {parties} parties, {watch.Elapsed.TotalSeconds:F1} s; peak live {used} B ({100.0 * used / size:F1} %), "
                + $"of which returned entities {output} B ({100.0 * output / size:F1} %) and reader working memory {working} B ({100.0 * working / size:F1} %)";
            TestContext.Current.SendDiagnosticMessage(report);
            Assert.True(working < size / 4, report);
            Assert.True(used < size, report);
            GC.KeepAlive(result);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes a valid advanced file of about <see cref="TargetBytes"/>: the constructed file with its person
    /// party repeated under new FixedRefs. Returns the number of added parties.</summary>
    private static int Generate(string path)
    {
        var text = File.ReadAllText(RepoFiles.Full(OfacAdvancedXmlReaderTests.Constructed));
        var partyStart = text.IndexOf("    <DistinctParty FixedRef=\"25057\">", StringComparison.Ordinal);
        var partyEnd = text.IndexOf("</DistinctParty>", partyStart, StringComparison.Ordinal) + "</DistinctParty>".Length;
        var party = text[partyStart..partyEnd];
        var split = text.IndexOf("  </DistinctParties>", StringComparison.Ordinal);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write(text.AsSpan(0, split));
        var n = 0;
        var written = (long)split;
        while (written < TargetBytes)
        {
            var id = (1_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var copy = party.Replace("FixedRef=\"25057\"", $"FixedRef=\"{id}\"", StringComparison.Ordinal)
                .Replace("Profile ID=\"25057\"", $"Profile ID=\"{id}\"", StringComparison.Ordinal);
            w.WriteLine(copy);
            written += copy.Length + 1;
            n++;
        }

        w.Write(text.AsSpan(split));
        return n;
    }
}
