using Comity.Core.Text;

namespace Comity.Core.Tests.Text;

public class EditDistanceTests
{
    [Theory]
    [InlineData("doeburg", "dowburg", 3, 1)]
    [InlineData("kitten", "sitting", 3, 3)]
    [InlineData("abcd", "abdc", 2, 1)]
    [InlineData("same", "same", 0, 0)]
    [InlineData("", "abc", 3, 3)]
    [InlineData("kitten", "sitting", 2, 3)]
    [InlineData("a", "abcdef", 2, 3)]
    [InlineData("doe", "dow", 0, 1)]
    public void Bounded_distance(string a, string b, int max, int expected) => Assert.Equal(expected, EditDistance.Bounded(a, b, max));

    [Fact]
    public void Long_strings_use_the_heap_path() =>
        Assert.Equal(1, EditDistance.Bounded(new string('a', 300) + "b", new string('a', 300) + "c", 2));

    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(15, 2)]
    [InlineData(16, 3)]
    public void Budget_grows_with_length(int length, int budget) => Assert.Equal(budget, EditDistance.Budget(length));
}
