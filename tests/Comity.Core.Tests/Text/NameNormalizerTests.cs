using Comity.Core.Text;

namespace Comity.Core.Tests.Text;

public class NameNormalizerTests
{
    private static string Norm(string name) => string.Join(' ', NameNormalizer.Normalize(name).Select(t => t.Text));

    [Theory]
    [InlineData("O'Brien", "obrien")]
    [InlineData("U.S.A. Trading", "usa trading")]
    [InlineData("A-B-C Company", "abc company")]
    [InlineData("L Ron Hubbard", "l ron hubbard")]
    [InlineData("MADURO MOROS, Nicolas", "nicolas maduro moros")]
    [InlineData("Dr. Ayman al-Zawahiri", "ayman al zawahiri")]
    [InlineData("Sheikh Mohammed bin Rashid", "mohammed bin rashid")]
    [InlineData("M/V Snow Storm 1", "snow storm 1")]
    [InlineData("The Ocean Star", "ocean star")]
    [InlineData("LUKOIL OIL COMP", "lukoil oil company")]
    [InlineData("GUANGZHOU HAIGE COMM GRP", "guangzhou haige communication group")]
    [InlineData("CNOOC ENERGY TECH & SRVCES LTD", "cnooc energy technology and service ltd")]
    [InlineData("ACME INTL MFG", "acme international manufacturing")]
    [InlineData("Николас Мадуро", "nikolas maduro")]
    [InlineData("Ελληνικά", "ellinika")]
    [InlineData("毛泽东", "mao ze dong")]
    [InlineData("Джафаров", "jafarov")]
    [InlineData("Raúl Łódź", "raul lodz")]
    [InlineData("ＡＢＣ Ｌｔｄ", "abc ltd")]
    [InlineData("GOLD MILESLIMITED", "gold miles ltd")]
    public void Normalises(string name, string expected) => Assert.Equal(expected, Norm(name));

    [Theory]
    [InlineData("OOO Romashka", "LLC Romashka")]
    [InlineData("Romashka GmbH", "Romashka Limited Liability Company")]
    [InlineData("Acme Pvt. Ltd.", "Acme Private Limited")]
    [InlineData("Siemens AG", "Siemens Aktiengesellschaft")]
    [InlineData("OAO Gazprom", "Open Joint Stock Company Gazprom")]
    [InlineData("ZAO Alfa", "Closed Joint Stock Company Alfa")]
    [InlineData("PAO Sberbank", "PJSC Sberbank")]
    [InlineData("Cemex S.A. de C.V.", "Cemex SA de CV")]
    [InlineData("Acme Ltd", "Acme Limited")]
    [InlineData("Acme Inc.", "Acme Incorporated")]
    [InlineData("Acme Corp", "Acme Corporation")]
    public void Legal_forms_have_one_canonical_token(string a, string b) => Assert.Equal(Norm(a), Norm(b));

    [Fact]
    public void Classes_are_tagged()
    {
        var tokens = NameNormalizer.Normalize("Sergey Viktorovich al-Lavrov OOO 7");
        Assert.Equal(
            [TokenClass.Word, TokenClass.Patronymic, TokenClass.Particle, TokenClass.Word, TokenClass.LegalForm, TokenClass.Number],
            tokens.Select(t => t.Class));
        Assert.Equal(LegalForms.LimitedLiability, tokens[4].LegalFamily);
    }

    [Fact]
    public void Ambiguous_legal_forms_only_at_the_edges()
    {
        Assert.Equal(TokenClass.LegalForm, NameNormalizer.Normalize("Romashka AO")[1].Class);
        Assert.Equal(TokenClass.Word, NameNormalizer.Normalize("Li Ao Wen")[1].Class);
        Assert.Equal(TokenClass.Word, Assert.Single(NameNormalizer.Normalize("AG")).Class);
    }

    [Fact]
    public void AG_and_GmbH_conflict_OAO_and_JSC_are_close()
    {
        var ag = NameNormalizer.Normalize("X AG")[1];
        var gmbh = NameNormalizer.Normalize("X GmbH")[1];
        var oao = NameNormalizer.Normalize("OAO X")[0];
        var jsc = NameNormalizer.Normalize("JSC X")[0];
        Assert.Equal(-1.0, LegalForms.Compare(ag, gmbh));
        Assert.Equal(0.8, LegalForms.Compare(oao, jsc));
        Assert.Equal(1.0, LegalForms.Compare(gmbh, NameNormalizer.Normalize("X OOO")[1]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...")]
    [InlineData(null)]
    public void Empty_names_have_no_tokens(string? name) => Assert.Empty(NameNormalizer.Normalize(name));

    [Fact]
    public void Arabic_article_becomes_a_particle()
    {
        var tokens = NameNormalizer.Normalize("معمر القذافي");
        Assert.Equal(["mmr", "al", "qdhfy"], tokens.Select(t => t.Text));
        Assert.Equal(TokenClass.Particle, tokens[1].Class);
    }

    [Fact]
    public void Organisation_words_written_in_arabic_letters_are_recognised()
    {
        var tokens = NameNormalizer.Normalize("كينجس رومانس كومباني ليميتد");
        Assert.Equal(["kynjs", "rwmns", "company", "ltd"], tokens.Select(t => t.Text));
        Assert.Equal(TokenClass.Generic, tokens[2].Class);
        Assert.Equal(TokenClass.LegalForm, tokens[3].Class);
    }

    [Fact]
    public void Short_arabic_letter_words_are_not_taken_for_organisation_words()
    {
        var tokens = NameNormalizer.Normalize("باك تشون ال");
        Assert.Equal(["bk", "tshwn", "l"], tokens.Select(t => t.Text));
    }

    [Theory]
    [InlineData("LIMOTED LIABILITY COMPANY RIVER PARK", "llc river park")]
    [InlineData("JIONT STOCK COMPANY SOVCOMBANK LIFE", "jsc sovcombank life")]
    [InlineData("AKTSIONERNOE OBSHCHETVO OPTRON", "jsc optron")]
    [InlineData("T.M.G. ENGINEERING LIMOTED", "tmg engineering ltd")]
    [InlineData("MAX JET SERVICE LIMITED LIABIOTY COMPANY", "max jet service llc")]
    [InlineData("OBSHCHESTVK S OGRANCIHENNOI OTVETSTVENNOSTYU TORGOVY DOM", "llc torgovy dom")]
    public void One_typo_in_a_legal_form_word_is_corrected(string name, string expected) =>
        Assert.Equal(expected, string.Join(' ', NameNormalizer.Normalize(name).Select(t => t.Text)));

    [Theory]
    [InlineData("Stack Holdings", "stack holding")]
    [InlineData("Limon Trading", "limon trading")]
    public void Words_near_legal_form_words_but_not_typos_of_them_stay(string name, string expected) =>
        Assert.Equal(expected, string.Join(' ', NameNormalizer.Normalize(name).Select(t => t.Text)));

    [Theory]
    [InlineData("ZALOGOOO", "zalog llc")]
    [InlineData("TAMYNAFZE", "tamyna fze")]
    [InlineData("OOOSOLAR SEKYURITI", "llc solar sekyuriti")]
    [InlineData("AKTSIONERNOE OBSHCHESTVOOPTRON", "jsc optron")]
    [InlineData("Hollywood Studios", "hollywood studios")]
    public void Legal_forms_glued_to_a_name_are_split(string name, string expected) =>
        Assert.Equal(expected, string.Join(' ', NameNormalizer.Normalize(name).Select(t => t.Text)));

    [Theory]
    [InlineData("جسك روسيان هليكوبترس", "jsc rwsyn hlykwbtrs")]
    [InlineData("اديامس دمك", "dyms dmcc")]
    [InlineData("موهامد الغابرا", "mwhmd al ghbr")]
    [InlineData("سونج سون ام", "swnj swn m")]
    public void Legal_acronyms_written_in_arabic_letters_are_recognised_and_names_are_not(string name, string expected) =>
        Assert.Equal(expected, string.Join(' ', NameNormalizer.Normalize(name).Select(t => t.Text)));
}
