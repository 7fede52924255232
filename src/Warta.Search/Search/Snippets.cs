using System.Net;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Warta.Language;

namespace Warta.Search;

/// <summary>
/// Highlighted snippets written from term offsets: the text is re-analysed with the field's analyzer, tokens whose
/// analysed form is a query term mark their character offsets, and the window holding the most marks is shown,
/// HTML-escaped, with each match wrapped in <c>&lt;mark&gt;</c>.
/// </summary>
internal static class Snippets
{
    /// <summary>Text beyond this is not scanned for matches: bounds the cost of a snippet on huge articles.</summary>
    private const int MaxScanChars = 200_000;

    /// <summary>
    /// The text (or its best window of <paramref name="maxChars"/>) as HTML with the query's terms marked; the matches
    /// are <paramref name="known"/> when the index gave their offsets, else found by scanning the text.
    /// </summary>
    public static string Highlight(Analyzer analyzer, string field, ReadOnlySpan<char> text, IReadOnlySet<string> terms, int maxChars, List<(int Start, int End)>? known = null)
    {
        var spans = known is null ? Matches(analyzer, field, text, terms) : Within(known, text.Length);
        if (text.Length <= maxChars)
        {
            return Render(text, 0, text.Length, spans, false, false);
        }

        var (start, end) = BestWindow(text, spans, maxChars);
        return Render(text, start, end, spans, start > 0, end < text.Length);
    }

    /// <summary>Offsets inside the text, without overlaps (a stored text always matches its offsets; this guards against any that do not).</summary>
    private static List<(int Start, int End)> Within(List<(int Start, int End)> spans, int length)
    {
        var kept = new List<(int Start, int End)>(spans.Count);
        foreach (var span in spans)
        {
            if (span.End <= length && (kept.Count == 0 || span.Start >= kept[^1].End))
            {
                kept.Add(span);
            }
        }

        return kept;
    }

    internal static List<(int Start, int End)> Matches(Analyzer analyzer, string field, ReadOnlySpan<char> text, IReadOnlySet<string> terms)
    {
        var spans = new List<(int, int)>();
        if (terms.Count == 0 || text.Length == 0)
        {
            return spans;
        }

        // The query's terms of this field, looked up by the token's buffer: no string per token.
        var prefix = field + "\u0000";
        var wanted = new HashSet<string>(terms.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).Select(t => t[prefix.Length..]), StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return spans;
        }

        var lookup = wanted.GetAlternateLookup<ReadOnlySpan<char>>();
        var scanned = text.Length > MaxScanChars ? text[..MaxScanChars] : text;
        if (StemCache.For(field[(field.IndexOf('_', StringComparison.Ordinal) + 1)..]) is { } stem)
        {
            ScanWords(scanned, stem, lookup, spans);
            return spans;
        }

        using var reader = new StringReader(scanned.ToString());
        using var stream = analyzer.GetTokenStream(field, reader);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (lookup.Contains(term.Buffer.AsSpan(0, term.Length)))
            {
                spans.Add((offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        return spans;
    }

    /// <summary>
    /// The Indonesian and English fields' matches without the analysis chain: words are runs of letters and digits,
    /// lower-cased and stemmed through the same cache as the index's analyzer, so a snippet costs a pass over the
    /// text instead of a token stream (half the CPU of a search before). The standard tokenizer splits Latin text at
    /// the same places for ordinary words; a rare token it keeps whole ("3.5", "o'clock") is left unmarked.
    /// </summary>
    private static void ScanWords(ReadOnlySpan<char> text, StemCache stem, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> wanted, List<(int, int)> spans)
    {
        Span<char> lower = stackalloc char[MaxWordChars];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (length > MaxWordChars)
            {
                continue;
            }

            var word = lower[..length];
            text.Slice(start, length).ToLowerInvariant(word);
            if (wanted.Contains(stem.Stem(word)))
            {
                spans.Add((start, i));
            }
        }
    }

    private const int MaxWordChars = 64;

    private static (int Start, int End) BestWindow(ReadOnlySpan<char> text, List<(int Start, int End)> spans, int maxChars)
    {
        var bestStart = 0;
        var bestCount = 0;
        var j = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            while (j < spans.Count && spans[j].End <= spans[i].Start + maxChars)
            {
                j++;
            }

            if (j - i > bestCount)
            {
                bestCount = j - i;
                bestStart = spans[i].Start;
            }
        }

        // Start a little before the first match, at a word boundary, so the match reads in context.
        var start = Math.Max(0, bestStart - (maxChars / 5));
        while (start > 0 && start < bestStart && !char.IsWhiteSpace(text[start - 1]))
        {
            start++;
        }

        var end = Math.Min(text.Length, start + maxChars);
        var cut = end;
        while (cut > start + (maxChars / 2) && cut < text.Length && !char.IsWhiteSpace(text[cut]))
        {
            cut--;
        }

        return (start, cut);
    }

    private static string Render(ReadOnlySpan<char> text, int start, int end, List<(int Start, int End)> spans, bool leading, bool trailing)
    {
        var html = new StringBuilder();
        if (leading)
        {
            html.Append("… ");
        }

        var position = start;
        foreach (var (s, e) in spans)
        {
            if (s < position || e > end)
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[position..s].ToString()));
            html.Append("<mark>").Append(WebUtility.HtmlEncode(text[s..e].ToString())).Append("</mark>");
            position = e;
        }

        html.Append(WebUtility.HtmlEncode(text[position..end].ToString()));
        if (trailing)
        {
            html.Append(" …");
        }

        return html.ToString();
    }
}
