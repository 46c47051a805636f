namespace Comity.Law.Data;

/// <summary>Which regime a dataset (entity <c>source</c>) belongs to.</summary>
internal sealed record DatasetInfo(string Source, string Regime, LawAction? BindingAction, string Note, Fact Fact)
{
    public static readonly string[] Columns = ["source", "regime", "binding_action", "note", "version", "verification", "sources"];

    public static DatasetInfo Parse(CsvRecord r)
    {
        LawAction? action = null;
        if (r.Optional("binding_action") is { } text)
        {
            action = LawActions.TryParse(text, out var a) ? a : throw r.Error($"column 'binding_action': '{text}' is not an action");
        }

        return new DatasetInfo(r.Required("source"), r.Required("regime"), action, r.Text("note"), Fact.From(r));
    }
}
