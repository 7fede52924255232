using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Warta.Server.Tests.Browser;

/// <summary>Every page in a real browser: content, navigation, search with facets, both languages, hostile content.</summary>
[Collection(ServerCollection.Name)]
public sealed class PageTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly List<string> _dialogs = [];
    private readonly ConcurrentDictionary<IRequest, DateTime> _open = new();
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        _page = await _context.NewPageAsync();
        // The test machine may be shared and busy: waits are generous so only a real failure fails.
        _page.SetDefaultTimeout(90_000);
        _page.SetDefaultNavigationTimeout(90_000);
        // Requests the page has sent and not seen finish: a wait that times out names them.
        _page.Request += (_, request) => _open[request] = DateTime.UtcNow;
        _page.RequestFinished += (_, request) => _open.TryRemove(request, out DateTime _);
        _page.RequestFailed += (_, request) => _open.TryRemove(request, out DateTime _);
        _page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Front_page_ranks_stories_by_coverage_and_lists_latest_articles()
    {
        var response = await Go("/", "front");

        Assert.Equal(200, response.Status);
        var stories = await _page.Locator(".story-card .story-title").AllTextContentsAsync();
        Assert.True(stories.Count >= 2);
        Assert.Contains("Kazakhstan", stories[0], StringComparison.Ordinal);
        Assert.Contains("3 outlets", await _page.Locator(".story-card").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await _page.Locator("ul.hits li").CountAsync() >= 6);
    }

    [Fact]
    public async Task Navigation_goes_from_front_page_to_story_to_article()
    {
        await Go("/", "nav-front");
        await _page.Locator(".story-card .story-title").First.ClickAsync();
        await WaitForUrl(new Regex("/stories/"));
        await Shot("story");
        Assert.Equal(1, await _page.Locator("svg.timeline").CountAsync());
        Assert.True(await _page.Locator("svg.timeline circle").CountAsync() >= 3);
        Assert.Equal(1, await _page.Locator("li.origin").CountAsync());
        Assert.Contains("Wang Yi", await _page.Locator("#story-entities").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("campur tangan", await _page.Locator("#story-quotes").TextContentAsync(), StringComparison.Ordinal);

        await _page.Locator("#timeline .hits a.hit-title").First.ClickAsync();
        await WaitForUrl(new Regex("/articles/\\d+"));
        Assert.Equal(1, await _page.Locator("#article-title").CountAsync());
    }

    [Fact]
    public async Task Search_shows_highlighted_hits_and_facets_that_filter()
    {
        await Go("/search?q=kazakhstan", "search");
        Assert.StartsWith("4 ", await _page.Locator("#total").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await _page.Locator(".snippet mark").CountAsync() >= 1);

        await _page.Locator("[data-facet=language] a", new PageLocatorOptions { HasText = "en" }).ClickAsync();
        await WaitForUrl(new Regex("language=en"));
        await Shot("search-facet");
        Assert.StartsWith("1 ", await _page.Locator("#total").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("China offers", await _page.Locator("ol.hits").TextContentAsync(), StringComparison.Ordinal);

        await _page.Locator("a.clear").ClickAsync();
        await WaitForUrl(new Regex("/search\\?q=kazakhstan$"));
        Assert.StartsWith("4 ", await _page.Locator("#total").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_box_in_the_header_submits_a_query()
    {
        await Go("/", "header-search");
        await _page.Locator("header input[name=q]").FillAsync("banjir");
        await _page.Locator("header button").ClickAsync();
        await WaitForUrl(new Regex("/search\\?q=banjir"));
        Assert.StartsWith("2 ", await _page.Locator("#total").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_search_shows_a_message_not_an_error_page()
    {
        var response = await Go("/search?q=%22unclosed", "search-error");

        Assert.Equal(400, response.Status);
        Assert.Contains("could not be read", await _page.Locator("#search-error").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_page_marks_entities_quotes_and_citations_and_shows_details_on_demand()
    {
        await Go($"/articles/{server.AnalysedId}", "article");

        Assert.Equal(3, await _page.Locator("#article-text mark.ent").CountAsync());
        Assert.Equal(1, await _page.Locator("#article-text mark.quote").CountAsync());
        Assert.Equal(1, await _page.Locator("#article-text mark.cite").CountAsync());
        Assert.Contains("json-ld", await _page.Locator("#metadata").TextContentAsync(), StringComparison.Ordinal);
        Assert.False(await _page.Locator("#removed ul").IsVisibleAsync());
        await _page.Locator("#removed summary").ClickAsync();
        Assert.True(await _page.Locator("#removed ul").IsVisibleAsync());
        Assert.Contains("related-teaser", await _page.Locator("#removed").TextContentAsync(), StringComparison.Ordinal);
        await _page.Locator("#raw summary").ClickAsync();
        Assert.Equal("<html>raw</html>", await _page.Locator("#raw pre").TextContentAsync());
        await Shot("article-open");

        await _page.Locator("#entities a", new PageLocatorOptions { HasText = "Wang Yi" }).ClickAsync();
        await WaitForUrl(new Regex("/entities/Wang"));
        await Shot("entity");
        Assert.Equal("Wang Yi", await _page.Locator("#entity-name").TextContentAsync());
        Assert.Contains("campur tangan", await _page.Locator("#entity-quotes").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await _page.Locator($"#entity-stories a[href='/stories/{server.KazakhstanStory}']").CountAsync());
    }

    [Fact]
    public async Task Pipeline_article_shows_what_analysis_found()
    {
        await Go($"/articles/{server.FirstId}", "article-pipeline");

        Assert.Equal(1, await _page.Locator("#entities").CountAsync());
        Assert.Contains("Kazakhstan", await _page.Locator("#article-text").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Story_page_draws_the_copy_graph_with_the_alterations_marked()
    {
        var story = server.Server.Catalog.Get(server.FireCopyId)!.StoryId!;
        await Go("/stories/" + story, "story-copies");

        var edge = _page.Locator("#copies .copy-edge").First;
        Assert.Contains($"#{server.FireOriginId} → #{server.FireCopyId}", await edge.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("120", await edge.Locator("del").AllTextContentsAsync());
        Assert.Contains("210", await edge.Locator("ins").AllTextContentsAsync());
    }

    [Fact]
    public async Task Bare_article_says_plainly_which_fields_are_empty()
    {
        await Go($"/articles/{server.BareId}", "article-bare");

        Assert.Contains("No entities found", await _page.Locator("#entities").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("No quotes found", await _page.Locator("#quotes").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("No metadata", await _page.Locator("#metadata").TextContentAsync(), StringComparison.Ordinal);
        await _page.Locator("#raw summary").ClickAsync();
        Assert.Equal("teks pendek tanpa nama.", await _page.Locator("#raw pre").TextContentAsync());
    }

    [Fact]
    public async Task Language_switch_shows_the_interface_in_indonesian_and_remembers_it()
    {
        await Go("/", "front-en");
        Assert.Equal("Top stories", await _page.Locator("main h1").TextContentAsync());

        await _page.Locator(".lang-switch a", new PageLocatorOptions { HasText = "ID" }).ClickAsync();
        await WaitForUrl(new Regex("lang=id"));
        await Shot("front-id");
        Assert.Equal("Cerita utama", await _page.Locator("main h1").TextContentAsync());
        Assert.Equal("id", await _page.Locator("html").GetAttributeAsync("lang"));

        await Go("/search?q=banjir", "search-id");
        Assert.Contains("hasil", await _page.Locator("#total").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_language_picks_indonesian()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "id-ID" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.Address + "/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        await Loaded(page);

        Assert.Equal("Cerita utama", await page.Locator("main h1").TextContentAsync());
    }

    [Theory]
    [InlineData("/articles/987654321")]
    [InlineData("/stories/no-such-story")]
    [InlineData("/entities/nobody")]
    [InlineData("/no/such/page")]
    public async Task Unknown_pages_answer_404_with_a_readable_page(string path)
    {
        var response = await Go(path, "404");

        Assert.Equal(404, response.Status);
        Assert.Equal(1, await _page.Locator("#not-found").CountAsync());
    }

    [Fact]
    public async Task Hostile_article_content_never_runs_and_never_breaks_the_page()
    {
        foreach (var (path, name) in new[] { ($"/articles/{server.HostileId}", "hostile-article"), ("/", "hostile-front"), ("/search?q=paragraf", "hostile-search"), ("/search?q=outlet", "hostile-search-2") })
        {
            await Go(path, name);
            Assert.Null(await _page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
            Assert.Equal(1, await _page.Locator("header.top").CountAsync());
            Assert.Equal(1, await _page.Locator("footer").CountAsync());
            Assert.Equal(0, await _page.Locator("main script, main iframe, main img, main svg[onload]").CountAsync());
        }

        await Go($"/articles/{server.HostileId}", "hostile-article");
        Assert.Equal(ServerFixture.HostileTitle, await _page.Locator("#article-title").TextContentAsync());
        Assert.Contains("<script>window.__pwned=3</script>", await _page.Locator("#article-text").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await _page.Locator("#article-text a").CountAsync());
        Assert.StartsWith("</title><script>", await _page.TitleAsync(), StringComparison.Ordinal);

        await Go("/stories/" + Uri.EscapeDataString("\"><script>x</script>"), "hostile-story");
        Assert.Null(await _page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Empty(_dialogs);
    }

    private async Task<IResponse> Go(string path, string screenshot)
    {
        var response = await _page.GotoAsync(server.Address + path, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        Assert.NotNull(response);
        await Loaded();
        await Shot(screenshot);
        return response!;
    }

    // Waits for the page to load at a matching URL; a timeout says where the page is and which requests are still open,
    // so a failure on a busy machine tells a stalled response from a click that never navigated. The URL is awaited
    // at commit and the load read from the document itself: with Debian's Chromium, Playwright about once in ten
    // runs never sees the load event of a page that loaded (the page at the URL, no request open, network idle).
    private async Task WaitForUrl(Regex url)
    {
        try
        {
            await _page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
            await Loaded();
        }
        catch (TimeoutException e)
        {
            var open = string.Join(", ", _open.Select(r => $"{r.Key.Method} {r.Key.Url} ({(DateTime.UtcNow - r.Value).TotalSeconds:F0} s)"));
            throw new TimeoutException($"No load of a URL matching {url} in time; the page is at {_page.Url}; requests still open: {(open.Length == 0 ? "none" : open)}.", e);
        }
    }

    // Polled on a timer, not on animation frames, which a headless page may not be drawing.
    private Task Loaded() => Loaded(_page);

    private static Task Loaded(IPage page) => page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new PageWaitForFunctionOptions { PollingInterval = 50 });

    private Task Shot(string name) =>
        _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });
}
