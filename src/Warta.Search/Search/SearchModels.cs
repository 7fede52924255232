using Warta.Model;

namespace Warta.Search;

/// <summary>Tunables of a <see cref="SearchIndex"/>; every default works for a laptop-sized corpus.</summary>
public sealed class SearchIndexOptions
{
    /// <summary>
    /// How stale the searcher may get while articles arrive: a search finding it older than this starts a refresh
    /// beside it (and waits for it only after a quiet spell of twice this long, or with zero).
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest accepted query text, in characters.</summary>
    public int MaxQueryLength { get; set; } = 1_000;

    /// <summary>Most hits one page may hold.</summary>
    public int MaxPageSize { get; set; } = 1_000;

    /// <summary>Hits beyond this are still counted in <see cref="SearchResults.Total"/> but not in the facets.</summary>
    public int MaxFacetHits { get; set; } = 200_000;

    /// <summary>
    /// A text search with more hits than this counts its facets over an even sample of this many hits and scales
    /// the counts (<see cref="SearchResults.FacetsSampled"/>): counting every entity of 60,000 hits costs ten times
    /// the search itself. Listings without query text (front page, entities, agencies) always count every hit.
    /// </summary>
    public int FacetSampleSize { get; set; } = 10_000;

    /// <summary>Values kept per facet, most frequent first.</summary>
    public int MaxFacetValues { get; set; } = 12;

    /// <summary>Characters of article text shown in a snippet.</summary>
    public int SnippetLength { get; set; } = 240;

    /// <summary>Lucene's indexing buffer in megabytes.</summary>
    public double RamBufferMegabytes { get; set; } = 48;

    public void Validate()
    {
        if (RefreshInterval < TimeSpan.Zero || RefreshInterval > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshInterval), RefreshInterval, "must be between 0 and 10 minutes");
        }

        Require(MaxQueryLength, 1, 100_000, nameof(MaxQueryLength));
        Require(MaxPageSize, 1, 100_000, nameof(MaxPageSize));
        Require(MaxFacetHits, 0, int.MaxValue, nameof(MaxFacetHits));
        Require(MaxFacetValues, 1, 10_000, nameof(MaxFacetValues));
        Require(FacetSampleSize, 100, int.MaxValue, nameof(FacetSampleSize));
        Require(SnippetLength, 20, 10_000, nameof(SnippetLength));
        if (RamBufferMegabytes is < 1 or > 2_000)
        {
            throw new ArgumentOutOfRangeException(nameof(RamBufferMegabytes), RamBufferMegabytes, "must be between 1 and 2000");
        }
    }

    private static void Require(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"must be between {min} and {max}");
        }
    }
}

/// <summary>One article as the index sees it: the store's id, the article, and the story it belongs to if known.</summary>
public sealed record IndexedArticle(long Id, Article Article, string? StoryId = null);

/// <summary>How hits are ordered.</summary>
public enum SearchSort
{
    /// <summary>BM25 score; newest first when there is no query text.</summary>
    Relevance,

    /// <summary>Publication date, newest first; undated articles last.</summary>
    Newest,
}

/// <summary>A search: free text in Lucene's classic syntax (may be empty) plus exact-match filters.</summary>
public sealed record SearchQuery
{
    public string? Text { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? Outlet { get; init; }

    public string? Language { get; init; }

    public string? Story { get; init; }

    /// <summary>An entity's canonical name.</summary>
    public string? Entity { get; init; }

    /// <summary>A cited agency's canonical name.</summary>
    public string? Agency { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 20;

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    /// <summary>Values kept per facet; null uses <see cref="SearchIndexOptions.MaxFacetValues"/>.</summary>
    public int? FacetValues { get; init; }

    /// <summary>False skips counting facets (the result's facets are then empty): a story page needs none.</summary>
    public bool WithFacets { get; init; } = true;

    /// <summary>False skips highlighting (snippets are then plain escaped text from the start of the article).</summary>
    public bool WithSnippets { get; init; } = true;
}

/// <summary>One hit; <see cref="SnippetHtml"/> and <see cref="TitleHtml"/> are escaped HTML with matches in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(
    long Id,
    float Score,
    string? Title,
    string TitleHtml,
    string SnippetHtml,
    string? Outlet,
    string? Language,
    DateTimeOffset? Published,
    string? StoryId);

/// <summary>A facet value and how many hits carry it.</summary>
public sealed record FacetCount(string Value, int Count);

public sealed record SearchResults(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    bool FacetsTruncated,
    bool FacetsSampled = false);

/// <summary>The query text could not be understood; the message says why in plain words.</summary>
public sealed class SearchQueryException(string message, Exception? inner = null) : Exception(message, inner);
