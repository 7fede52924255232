using Warta.Search;

namespace Warta.Server;

/// <summary>A story as the front page lists it: how wide its coverage is and over what time.</summary>
public sealed record StorySummary(
    string Id,
    string? Title,
    int ArticleCount,
    int OutletCount,
    IReadOnlyList<string> Languages,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    long? OriginId,
    string? OriginOutlet);

/// <summary>A story with its articles, oldest first.</summary>
public sealed record StoryDetail(StorySummary Summary, IReadOnlyList<SearchHit> Articles);

/// <summary>
/// Stories read from the search index's <c>story</c> field (set by linking). The origin is the article linking named,
/// else the earliest dated article.
/// </summary>
public sealed class StoryService(SearchIndex index)
{
    /// <summary>Articles read per story: bounds a story page on a huge cluster.</summary>
    public const int MaxArticlesPerStory = 500;

    /// <summary>Stories ranked by coverage (distinct outlets) discounted by age of the latest article.</summary>
    public IReadOnlyList<StorySummary> Top(int limit, DateTimeOffset now)
    {
        var facets = index.Search(new SearchQuery { Limit = 0, FacetValues = Math.Clamp(limit * 3, 1, 1_000) }).Facets;
        var stories = new List<StorySummary>();
        foreach (var facet in facets["story"])
        {
            if (Get(facet.Value) is { } story)
            {
                stories.Add(story.Summary);
            }
        }

        // A one-day half-life keeps today's widely covered stories above last week's; a plain choice, not calibrated.
        // An undated story earns no recency: it sorts by coverage below every dated one.
        return [.. stories
            .OrderByDescending(s => s.OutletCount / (1 + (Math.Max(0, (now - (s.Last ?? s.First ?? DateTimeOffset.MinValue)).TotalHours) / 24)))
            .ThenByDescending(s => s.ArticleCount)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .Take(limit)];
    }

    public StoryDetail? Get(string id)
    {
        var results = index.Search(new SearchQuery { Story = id, Limit = MaxArticlesPerStory, Sort = SearchSort.Newest, WithFacets = false, WithSnippets = false });
        if (results.Total == 0)
        {
            return null;
        }

        var articles = results.Hits.OrderBy(h => h.Published ?? DateTimeOffset.MaxValue).ThenBy(h => h.Id).ToList();
        var origin = articles.FirstOrDefault(h => h.Published is not null) ?? articles[0];
        var dated = articles.Where(h => h.Published is not null).Select(h => h.Published!.Value).ToList();
        var summary = new StorySummary(
            id,
            origin.Title,
            results.Total,
            articles.Select(h => h.Outlet).Where(o => o is not null).Distinct(StringComparer.Ordinal).Count(),
            [.. articles.Select(h => h.Language ?? "?").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            dated.Count == 0 ? null : dated.Min(),
            dated.Count == 0 ? null : dated.Max(),
            origin.Id,
            origin.Outlet);
        return new StoryDetail(summary, articles);
    }
}
