namespace Warta.Evaluation.Extraction;

/// <summary>One page of an extraction gold set: the HTML and whatever gold the set gives for it.</summary>
public sealed record ExtractionPage
{
    public required string Set { get; init; }

    public required string Id { get; init; }

    public required string Html { get; init; }

    public string? Url { get; init; }

    /// <summary>The full expected body text (for shingle scoring), or null.</summary>
    public string? GoldText { get; init; }

    /// <summary>Snippets that must appear (trafilatura-style), or null.</summary>
    public IReadOnlyList<string>? With { get; init; }

    /// <summary>Snippets that must not appear.</summary>
    public IReadOnlyList<string>? Without { get; init; }

    public string? GoldTitle { get; init; }

    /// <summary>Expected authors; an empty list means the gold says "no author".</summary>
    public IReadOnlyList<string>? GoldAuthors { get; init; }

    /// <summary>Expected publication day (yyyy-MM-dd) or, when <see cref="GoldInstant"/> is set, that instant.</summary>
    public string? GoldDay { get; init; }

    public DateTimeOffset? GoldInstant { get; init; }

    public string? GoldSiteName { get; init; }

    /// <summary>The page is an index page, not an article (no body gold).</summary>
    public bool IsListing { get; init; }
}

/// <summary>What one system extracted from one page, in the shape every system can give.</summary>
public sealed record ExtractionOutput(string Text, string? Title, IReadOnlyList<string> Authors, DateTimeOffset? Published, string? SiteName)
{
    public static readonly ExtractionOutput Empty = new(string.Empty, null, [], null, null);
}
