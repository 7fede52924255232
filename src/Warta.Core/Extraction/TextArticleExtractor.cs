using Warta.Model;

namespace Warta.Extraction;

/// <summary>Cleans already-extracted text (the seed documents' kind) into an article.</summary>
public sealed class TextArticleExtractor
{
    // Skeleton: paragraphs split on blank lines, first paragraph as title. The cleaning helper replaces this.
    public Article Extract(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var paragraphs = input.Body.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Article
        {
            Source = input.Source,
            Url = input.Url,
            ExternalId = input.ExternalId,
            Title = input.Title ?? paragraphs.FirstOrDefault(),
            Text = string.Join("\n\n", paragraphs.Skip(input.Title is null ? 1 : 0)),
            Published = input.Published,
            Outlet = input.Outlet,
        };
    }
}
