using Comity.Application.Tests.Measures;

namespace Comity.Application.Tests.Matching;

public class BinomialTests
{
    [Fact]
    public void Tails_match_closed_forms()
    {
        // Two fair coins: P(at least one head) = 3/4, P(two heads) = 1/4.
        Assert.Equal(0.75, Binomial.AtLeast(2, 1, 0.5), 12);
        Assert.Equal(0.25, Binomial.AtLeast(2, 2, 0.5), 12);
        Assert.Equal(0.0, Binomial.AtLeast(2, 3, 0.5), 12);
        Assert.Equal(1.0, Binomial.AtLeast(2, 0, 0.5), 12);
        // Three trials at 10 %: P(none) = 0.9³.
        Assert.Equal(1 - (0.9 * 0.9 * 0.9), Binomial.AtLeast(3, 1, 0.1), 12);
        Assert.Equal(0.9 * 0.9 * 0.9, Binomial.AtMost(3, 0, 0.1), 12);
    }

    [Fact]
    public void Tails_are_complementary_and_decrease_with_k()
    {
        for (var k = 0; k <= 200; k++)
        {
            Assert.Equal(1.0, Binomial.AtLeast(200, k, 0.005) + Binomial.AtMost(200, k - 1, 0.005), 9);
            Assert.True(Binomial.AtLeast(200, k + 1, 0.005) <= Binomial.AtLeast(200, k, 0.005));
        }
    }
}
