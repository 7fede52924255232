using Warta.Stories;

namespace Warta.Tests.Stories;

public class UrlSlugTests
{
    [Theory]
    [InlineData("http://www.latimes.com/business/money/la-fi-mo-federal-reserve-plosser-stimulus-economy-20140310,0,1312750.story\\?track=rss", "la fi mo federal reserve plosser stimulus economy")]
    [InlineData("http://www.livemint.com/Politics/H2EvwJSK2VE6OF7iK1g3PP/Feds-Charles-Plosser-sees-high-bar-for-change-in-pace-of-ta.html", "feds charles plosser sees high bar for change in pace of ta")]
    [InlineData("http://in.reuters.com/article/2014/03/10/bitcoin-mtgox-bankruptcy-idINWEN00CP020140310", "bitcoin mtgox bankruptcy")]
    [InlineData("http://www.salon.com/2014/03/10/neil_young_solving_music_snobs_problems_for_399/", "neil young solving music snobs problems for")]
    [InlineData("https://www.kompas.com/read/2024/05/06/gempa-guncang-cianjur-puluhan-rumah-rusak", "gempa guncang cianjur puluhan rumah rusak")]
    public void Words_are_the_slug_of_the_longest_path_segment_without_ids_or_extensions(string url, string expected) =>
        Assert.Equal(expected, string.Join(' ', UrlSlug.Words(url)));

    [Theory]
    [InlineData("http://entertainment.msn.co.nz/article.aspx\\?id=8812476")]
    [InlineData("http://www.live5news.com/story/24930784/")]
    [InlineData("http://www.the-long-host-name-with-many-words.com/news")]
    [InlineData("not a url")]
    [InlineData("")]
    [InlineData(null)]
    public void Urls_without_a_slug_give_no_words(string? url) => Assert.Empty(UrlSlug.Words(url));

    [Fact]
    public void A_slug_joins_headlines_that_share_too_few_words_on_their_own()
    {
        var start = new DateTimeOffset(2014, 3, 10, 12, 0, 0, TimeSpan.Zero);
        StoryItem Item(long id, string title, string url) => new(id, title, null, start.AddMinutes(id), "x", "en") { Url = url };
        StoryItem[] stream =
        [
            Item(1, "Mt. Gox files for bankruptcy protection in the US", "http://a.com/2014/03/10/mt-gox-files-bankruptcy-protection-us"),
            Item(2, "Fed official says weak data caused by weather", "http://b.com/news/fed-official-weak-data-weather"),
            Item(3, "RPT: exchange seeks court relief", "http://c.com/article/bitcoin-mt-gox-bankruptcy-idINWEN00CP020140310"),
        ];

        var withSlugs = new StoryClusterer();
        var without = new StoryClusterer(new StoryClustererOptions { SlugWeight = 0, SlugInTitle = false });
        var a = stream.Select(withSlugs.Add).ToList();
        var b = stream.Select(without.Add).ToList();

        Assert.Equal(a[0], a[2]);
        Assert.NotEqual(a[0], a[1]);
        Assert.NotEqual(b[0], b[2]);
    }

    [Fact]
    public void A_headline_meets_the_slug_of_an_article_whose_title_says_it_differently()
    {
        var start = new DateTimeOffset(2014, 3, 10, 12, 0, 0, TimeSpan.Zero);
        StoryItem Item(long id, string title, string? url) => new(id, title, null, start.AddMinutes(id), "x", "en") { Url = url };
        StoryItem[] stream =
        [
            Item(1, "Exchange files for court protection", "http://a.com/2014/03/10/mt-gox-bankruptcy-filing-tokyo"),
            Item(2, "Fed official says weak data caused by weather", "http://b.com/news/fed-official-weak-data-weather"),
            Item(3, "Mt Gox bankruptcy hits bitcoin users", null),
        ];

        // The third has no slug, so the slug feature cannot compare it; only its headline meeting the first's slug can.
        var with = stream.Select(new StoryClusterer().Add).ToList();
        var without = stream.Select(new StoryClusterer(new StoryClustererOptions { SlugInTitle = false }).Add).ToList();

        Assert.Equal(with[0], with[2]);
        Assert.NotEqual(with[0], with[1]);
        Assert.NotEqual(without[0], without[2]);
    }
}
