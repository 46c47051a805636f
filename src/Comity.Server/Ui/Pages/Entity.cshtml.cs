using Comity.Application.Linking;
using Comity.Core.Model;
using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Server.Ui.Pages;

/// <summary>One listed entity: every name, attribute and listing of its subject, with the lists' provenance.</summary>
[UiRole(AccessRole.Screener)]
internal sealed class EntityModel(CorpusHost host) : UiPage
{
    public Entity Entity { get; private set; } = null!;

    public IReadOnlyList<SubjectListing> Listings { get; private set; } = [];

    public CorpusSnapshot Snapshot { get; private set; } = null!;

    /// <summary>The subjects this listing names (OFAC's <c>Linked To</c>, parent, owner), resolved server-side.</summary>
    public IReadOnlyList<RelatedName> LinkedTo { get; private set; } = [];

    /// <summary>The listings that name this one (from the index built once per corpus).</summary>
    public IReadOnlyList<RelatedFrom> LinkedFrom { get; private set; } = [];

    /// <summary>At most this many "linked from" rows are shown (the count says how many there are).</summary>
    public const int LinkedFromShown = 100;

    public IActionResult OnGet(string id)
    {
        var snapshot = host.Current;
        if (snapshot?.Corpus.Find(id) is not { } entity)
        {
            return NotFound();
        }

        Snapshot = snapshot;
        Entity = entity;
        var links = snapshot.Corpus.Links;
        Listings = links.SubjectOf(entity.Id) is { } s ? s.ListingsFor(entity, links.LinkReasons) : [new SubjectListing(entity.Source, entity.SourceId, entity.Id, entity.Programs, entity.ListedOn, "self")];
        LinkedTo = snapshot.Related.Of(entity, HttpContext.RequestAborted);
        LinkedFrom = snapshot.Related.To(entity);
        return Page();
    }
}
