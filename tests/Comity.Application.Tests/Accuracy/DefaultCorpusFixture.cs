using Comity.Application.Corpus;
using Comity.Application.Tests.Evaluation;

namespace Comity.Application.Tests.Accuracy;

/// <summary>The issue-2 screening corpus (OFAC SDN and consolidated CSV, UN XML), loaded once for all accuracy tests:
/// the corpus the labelled data in <c>data/eval</c> was generated from.</summary>
public sealed class DefaultCorpusFixture
{
    public DefaultCorpusFixture() =>
        Corpus = CorpusLoader.Load(
        [
            RepoFiles.Path("data/lists/ofac/sdn-csv"),
            RepoFiles.Path("data/lists/ofac/cons-csv"),
            RepoFiles.Path("data/lists/un/UN_consolidated.xml"),
        ]);

    public ScreeningCorpus Corpus { get; }
}
