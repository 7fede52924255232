namespace Warta.Extraction.Html;

/// <summary>Options for <see cref="HtmlArticleExtractor"/>; every member has a working default.</summary>
public sealed class HtmlExtractionOptions
{
    /// <summary>
    /// Characters of HTML read; the rest of a longer page is cut at a tag boundary. News pages are under 2 MB
    /// (the largest in trafilatura's 990-page evaluation set is 1.9 MB), so the default leaves ample room while
    /// bounding parse time and memory for a 20 MB page.
    /// </summary>
    public int MaxInputChars { get; init; } = 6_000_000;

    /// <summary>
    /// Element nesting kept; deeper open tags are flattened before parsing, which bounds the parser's work (its
    /// scope checks walk the open-element stack) and every later traversal. Real pages nest below 100.
    /// </summary>
    public int MaxDepth { get; init; } = 512;

    /// <summary>Below this many characters of body text the extractor retries with looser rules (recall fallback).</summary>
    public int MinBodyChars { get; init; } = 250;

    /// <summary>JSON-LD scripts longer than this are skipped.</summary>
    public int MaxJsonLdChars { get; init; } = 500_000;

    /// <summary>Applies the text cleaner's line rules (teasers, bylines, share prompts, repeats) to the extracted paragraphs.</summary>
    public bool CleanLines { get; init; } = true;

    public void Validate()
    {
        if (MaxInputChars < 1_000)
            throw new ArgumentOutOfRangeException(nameof(MaxInputChars), MaxInputChars, "must be at least 1000");
        if (MaxDepth < 16)
            throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, "must be at least 16");
        if (MinBodyChars < 0)
            throw new ArgumentOutOfRangeException(nameof(MinBodyChars), MinBodyChars, "must not be negative");
        if (MaxJsonLdChars < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxJsonLdChars), MaxJsonLdChars, "must not be negative");
    }
}
