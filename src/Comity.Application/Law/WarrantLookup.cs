using Comity.Application.Corpus;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Law;
using Comity.Sources.Registry;

namespace Comity.Application.Law;

/// <summary>Answers <c>comity obligations</c> for a warrant id, an exact name, or a name as people type it
/// ("Vladimir Putin" for "Vladimir Vladimirovich Putin"): when the exact lookup finds nothing, the ICC warrant
/// subjects are screened with the matching engine and the best match at the default threshold is used.</summary>
public static class WarrantLookup
{
    public static ObligationsReport Obligations(LawEngine engine, string subject, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var report = engine.Obligations(subject, asOf);
        if (report.Resolution != WarrantResolution.NotFound)
        {
            return report;
        }

        var icc = ListReaders.Load(Path.Combine(DefaultCorpus.DataDirectory(), "icc"));
        var warrants = icc.Entities.Where(e => e.Source == "icc-warrants").ToList();
        var index = MatchIndex.Build(warrants);
        var best = index.Match(new Query { Names = [subject], Schema = Schema.Person }, 2, MatcherOptions.DefaultThreshold);
        return best.Count == 1 || (best.Count > 1 && best[0].Score > best[1].Score)
            ? engine.Obligations(best[0].Entity.SourceId, asOf)
            : report;
    }
}
