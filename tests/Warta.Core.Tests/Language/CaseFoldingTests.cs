using Warta.Language;

namespace Warta.Tests.Language;

public sealed class CaseFoldingTests
{
    [Fact]
    public void ToLower_matches_ToLowerInvariant_for_every_char()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
            Assert.True(char.ToLowerInvariant(c) == CaseFolding.ToLower(c), $"U+{(int)c:X4}");
    }

    [Fact]
    public void ToLower_returns_the_same_instance_when_nothing_changes()
    {
        var text = "“kata” — menteri luar negeri 東京";
        Assert.Same(text, CaseFolding.ToLower(text));
        Assert.Equal("wang yi ⓐ", CaseFolding.ToLower("Wang YI Ⓐ"));
    }
}
