namespace Warta.Stories;

/// <summary>
/// The headline words a news URL carries in its slug ("…/la-fi-mo-federal-reserve-plosser-stimulus-economy-20140310,0,1312750.story"
/// → federal, reserve, plosser, stimulus, economy): evidence every crawler has, often longer than a cut headline.
/// </summary>
public static class UrlSlug
{
    /// <summary>A path segment counts as a slug from this many words on; shorter ones are sections ("news", "business").</summary>
    private const int MinWords = 3;

    private const int MaxWords = 30;

    /// <summary>
    /// Lower-cased words of the URL path segment with the most words (separated by '-', '_', '+' or '.'); words with
    /// digits (dates, ids such as "idINWEN00CP020140310") and one-letter words are dropped. Empty when no segment
    /// has <see cref="MinWords"/> words, as in "/article.aspx?id=8812476" or "/story/24930784".
    /// </summary>
    public static List<string> Words(string? url)
    {
        var best = new List<string>();
        if (string.IsNullOrEmpty(url) || url.Length > 2048)
        {
            return best;
        }

        var end = url.IndexOfAny(['?', '#']);
        var path = end >= 0 ? url[..end] : url;
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            // The host is never a slug.
            var slash = path.IndexOf('/', scheme + 3);
            path = slash >= 0 ? path[slash..] : string.Empty;
        }

        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var words = SegmentWords(segment);
            if (words.Count >= MinWords && words.Count >= best.Count)
            {
                best = words;
            }
        }

        return best.Count > MaxWords ? best[..MaxWords] : best;
    }

    private static List<string> SegmentWords(string segment)
    {
        // "…-economy-20140310,0,1312750.story": what follows a comma is an id.
        var comma = segment.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            segment = segment[..comma];
        }

        // A file extension (".html", ".story", ".php") is not a headline word.
        var dot = segment.LastIndexOf('.');
        if (dot > 0 && segment.Length - dot - 1 is >= 2 and <= 5)
        {
            segment = segment[..dot];
        }

        var words = new List<string>();
        var start = 0;
        for (var i = 0; i <= segment.Length; i++)
        {
            if (i < segment.Length && segment[i] is not ('-' or '_' or '+' or '.' or '\\' or '%'))
            {
                continue;
            }

            var word = segment[start..i];
            start = i + 1;
            if (word.Length > 1 && word.All(char.IsLetter))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words;
    }
}
