namespace Comity.Storage.Audit;

/// <summary>A record to append: who did what to which subject, with details as a JSON object.</summary>
/// <param name="Actor">API key name or user.</param>
/// <param name="Action">Dotted verb, e.g. "alert.reviewed", "corpus.reloaded".</param>
/// <param name="Subject">Id of what was acted on (alert id, run id, dataset).</param>
/// <param name="PayloadJson">Details as JSON; never raw names or dates of birth (use query hashes).</param>
public sealed record AuditEntry(string Actor, string Action, string Subject, string PayloadJson);
