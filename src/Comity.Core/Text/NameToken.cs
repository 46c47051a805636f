namespace Comity.Core.Text;

/// <summary>One normalised token of a name: ASCII lower-case text, its class and, for legal forms, the family
/// (see <see cref="LegalForms"/>).</summary>
internal readonly record struct NameToken(string Text, TokenClass Class, byte LegalFamily = 0)
{
    public override string ToString() => Text;
}
