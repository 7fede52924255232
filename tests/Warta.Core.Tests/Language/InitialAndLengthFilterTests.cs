using Warta.Language;

namespace Warta.Tests.Language;

public sealed class InitialAndLengthFilterTests
{
    [Fact]
    public void Passes_every_case_of_a_set_word_and_stops_words_of_another_initial_or_length()
    {
        var filter = new InitialAndLengthFilter(["menurut", "kata", "Reuters"]);

        Assert.True(filter.MayMatch("Menurut"));
        Assert.True(filter.MayMatch("KATA"));
        Assert.True(filter.MayMatch("reuters"));
        Assert.True(filter.MayMatch("kaki")); // same initial and length: the set lookup decides
        Assert.False(filter.MayMatch("katanya"));
        Assert.False(filter.MayMatch("Jakarta"));
        Assert.False(filter.MayMatch("2024"));
        Assert.True(filter.MayMatch(string.Empty));
    }

    [Fact]
    public void Words_outside_ascii_always_pass_and_a_set_word_outside_ascii_turns_the_check_off()
    {
        Assert.True(new InitialAndLengthFilter(["kata"]).MayMatch("Ñandú"));
        Assert.False(new InitialAndLengthFilter(["kata"]).MayMatch("zona"));
        Assert.True(new InitialAndLengthFilter(["kata", "Österreich"]).MayMatch("zona"));
    }
}
