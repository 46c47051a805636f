using Comity.Evaluation.Variants;

namespace Comity.Evaluation.Tests.Variants;

public class ScriptRenderingTests
{
    [Theory]
    [InlineData("MADURO MOROS, Nicolas", "Мадуро Морос, Николас")]
    [InlineData("Sergey Lavrov", "Сергей Лавров")]
    [InlineData("Shchukin", "Щукин")]
    [InlineData("Khabarov-Zhukov", "Хабаров-Жуков")]
    [InlineData("Erik Yusupov", "Эрик Юсупов")]
    [InlineData("LONG XING 638", "Лонг Ксинг 638")]
    public void Cyrillic(string latin, string cyrillic) => Assert.Equal(cyrillic, ScriptRendering.ToCyrillic(latin));

    [Theory]
    [InlineData("Mohammed", "موهامد")]
    [InlineData("Al-Qaida", "القيدا")]
    [InlineData("Khalid Shaikh", "خاليد شيخ")]
    [InlineData("BAGHDADI, Abu", "باغدادي، ابو")]
    public void Arabic(string latin, string arabic) => Assert.Equal(arabic, ScriptRendering.ToArabic(latin));

    [Theory]
    [InlineData("Nicolás Maduro", true)]
    [InlineData("Иван", false)]
    [InlineData("محمد", false)]
    [InlineData("12345", false)]
    public void Latin_detection(string name, bool latin) => Assert.Equal(latin, ScriptRendering.IsLatin(name));
}
