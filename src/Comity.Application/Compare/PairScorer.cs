using System.Collections.Immutable;
using Comity.Application.Corpus;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Application.Compare;

/// <summary>Scores two free names against each other with the corpus's knowledge (token rarity, mined name
/// variants): the engine behind <c>comity compare</c> and <c>comity calibrate</c>.</summary>
internal sealed class PairScorer(ScreeningCorpus corpus)
{
    /// <summary>Scores <paramref name="queryName"/> (as screened) against <paramref name="listedName"/> (as listed).</summary>
    public ScoredEntity Score(string queryName, string listedName, Schema schema = Schema.LegalEntity)
    {
        var query = new Query { Names = [queryName], Schema = schema };
        var entity = new Entity
        {
            Id = "compare:1",
            Source = "compare",
            SourceId = "1",
            Schema = schema,
            Names = ImmutableArray.Create(new EntityName(listedName)),
        };
        return corpus.Index.Score(query, entity);
    }
}
