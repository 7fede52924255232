using System.Buffers;
using System.Text;

namespace Warta.Extraction.Html;

/// <summary>
/// Bounds what reaches the HTML parser: cuts an over-long page at a tag boundary and flattens nesting deeper than
/// a limit by dropping the excess open and close tags, and empties script and style elements (JSON-LD kept). One
/// linear scan; the page is copied only when it must change, into a pooled buffer the caller gives back.
/// </summary>
internal static class HtmlInputGuard
{
    // How the guard treats a tag, by name; one switch per tag.
    private enum TagKind : byte
    {
        Other = 0,

        // Its end tag is implied by a sibling or parent; it never builds real depth, so it is not counted.
        Uncounted = 1,

        // A formatting element: the tree builder compares its attributes, so it keeps all of them.
        Formatting = 2,

        // Raw text up to its end tag (script, style…).
        RawText = 4,
    }

    // The kind of a tag by its name, in any case (the scan reads ASCII letters, digits and '-' only).
    private static TagKind KindOf(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[8];
        if (name.Length > lower.Length)
            return TagKind.Other;
        Ascii.ToLower(name, lower, out var written);
        return lower[..written] switch
        {
            "area" or "base" or "br" or "col" or "embed" or "hr" or "img" or "input" or "link" or "meta" or "param" or "source"
                or "track" or "wbr" or "p" or "li" or "dt" or "dd" or "option" or "optgroup" or "tr" or "td" or "th" or "tbody"
                or "thead" or "tfoot" or "rb" or "rt" or "rp" or "colgroup" or "caption" or "html" or "head" or "body" => TagKind.Uncounted,
            "a" or "b" or "big" or "code" or "em" or "font" or "i" or "nobr" or "s" or "small" or "strike" or "strong" or "tt" or "u" => TagKind.Formatting,
            "script" or "style" or "textarea" or "title" or "xmp" or "noscript" or "iframe" or "noembed" or "noframes" => TagKind.RawText,
            _ => TagKind.Other,
        };
    }

    // Attributes no rule reads and that change nothing in how the tree is built; they are left out before parsing.
    // (Event handlers, on…, and data-… attributes other than the two below, too.) Formatting elements keep all
    // theirs: the tree builder compares them. A rule that starts reading one of these must take it off the list.
    private static readonly HashSet<string> Unread = new(StringComparer.OrdinalIgnoreCase)
    {
        "width", "height", "border", "bordercolor", "cellpadding", "cellspacing", "valign", "bgcolor", "background",
        "hspace", "vspace", "nowrap", "colspan", "rowspan", "target", "tabindex", "srcset", "sizes", "loading",
        "decoding", "coords", "shape", "frameborder", "scrolling", "marginwidth", "marginheight", "allowfullscreen",
        "allow", "fetchpriority", "media", "d", "viewbox", "xlink:href", "value", "placeholder", "action", "method",
        "autocomplete",
    };

    // The data-… attributes a rule reads (a close control's, BoilerplateRules.OpensWithCloseControl).
    private static readonly HashSet<string> DataRead = new(StringComparer.OrdinalIgnoreCase) { "data-dismiss", "data-bs-dismiss" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DataReadLookup = DataRead.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UnreadLookup = Unread.GetAlternateLookup<ReadOnlySpan<char>>();

    // For each name length, a bit per first letter that some Unread name of that length starts with: most attribute
    // names (class, id, href, src…) fail this test and skip the set lookup.
    private static readonly uint[] UnreadShapes = ShapesOf(Unread);

    private static uint[] ShapesOf(IEnumerable<string> names)
    {
        var shapes = new uint[names.Max(n => n.Length) + 1];
        foreach (var name in names)
            shapes[name.Length] |= LetterBit(name[0]);
        return shapes;
    }

    // A bit for an ASCII letter in either case, 0 for any other character.
    private static uint LetterBit(char c) => char.IsAsciiLetter(c) ? 1u << ((c | 0x20) - 'a') : 0;

    /// <summary>The bounded page as a string (a copy when anything was cut).</summary>
    public static string Bound(string html, int maxChars, int maxDepth, out bool truncated, out bool flattened)
    {
        var bounded = Bound(html, maxChars, maxDepth, out truncated, out flattened, out var rented);
        var text = bounded.Length == html.Length ? html : bounded.ToString();
        if (rented is not null)
            ArrayPool<char>.Shared.Return(rented);
        return text;
    }

    /// <summary>
    /// The bounded page: a slice of <paramref name="html"/> when nothing inside it had to go, else the kept text in
    /// <paramref name="rented"/>, an array from <see cref="ArrayPool{T}.Shared"/> that the caller returns once nothing
    /// reads the memory any more. (A page is often cut, since script and style bodies go; the copy through a string
    /// builder and its string were the largest allocations of an extraction, and large-object-heap ones.)
    /// </summary>
    public static ReadOnlyMemory<char> Bound(string html, int maxChars, int maxDepth, out bool truncated, out bool flattened, out char[]? rented)
    {
        truncated = false;
        flattened = false;
        rented = null;
        var length = html.Length;
        if (length > maxChars)
        {
            var cut = html.LastIndexOf('<', maxChars - 1);
            length = cut > 0 ? cut : maxChars;
            truncated = true;
        }

        char[]? copy = null;
        var written = 0;
        var copied = 0;
        var depth = 0;
        var i = 0;
        Span<(int Start, int End)> unread = stackalloc (int, int)[MaxDropsPerTag];
        while (i < length)
        {
            var lt = html.IndexOf('<', i, length - i);
            if (lt < 0 || lt + 1 >= length)
                break;
            var next = html[lt + 1];
            if (next == '!')
            {
                // Comment or doctype: skip to its end.
                var end = lt + 4 <= length && string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0 ? html.IndexOf("-->", lt + 4, length - lt - 4, StringComparison.Ordinal) : html.IndexOf('>', lt, length - lt);
                i = end < 0 ? length : end + 1;
                continue;
            }
            var closing = next == '/';
            var nameStart = lt + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
                nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var kind = KindOf(name);
            // Where the tag ends as the tokenizer reads it (a quoted value may hold '>'), with the unread attributes of
            // a start tag other than a formatting element's or a raw text element's (whose attributes stay).
            var gt = ReadAttributes(html, nameEnd, length, !closing && kind is not (TagKind.Formatting or TagKind.RawText) ? unread : [], out var unreadCount);
            if (gt < 0)
                break;
            var tagEnd = gt + 1;
            if (!closing && kind == TagKind.RawText)
            {
                // Skip the raw text body (script, style…) up to its end tag. Script and style bodies never reach the
                // text or the metadata (JSON-LD excepted) and are often half a news page: they are not parsed at all.
                var endTag = EndTag(html, name, tagEnd, length);
                if (endTag > tagEnd && IsDroppedBody(name, html.AsSpan(nameEnd, gt - nameEnd)))
                    LeaveOut(html, tagEnd, endTag, length, ref copy, ref copied, ref written);
                i = endTag < 0 ? length : endTag;
                continue;
            }
            var counted = kind != TagKind.Uncounted && html[gt - 1] != '/';
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
                LeaveOut(html, lt, tagEnd, length, ref copy, ref copied, ref written);
                flattened = true;
            }
            else
            {
                for (var k = 0; k < unreadCount; k++)
                    LeaveOut(html, unread[k].Start, unread[k].End, length, ref copy, ref copied, ref written);
            }
            i = tagEnd;
        }
        if (copy is null)
            return html.AsMemory(0, length);
        html.CopyTo(copied, copy, written, length - copied);
        written += length - copied;
        rented = copy;
        return copy.AsMemory(0, written);
    }

    // At most this many unread attributes are left out of one tag; any further ones stay.
    private const int MaxDropsPerTag = 16;

    /// <summary>
    /// Reads a tag's attributes from <paramref name="from"/> (just after its name) as the HTML tokenizer does, and
    /// returns where the tag ends: the first '&gt;' outside a quoted value, or -1 when the input ends first. The
    /// ranges of attributes nothing reads (see <see cref="Unread"/>: layout, responsive-image lists, event and data
    /// attributes…), each with its value, go into <paramref name="unread"/>; an empty span collects none. A tag scanned
    /// only to its first '&gt;' would end inside a value such as <c>alt="a &gt; b"</c> or one left unclosed, and
    /// whatever the scan then took for tags would be cut from the value.
    /// </summary>
    private static int ReadAttributes(string html, int from, int length, Span<(int Start, int End)> unread, out int count)
    {
        count = 0;
        var i = from;
        while (true)
        {
            while (i < length && (IsTagSpace(html[i]) || html[i] == '/'))
                i++;
            if (i >= length)
                return -1;
            if (html[i] == '>')
                return i;
            // The name runs to white space, '/', '>' or '='; a leading '=' belongs to it.
            var start = i;
            i++;
            while (i < length && !IsTagSpace(html[i]) && html[i] is not ('/' or '>' or '='))
                i++;
            var nameEnd = i;
            var j = i;
            while (j < length && IsTagSpace(html[j]))
                j++;
            if (j < length && html[j] == '=')
            {
                j++;
                while (j < length && IsTagSpace(html[j]))
                    j++;
                if (j < length && html[j] is '"' or '\'')
                {
                    var close = html.IndexOf(html[j], j + 1, length - j - 1);
                    if (close < 0)
                        return -1;
                    j = close + 1;
                }
                else
                {
                    while (j < length && !IsTagSpace(html[j]) && html[j] != '>')
                        j++;
                }
                i = j;
            }
            if (count < unread.Length && IsUnread(html.AsSpan(start, nameEnd - start)))
                unread[count++] = (start, i);
        }
    }

    // Leaves html[from..to) out of the copy: what lies between the last cut and from is copied first (into a pooled
    // buffer rented on the first cut).
    private static void LeaveOut(string html, int from, int to, int length, ref char[]? copy, ref int copied, ref int written)
    {
        copy ??= ArrayPool<char>.Shared.Rent(length);
        html.CopyTo(copied, copy, written, from - copied);
        written += from - copied;
        copied = to;
    }

    // White space between a tag's attributes, as the HTML tokenizer reads it.
    private static bool IsTagSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    private static bool IsUnread(ReadOnlySpan<char> name) =>
        (name.Length > 2 && (name[0] | 0x20) == 'o' && (name[1] | 0x20) == 'n')
        || (name.StartsWith("data-", StringComparison.OrdinalIgnoreCase) && !DataReadLookup.Contains(name))
        || (name.Length < UnreadShapes.Length && (UnreadShapes[name.Length] & LetterBit(name[0])) != 0 && UnreadLookup.Contains(name));

    // Where the raw text element's end tag starts ("</script", any case), or -1.
    private static int EndTag(string html, ReadOnlySpan<char> name, int from, int length)
    {
        var rest = html.AsSpan(from, length - from);
        var at = 0;
        while (true)
        {
            var lt = rest[at..].IndexOf("</", StringComparison.Ordinal);
            if (lt < 0)
                return -1;
            at += lt;
            if (rest.Length - at - 2 >= name.Length && rest.Slice(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
                return from + at;
            at += 2;
        }
    }

    private static bool IsDroppedBody(ReadOnlySpan<char> name, ReadOnlySpan<char> attributes) =>
        name.Equals("style", StringComparison.OrdinalIgnoreCase)
        || (name.Equals("script", StringComparison.OrdinalIgnoreCase) && !attributes.Contains("ld+json", StringComparison.OrdinalIgnoreCase));
}
