using Warta.Search;

namespace Warta.Server.Tests.Search;

public sealed class PlainQueryTests
{
    private static readonly Lucene.Net.Analysis.Analyzer Analyzer = SearchAnalyzers.Create();

    [Theory]
    [InlineData("jakarta")]
    [InlineData("Pemerintahan")]
    [InlineData("banjir jakarta")]
    [InlineData("governments discussed security")]
    [InlineData("yang dikutip Reuters")]
    [InlineData("the offers")]
    [InlineData("covid19 2024")]
    [InlineData("  spaced   words  ")]
    public void Plain_words_build_the_same_query_as_the_classic_parser(string text)
    {
        var plain = PlainQuery.TryBuild(Analyzer, text);

        Assert.NotNull(plain);
        Assert.Equal(SearchIndex.ParseClassic(Analyzer, text), plain);
        Assert.Equal(SearchIndex.ParseClassic(Analyzer, text).ToString(), plain.ToString());
    }

    [Theory]
    [InlineData("banjir AND jakarta")]
    [InlineData("banjir OR jakarta")]
    [InlineData("\"banjir jakarta\"")]
    [InlineData("title_id:banjir")]
    [InlineData("banj*")]
    [InlineData("e-mail")]
    [InlineData("+banjir -jakarta")]
    [InlineData("")]
    public void Anything_but_plain_words_is_left_to_the_classic_parser(string text)
    {
        Assert.Null(PlainQuery.TryBuild(Analyzer, text));
    }
}
