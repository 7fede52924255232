using AngleSharp.Html.Parser;
using Warta.Model;

namespace Warta.Extraction;

/// <summary>Extracts the main article from an HTML page.</summary>
public sealed class HtmlArticleExtractor
{
    // Skeleton: <title> and every <p>. The HTML extraction helper replaces this.
    public Article Extract(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var document = new HtmlParser().ParseDocument(input.Body);
        var paragraphs = document.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).Where(t => t.Length > 0);
        return new Article
        {
            Source = input.Source,
            Url = input.Url,
            ExternalId = input.ExternalId,
            Title = input.Title ?? document.Title,
            Text = string.Join("\n\n", paragraphs),
            Published = input.Published,
            Outlet = input.Outlet,
        };
    }
}
