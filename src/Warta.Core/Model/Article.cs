namespace Warta.Model;

/// <summary>A clean article derived from one <see cref="RawInput"/>: the record <c>warta extract</c> prints.</summary>
public sealed record Article
{
    /// <summary>The input's source, as given.</summary>
    public required string Source { get; init; }

    public string? Url { get; init; }

    public string? ExternalId { get; init; }

    public string? Title { get; init; }

    /// <summary>Body paragraphs joined by a blank line.</summary>
    public required string Text { get; init; }

    /// <summary>Publication date with offset, or null when unknown: never invented.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>How much of <see cref="Published"/> the source stated (day only, local time, or time with zone); null when unknown.</summary>
    public DatePrecision? PublishedPrecision { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Outlet { get; init; }

    /// <summary>The place that opens the body ("Jakarta", "Kazakhstan"), when the text gave one.</summary>
    public string? Dateline { get; init; }

    /// <summary>ISO 639-1 code (or 639-3 where no two-letter code exists), or null when undecided.</summary>
    public string? Language { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>Every span the cleaner removed, with why.</summary>
    public IReadOnlyList<RemovedSpan> Removed { get; init; } = [];

    /// <summary>Blocks repeated within the document that were collapsed into one copy.</summary>
    public IReadOnlyList<CollapsedRepeat> Repeats { get; init; } = [];

    /// <summary>Further metadata (HTML extraction), each with where it came from.</summary>
    public ArticleMetadata? Metadata { get; init; }

    public IReadOnlyList<EntityMention> Entities { get; init; } = [];

    public IReadOnlyList<Quote> Quotes { get; init; } = [];

    public IReadOnlyList<NumberMention> Numbers { get; init; } = [];
}

/// <summary>An agency or outlet the article cites, canonicalised, with the text that shows it.</summary>
public sealed record Citation(string Agency, string Evidence);

/// <summary>A span taken out of the text, with a stable reason code (<c>navigation</c>, <c>related-teaser</c>, …).</summary>
public sealed record RemovedSpan(string Text, string Reason);

/// <summary>
/// A block of paragraphs that appeared more than once; <see cref="Kept"/> is the most complete copy, and
/// <see cref="Differences"/> says what the other copy had or lacked.
/// </summary>
public sealed record CollapsedRepeat(string Kept, string Dropped, IReadOnlyList<string> Differences);

/// <summary>Metadata found in an HTML page; <see cref="Sources"/> maps a field name to where it was found.</summary>
public sealed record ArticleMetadata
{
    public DateTimeOffset? Modified { get; init; }

    public string? SiteName { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? Description { get; init; }

    public string? Image { get; init; }

    public string? Section { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary><c>article</c>, or <c>listing</c> for index pages.</summary>
    public string PageType { get; init; } = "article";

    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A named entity in <see cref="Article.Text"/>; offsets are UTF-16 indices, end exclusive.</summary>
public sealed record EntityMention(string Text, string Type, string Canonical, int Start, int End)
{
    /// <summary>The title or role written with a person ("Menteri Luar Negeri China"), when the text gives one.</summary>
    public string? Role { get; init; }
}

/// <summary>A quote: <c>direct</c> or <c>indirect</c>, with its speaker resolved to an entity's canonical name when possible.</summary>
public sealed record Quote(string Text, string? Speaker, string? Verb, string Kind);

/// <summary>A number with what it counts ("sedikitnya 225 orang tewas" → 225, "people killed", "at least").</summary>
public sealed record NumberMention(string Text, double Value, string? Counts, string? Qualifier, int Start, int End);
