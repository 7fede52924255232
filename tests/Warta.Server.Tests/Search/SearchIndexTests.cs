using Warta.Model;
using Warta.Search;

namespace Warta.Server.Tests.Search;

public sealed class SearchIndexTests : IDisposable
{
    private readonly SearchIndex _index = new(null, new SearchIndexOptions { RefreshInterval = TimeSpan.Zero });

    public SearchIndexTests()
    {
        _index.AddRange(
        [
            Item(1, "Pemerintah tegaskan dukungan untuk Kazakhstan", "Menteri luar negeri menegaskan pemerintahan mendukung keamanan Kazakhstan.", "id", "Antara", "2024-05-01", "s1", agency: "Reuters", entity: "Kazakhstan"),
            Item(2, "China offers security support to Kazakhstan", "The governments discussed security cooperation and external interference.", "en", "Reuters", "2024-05-02", "s1", entity: "Kazakhstan"),
            Item(3, "Banjir melanda Jakarta", "Hujan deras menyebabkan banjir di beberapa wilayah Jakarta pada Senin.", "id", "Kompas", "2024-04-10", "s2", agency: "Antara", entity: "Jakarta"),
            Item(4, "Harga beras naik", "Harga beras di pasar tradisional naik sepuluh persen.", null, "Detik", null, null),
        ]);
        _index.Refresh();
    }

    public void Dispose() => _index.Dispose();

    [Fact]
    public void Indonesian_query_matches_other_forms_of_the_word_through_the_stemmer()
    {
        var results = _index.Search(new SearchQuery { Text = "pemerintahan" });

        Assert.Equal([1L], results.Hits.Select(h => h.Id));
    }

    [Fact]
    public void English_query_matches_plural_through_the_stemmer()
    {
        var results = _index.Search(new SearchQuery { Text = "government" });

        Assert.Equal([2L], results.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Filters_narrow_by_outlet_language_story_agency_entity_and_date()
    {
        Assert.Equal([3L], _index.Search(new SearchQuery { Outlet = "Kompas" }).Hits.Select(h => h.Id));
        Assert.Equal([2L], _index.Search(new SearchQuery { Text = "kazakhstan", Language = "en" }).Hits.Select(h => h.Id));
        Assert.Equal([1L, 2L], _index.Search(new SearchQuery { Story = "s1" }).Hits.Select(h => h.Id).Order());
        Assert.Equal([1L], _index.Search(new SearchQuery { Agency = "Reuters" }).Hits.Select(h => h.Id));
        Assert.Equal([3L], _index.Search(new SearchQuery { Entity = "Jakarta" }).Hits.Select(h => h.Id));
        var may = _index.Search(new SearchQuery { From = DateTimeOffset.Parse("2024-05-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal([1L, 2L], may.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void Facets_count_every_hit_per_value()
    {
        var results = _index.Search(new SearchQuery());

        Assert.Equal(4, results.Total);
        Assert.Contains(new FacetCount("id", 2), results.Facets["language"]);
        Assert.Contains(new FacetCount("s1", 2), results.Facets["story"]);
        Assert.Contains(new FacetCount("Kazakhstan", 2), results.Facets["entity"]);
        Assert.Equal(4, results.Facets["outlet"].Sum(f => f.Count));
    }

    [Fact]
    public void Facets_of_a_text_search_with_more_hits_than_the_sample_are_counted_on_a_sample_and_scaled()
    {
        using var index = new SearchIndex(null, new SearchIndexOptions { RefreshInterval = TimeSpan.Zero, FacetSampleSize = 1_000 });
        // 5,000 flood articles: three in four from Kompas, one in four from Detik, interleaved in index order.
        index.AddRange(Enumerable.Range(1, 5_000).Select(i => Item(i, "Banjir di Jakarta", "Banjir merendam rumah warga.", "id", i % 4 == 0 ? "Detik" : "Kompas", null, null)));
        index.Refresh();

        var sampled = index.Search(new SearchQuery { Text = "banjir" });
        var listing = index.Search(new SearchQuery());

        Assert.True(sampled.FacetsSampled);
        Assert.Equal(5_000, sampled.Total);
        // About 1,000 hits counted, each standing for five: within three standard deviations of the true counts.
        Assert.InRange(sampled.Facets["outlet"].Single(f => f.Value == "Kompas").Count, 3_550, 3_950);
        Assert.InRange(sampled.Facets["outlet"].Single(f => f.Value == "Detik").Count, 1_050, 1_450);
        Assert.False(listing.FacetsSampled);
        Assert.Equal([new FacetCount("Kompas", 3_750), new FacetCount("Detik", 1_250)], listing.Facets["outlet"]);
    }

    [Fact]
    public void Facets_of_a_search_within_the_sample_size_are_exact()
    {
        var results = _index.Search(new SearchQuery { Text = "kazakhstan" });

        Assert.False(results.FacetsSampled);
        Assert.Equal([new FacetCount("Kazakhstan", 2)], results.Facets["entity"]);
    }

    [Fact]
    public void Snippet_marks_matches_and_escapes_html()
    {
        using var index = new SearchIndex();
        index.Add(Item(9, "<script>alert(1)</script> banjir", "Air <b>banjir</b> setinggi lutut & terus naik.", "id", "X", null, null));
        index.Refresh();

        var hit = Assert.Single(index.Search(new SearchQuery { Text = "banjir" }).Hits);

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; <mark>banjir</mark>", hit.TitleHtml);
        Assert.Equal("Air &lt;b&gt;<mark>banjir</mark>&lt;/b&gt; setinggi lutut &amp; terus naik.", hit.SnippetHtml);
    }

    [Fact]
    public void Snippets_mark_other_forms_of_the_word_at_the_offsets_the_index_kept()
    {
        var indonesian = Assert.Single(_index.Search(new SearchQuery { Text = "pemerintahan" }).Hits);
        var english = Assert.Single(_index.Search(new SearchQuery { Text = "government security" }).Hits);

        Assert.Equal("<mark>Pemerintah</mark> tegaskan dukungan untuk Kazakhstan", indonesian.TitleHtml);
        Assert.Equal("Menteri luar negeri menegaskan <mark>pemerintahan</mark> mendukung keamanan Kazakhstan.", indonesian.SnippetHtml);
        Assert.Equal("China offers <mark>security</mark> support to Kazakhstan", english.TitleHtml);
        Assert.Equal("The <mark>governments</mark> discussed <mark>security</mark> cooperation and external interference.", english.SnippetHtml);
    }

    [Fact]
    public void Scanning_a_text_marks_the_same_words_as_the_index_offsets()
    {
        // Segments written before offsets were indexed are scanned word by word instead; both must agree.
        var text = "Menteri luar negeri menegaskan pemerintahan mendukung keamanan Kazakhstan.";
        var terms = new HashSet<string>(StringComparer.Ordinal) { "text_id\u0000" + Warta.Language.StemCache.Indonesian.Stem("pemerintahan") };

        var scanned = Snippets.Highlight(SearchAnalyzers.Create(), "text_id", text, terms, 240);

        Assert.Equal(Assert.Single(_index.Search(new SearchQuery { Text = "pemerintahan" }).Hits).SnippetHtml, scanned);
    }

    [Fact]
    public void Snippet_of_a_long_text_shows_the_window_with_the_match()
    {
        using var index = new SearchIndex();
        var text = string.Join(' ', Enumerable.Repeat("kata pengisi", 200)) + " gempa bumi terjadi di Cianjur " + string.Join(' ', Enumerable.Repeat("lagi", 200));
        index.Add(Item(1, "Judul", text, "id", "X", null, null));
        index.Refresh();

        var hit = Assert.Single(index.Search(new SearchQuery { Text = "gempa" }).Hits);

        Assert.Contains("<mark>gempa</mark> bumi", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.StartsWith("… ", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.True(hit.SnippetHtml.Length < 400);
    }

    [Fact]
    public void Malformed_query_is_a_search_query_error()
    {
        Assert.Throws<SearchQueryException>(() => _index.Search(new SearchQuery { Text = "\"unclosed" }));
        Assert.Throws<SearchQueryException>(() => _index.Search(new SearchQuery { Text = "(a OR" }));
        Assert.Throws<SearchQueryException>(() => _index.Search(new SearchQuery { Text = "*leading" }));
        Assert.Throws<SearchQueryException>(() => _index.Search(new SearchQuery { Text = new string('a', 5_000) }));
    }

    [Fact]
    public void Added_articles_become_visible_without_a_commit()
    {
        _index.Add(Item(10, "Gempa di Cianjur", "Gempa mengguncang Cianjur.", "id", "Antara", "2024-05-03", null));
        _index.Refresh();

        Assert.Equal([10L], _index.Search(new SearchQuery { Text = "cianjur" }).Hits.Select(h => h.Id));
    }

    [Fact]
    public void Adding_the_same_id_again_replaces_the_article()
    {
        _index.Add(Item(3, "Banjir surut", "Air sudah surut.", "id", "Kompas", "2024-04-11", "s2"));
        _index.Refresh();

        Assert.Empty(_index.Search(new SearchQuery { Text = "deras" }).Hits);
        Assert.Equal(4, _index.Count);
    }

    [Fact]
    public void Newest_sort_puts_undated_articles_last()
    {
        var ids = _index.Search(new SearchQuery { Sort = SearchSort.Newest }).Hits.Select(h => h.Id);

        Assert.Equal([2L, 1L, 3L, 4L], ids);
    }

    [Fact]
    public void Paging_beyond_the_hits_returns_no_hits_but_the_total()
    {
        var results = _index.Search(new SearchQuery { Offset = 1_000_000, Limit = 10 });

        Assert.Empty(results.Hits);
        Assert.Equal(4, results.Total);
    }

    [Fact]
    public void Index_on_disk_survives_reopening_and_rebuild_replaces_everything()
    {
        var dir = Path.Combine(Path.GetTempPath(), "warta-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var index = new SearchIndex(dir))
            {
                index.Add(Item(1, "Satu", "Teks pertama.", "id", "A", null, null));
                index.Commit();
            }

            using (var index = new SearchIndex(dir))
            {
                Assert.Equal(1, index.Count);
                Assert.Equal(2, index.Rebuild([Item(5, "Lima", "Teks.", "id", "B", null, null), Item(6, "Enam", "Teks.", "en", "B", null, null)]));
                Assert.Equal([5L, 6L], index.Search(new SearchQuery()).Hits.Select(h => h.Id).Order());
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Options_validation_names_the_bad_property()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SearchIndexOptions { SnippetLength = 1 }.Validate());

        Assert.Equal(nameof(SearchIndexOptions.SnippetLength), e.ParamName);
    }

    internal static IndexedArticle Item(long id, string title, string text, string? language, string? outlet, string? date, string? story, string? agency = null, string? entity = null)
    {
        var article = new Article
        {
            Source = "test",
            Title = title,
            Text = text,
            Language = language,
            Outlet = outlet,
            Published = date is null ? null : DateTimeOffset.Parse(date + "T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture),
            Citations = agency is null ? [] : [new Citation(agency, agency)],
            Entities = entity is null ? [] : [new EntityMention(entity, "LOC", entity, 0, 0)],
        };
        return new IndexedArticle(id, article, story);
    }
}
