using Comity.Application.Corpus;

namespace Comity.Application.Tests.Accuracy;

/// <summary>The whole bundled default corpus (<c>data/default-corpus.json</c>: every authority's list plus the ICC
/// dataset), loaded once for the accuracy tests that measure what users actually screen against.</summary>
public sealed class BundledCorpusFixture
{
    internal ScreeningCorpus Corpus { get; } = CorpusLoader.LoadDefault();
}

/// <summary>Shares one <see cref="BundledCorpusFixture"/> between the default-corpus accuracy tests.</summary>
[CollectionDefinition(nameof(BundledCorpusCollection))]
public sealed class BundledCorpusCollection : ICollectionFixture<BundledCorpusFixture>;

/// <summary>The dev/test split by entity used for data built in code: FNV-1a 64 of the entity id modulo 100, below 70
/// is <c>dev</c> (the rule <c>data/eval</c> uses). Only <c>dev</c> may be looked at while tuning.</summary>
internal static class EntitySplit
{
    public static bool IsTest(string entityId)
    {
        var h = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(entityId))
        {
            h ^= b;
            h *= 1099511628211UL;
        }

        return h % 100 >= 70;
    }
}
