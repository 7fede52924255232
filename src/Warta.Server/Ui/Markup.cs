using System.Globalization;
using System.Net;
using System.Text;
using Warta.Model;
using Warta.Search;

namespace Warta.Server.Ui;

/// <summary>
/// HTML written by hand for the pages: every piece of article content goes through <see cref="WebUtility.HtmlEncode"/>
/// before it meets markup, so a hostile title or body is shown as text and never runs.
/// </summary>
internal static class Markup
{
    /// <summary>Article text as paragraphs, with entities, quotes and citation evidence wrapped in marks.</summary>
    public static string ArticleText(Article article)
    {
        var text = article.Text;
        var spans = new List<(int Start, int End, string Css, string Title)>();
        foreach (var e in article.Entities)
        {
            if (e.Start >= 0 && e.End <= text.Length && e.Start < e.End)
            {
                spans.Add((e.Start, e.End, "ent ent-" + CssToken(e.Type), e.Type + ": " + e.Canonical));
            }
        }

        foreach (var q in article.Quotes)
        {
            AddFound(spans, text, q.Text, "quote", (q.Speaker ?? "?") + (q.Verb is null ? string.Empty : " (" + q.Verb + ")"));
        }

        foreach (var c in article.Citations)
        {
            AddFound(spans, text, c.Evidence, "cite", c.Agency);
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var html = new StringBuilder();
        var position = 0;
        var paragraphOpen = false;
        void Emit(int upTo)
        {
            var chunk = text[position..upTo];
            var parts = chunk.Split("\n\n");
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0 && paragraphOpen)
                {
                    html.Append("</p>\n");
                    paragraphOpen = false;
                }

                if (parts[i].Length > 0 && !paragraphOpen)
                {
                    html.Append("<p>");
                    paragraphOpen = true;
                }

                html.Append(WebUtility.HtmlEncode(parts[i]).Replace("\n", "<br>", StringComparison.Ordinal));
            }

            position = upTo;
        }

        foreach (var (start, end, css, title) in spans)
        {
            if (start < position)
            {
                continue;
            }

            Emit(start);
            if (!paragraphOpen)
            {
                html.Append("<p>");
                paragraphOpen = true;
            }

            html.Append("<mark class=\"").Append(css).Append("\" title=\"").Append(WebUtility.HtmlEncode(title)).Append("\">")
                .Append(WebUtility.HtmlEncode(text[start..end])).Append("</mark>");
            position = end;
        }

        Emit(text.Length);
        if (paragraphOpen)
        {
            html.Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>A timeline as inline SVG: one row per outlet, one dot per dated article, linked to the article.</summary>
    public static string Timeline(IReadOnlyList<SearchHit> articles, UiText ui)
    {
        var dated = articles.Where(a => a.Published is not null).ToList();
        if (dated.Count == 0)
        {
            return "<p class=\"empty\">" + WebUtility.HtmlEncode(ui["undated"]) + "</p>";
        }

        var outlets = dated.Select(a => a.Outlet ?? "?").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var first = dated.Min(a => a.Published!.Value);
        var last = dated.Max(a => a.Published!.Value);
        var span = Math.Max(1, (last - first).TotalSeconds);
        const int Left = 170, Width = 760, Row = 26, Top = 20;
        var height = Top + (outlets.Count * Row) + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 {Left + Width + 20} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(ui["timeline"])).Append("</title>");
        for (var i = 0; i < outlets.Count; i++)
        {
            var y = Top + (i * Row);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Left + Width}\" y2=\"{y}\" class=\"lane\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{y + 4}\" text-anchor=\"end\">").Append(WebUtility.HtmlEncode(Shorten(outlets[i], 24))).Append("</text>");
        }

        foreach (var a in dated)
        {
            var x = Left + ((a.Published!.Value - first).TotalSeconds / span * Width);
            var y = Top + (outlets.IndexOf(a.Outlet ?? "?") * Row);
            svg.Append(CultureInfo.InvariantCulture, $"<a href=\"/articles/{a.Id}\"><circle cx=\"{x:0.#}\" cy=\"{y}\" r=\"6\" class=\"dot\"><title>")
                .Append(WebUtility.HtmlEncode((a.Title ?? ui["untitled"]) + " — " + ui.Date(a.Published)))
                .Append("</title></circle></a>");
        }

        var axis = Top + (outlets.Count * Row) + 8;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"{axis + 10}\">").Append(WebUtility.HtmlEncode(ui.Date(first))).Append("</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + Width}\" y=\"{axis + 10}\" text-anchor=\"end\">").Append(WebUtility.HtmlEncode(ui.Date(last))).Append("</text>");
        svg.Append("</svg>");
        return svg.ToString();
    }

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>Only letters, digits and dashes reach a class attribute.</summary>
    private static string CssToken(string value)
    {
        var token = new StringBuilder();
        foreach (var c in value)
        {
            token.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return token.ToString();
    }

    private static void AddFound(List<(int, int, string, string)> spans, string text, string needle, string css, string title)
    {
        if (needle.Length == 0)
        {
            return;
        }

        var at = text.IndexOf(needle, StringComparison.Ordinal);
        if (at >= 0)
        {
            spans.Add((at, at + needle.Length, css, title));
        }
    }
}
