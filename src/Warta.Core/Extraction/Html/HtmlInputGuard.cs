using System.Text;

namespace Warta.Extraction.Html;

/// <summary>
/// Bounds what reaches the HTML parser: cuts an over-long page at a tag boundary and flattens nesting deeper than
/// a limit by dropping the excess open and close tags, and empties script and style elements (JSON-LD kept). One
/// linear scan; the page is copied only when it must change.
/// </summary>
internal static class HtmlInputGuard
{
    // Elements whose end tag is implied by a sibling or parent; they never build real depth, so they are not counted.
    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb", "rt", "rp",
        "colgroup", "caption", "html", "head", "body", "!doctype",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UncountedLookup = Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp", "noscript"];

    public static string Bound(string html, int maxChars, int maxDepth, out bool truncated, out bool flattened)
    {
        truncated = false;
        flattened = false;
        if (html.Length > maxChars)
        {
            var cut = html.LastIndexOf('<', maxChars - 1);
            html = html[..(cut > 0 ? cut : maxChars)];
            truncated = true;
        }

        StringBuilder? copy = null;
        var copied = 0;
        var depth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
                break;
            var next = html[lt + 1];
            if (next == '!')
            {
                // Comment or doctype: skip to its end.
                var end = string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0 ? html.IndexOf("-->", lt + 4, StringComparison.Ordinal) : html.IndexOf('>', lt);
                i = end < 0 ? html.Length : end + 1;
                continue;
            }
            var closing = next == '/';
            var nameStart = lt + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
                nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }
            var gt = html.IndexOf('>', nameEnd);
            if (gt < 0)
                break;
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var tagEnd = gt + 1;
            if (!closing && IsRawText(name))
            {
                // Skip the raw text body (script, style…) up to its end tag. Script and style bodies never reach the
                // text or the metadata (JSON-LD excepted) and are often half a news page: they are not parsed at all.
                var endTag = html.IndexOf(string.Concat("</", name.ToString()), tagEnd, StringComparison.OrdinalIgnoreCase);
                if (endTag > tagEnd && IsDroppedBody(name, html.AsSpan(nameEnd, gt - nameEnd)))
                {
                    copy ??= new StringBuilder(html.Length);
                    copy.Append(html, copied, tagEnd - copied);
                    copied = endTag;
                }
                i = endTag < 0 ? html.Length : endTag;
                continue;
            }
            var counted = !UncountedLookup.Contains(name) && html[gt - 1] != '/';
            var drop = false;
            if (counted)
            {
                if (closing)
                {
                    drop = depth > maxDepth;
                    depth = Math.Max(0, depth - 1);
                }
                else
                {
                    depth++;
                    drop = depth > maxDepth;
                }
            }
            if (drop)
            {
                copy ??= new StringBuilder(html.Length);
                copy.Append(html, copied, lt - copied);
                copied = tagEnd;
                flattened = true;
            }
            i = tagEnd;
        }
        if (copy is null)
            return html;
        copy.Append(html, copied, html.Length - copied);
        return copy.ToString();
    }

    private static bool IsDroppedBody(ReadOnlySpan<char> name, ReadOnlySpan<char> attributes) =>
        name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || (name.Equals("script", StringComparison.OrdinalIgnoreCase) && !attributes.Contains("ld+json", StringComparison.OrdinalIgnoreCase));

    private static bool IsRawText(ReadOnlySpan<char> name)
    {
        foreach (var raw in RawTextElements)
        {
            if (name.Equals(raw, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
