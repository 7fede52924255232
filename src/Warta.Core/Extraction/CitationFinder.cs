using Warta.Model;

namespace Warta.Extraction;

/// <summary>Finds the agencies and outlets an article cites, canonicalised through an extensible agency list.</summary>
public sealed class CitationFinder
{
    public static CitationFinder CreateDefault() => new();

    // Skeleton: finds nothing. The cleaning helper replaces this.
    public IReadOnlyList<Citation> Find(string text, IReadOnlyList<RemovedSpan> removed) => [];
}
