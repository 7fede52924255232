using System.Text;
using AngleSharp.Dom;

namespace Warta.Extraction.Html;

/// <summary>
/// Walks a page's DOM once, with an explicit stack (no recursion, so nesting depth cannot overflow the call stack),
/// and turns it into <see cref="TextBlock"/>s in reading order, skipping boilerplate elements and recording them.
/// </summary>
internal sealed class BlockWalker
{
    /// <summary>Whether elements of this tag start a block of text of their own.</summary>
    // A switch, which the compiler turns into length and character tests: it is asked twice for every element.
    public static bool IsBlockTag(string tag) => tag switch
    {
        "address" or "article" or "aside" or "blockquote" or "body" or "center" or "dd" or "details" or "dir" or "div"
            or "dl" or "dt" or "fieldset" or "figure" or "footer" or "form" or "h1" or "h2" or "h3" or "h4" or "h5"
            or "h6" or "header" or "hgroup" or "hr" or "li" or "main" or "nav" or "ol" or "p" or "pre" or "section"
            or "summary" or "table" or "tbody" or "thead" or "tfoot" or "tr" or "ul" or "caption" or "html" or "dialog"
            or "menu" or "legend" or "option" => true,
        _ => false,
    };

    /// <summary>Whether elements of this tag are headings (h1–h6), whose blocks are <see cref="BlockKind.Heading"/>.</summary>
    public static bool IsHeadingTag(string tag) => tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private readonly List<TextBlock> _blocks = [];
    private readonly List<DroppedElement> _dropped = [];
    private readonly List<IElement> _owners = [];
    private readonly StringBuilder _text = new();
    private readonly Dictionary<string, string?> _classCache = new(StringComparer.Ordinal);
    private readonly bool _strict;
    private int _linkDepth;
    private int _inPageLinkDepth;
    private readonly Stack<AnchorKind> _anchors = new();
    private int _articleHeaderDepth;
    private int _inPageLinkChars;
    private int _preDepth;
    private int _linkChars;
    private bool _pendingSpace;

    private BlockWalker(bool strict) => _strict = strict;

    public static (List<TextBlock> Blocks, List<DroppedElement> Dropped) Walk(IElement root, bool strict)
    {
        var walker = new BlockWalker(strict);
        walker.Run(root);
        return (walker._blocks, walker._dropped);
    }

    private void Run(IElement root)
    {
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText textNode)
            {
                AppendText(textNode.Data);
                continue;
            }
            if (node is not IElement element)
                continue;
            var tag = element.LocalName;
            if (exit)
            {
                Leave(element, tag);
                continue;
            }
            if (element != root)
            {
                var reason = BoilerplateRules.Reason(element, _strict, out var silent, _classCache);
                if (reason == BoilerplateRules.Header && IsArticleHeader(element))
                {
                    // Its headline and byline stay out as before (metadata reads them); its standfirst is walked.
                    reason = null;
                    _articleHeaderDepth++;
                }
                else if (reason is not null && _strict && HoldsHeadline(element, root))
                {
                    reason = null;
                }
                if (reason is not null)
                {
                    if (!silent)
                        _dropped.Add(new DroppedElement(element, reason));
                    if (IsBlockTag(tag))
                        Flush();
                    // Another header (not an article's own, which is walked above) may still hold a standfirst
                    // classed as one, between a headline and byline that metadata reads: that alone is walked.
                    if (reason == BoilerplateRules.Header && tag == "header")
                        PushLeads(element, stack);
                    // A ruby reading sits inside a word ("子<rt>こ</rt>ども"), so its place is no word break.
                    else if (tag is not ("rt" or "rp"))
                        _pendingSpace = true;
                    continue;
                }
            }
            switch (tag)
            {
                case "br":
                    Flush();
                    continue;
                case "img":
                    continue;
                case "td" or "th":
                    _pendingSpace = true;
                    if (IsLayoutCell(element))
                    {
                        Flush();
                        _owners.Add(element);
                    }
                    break;
                case "a":
                    var anchor = KindOfAnchor(element);
                    _anchors.Push(anchor);
                    if (anchor != AnchorKind.Text)
                        _linkDepth++;
                    if (anchor == AnchorKind.InPage)
                        _inPageLinkDepth++;
                    break;
                case "pre":
                    _preDepth++;
                    break;
            }
            if (IsBlockTag(tag))
            {
                Flush();
                _owners.Add(element);
            }
            stack.Push((element, true));
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                stack.Push((children[i], false));
        }
        Flush();
    }

    private void Leave(IElement element, string tag)
    {
        switch (tag)
        {
            case "a":
                var anchor = _anchors.Pop();
                if (anchor != AnchorKind.Text)
                    _linkDepth--;
                if (anchor == AnchorKind.InPage)
                    _inPageLinkDepth--;
                break;
            case "pre":
                _preDepth--;
                break;
            case "header" when _articleHeaderDepth > 0 && IsArticleHeader(element):
                Flush();
                _articleHeaderDepth--;
                break;
            case "td" or "th":
                _pendingSpace = true;
                if (_owners.Count > 0 && _owners[^1] == element)
                {
                    Flush();
                    _owners.RemoveAt(_owners.Count - 1);
                }
                break;
        }
        if (IsBlockTag(tag))
        {
            Flush();
            if (_owners.Count > 0 && _owners[^1] == element)
                _owners.RemoveAt(_owners.Count - 1);
        }
    }

    private static void PushLeads(IElement header, Stack<(INode Node, bool Exit)> stack)
    {
        List<IElement>? leads = null;
        var pending = new Stack<(IElement Element, int Depth)>();
        pending.Push((header, 0));
        while (pending.Count > 0)
        {
            var (e, depth) = pending.Pop();
            if (e != header && BoilerplateRules.IsLead(e))
            {
                (leads ??= []).Add(e);
                continue;
            }
            if (depth >= MaxLeadDepth)
                continue;
            for (var i = e.Children.Length - 1; i >= 0; i--)
                pending.Push((e.Children[i], depth + 1));
        }
        for (var i = (leads?.Count ?? 0) - 1; i >= 0; i--)
            stack.Push((leads![i], false));
    }

    // Levels below a header where its standfirst is looked for.
    private const int MaxLeadDepth = 5;

    // A headline is at least this long; a site's name in an h1 (the logo) is shorter.
    private const int MinHeadlineChars = 20;

    private HashSet<IElement>? _headlineHolders;

    /// <summary>
    /// Whether a box that only its class or id words drop ("page-wrapper" with id "left-navigation_page", a
    /// "sidebar-wrapper" around article and sidebar) holds the page's headline, its only h1: then the name is the
    /// layout's around the article, not furniture's beside it. A comment thread never holds the headline either way.
    /// </summary>
    private bool HoldsHeadline(IElement element, IElement root)
    {
        if (element.LocalName is not ("div" or "section" or "span") || BoilerplateRules.Reason(element, strict: false, out _) is not null)
            return false;
        if (_headlineHolders is null)
        {
            _headlineHolders = [];
            var headlines = root.GetElementsByTagName("h1");
            if (headlines.Length == 1 && headlines[0].TextContent.AsSpan().Trim().Length >= MinHeadlineChars)
            {
                for (var e = headlines[0].ParentElement; e is not null && e != root; e = e.ParentElement)
                    _headlineHolders.Add(e);
            }
        }
        return _headlineHolders.Contains(element);
    }

    private enum AnchorKind : byte
    {
        Link,
        InPage,
        Text,
    }

    /// <summary>
    /// A link leads elsewhere; a "javascript:" one around blocks of text (paragraphs wrapped in a click handler) ran a
    /// script of the page that a stored copy no longer has, so its text reads as plain text, as Readability turns such
    /// links into spans. A "javascript:" action link ("back", "print", a mail address unscrambled on click) stays a link.
    /// A link to a place on the same page ("#section-2": back to the contents, a permalink of a section) is in-page.
    /// </summary>
    private static AnchorKind KindOfAnchor(IElement anchor)
    {
        if (anchor.GetAttribute("href") is not { } href)
            return AnchorKind.Link;
        if (href.Length > 1 && href[0] == '#')
            return AnchorKind.InPage;
        return href.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
            && anchor.Children.Any(c => IsBlockTag(c.LocalName) && !string.IsNullOrWhiteSpace(c.TextContent))
            ? AnchorKind.Text : AnchorKind.Link;
    }

    // An article's own header (the first inside an article element or its marked body, not the page's): headline,
    // byline, standfirst. A later one heads a part of it (a chart, the comments).
    private bool IsArticleHeader(IElement header) =>
        _strict && header.LocalName == "header" && (header.Closest("article") ?? header.Closest("[itemprop=articleBody]")) is { } article
        && article.QuerySelector("header") == header;

    // Of an article's header only the standfirst is body text: a paragraph of unlinked prose (or the header's own text).
    private const int MinStandfirstChars = 80;

    // In an article's header: unlinked text of a box classed as its standfirst (lead, intro, excerpt…), or of a
    // paragraph or the header itself long enough to be one.
    private bool IsStandfirst(IElement? owner) =>
        owner is not null && _linkChars == 0
        && (BoilerplateRules.IsLead(owner) || owner.LocalName is "p" or "header" && _text.Length >= MinStandfirstChars);

    /// <summary>
    /// A table cell that lays out a page column rather than holding a datum: it has block children (paragraphs,
    /// headings, quotes, nested tables). Its own text between them belongs to it, not to the row, so the cell owns
    /// that text; a data cell's text stays part of its row's block.
    /// </summary>
    private static bool IsLayoutCell(IElement cell) => HasBlockChild(cell, InlineLevels);

    // Inline wrappers (small, font, span) a layout cell may put around its whole column, looked through for blocks.
    private const int InlineLevels = 2;

    private static bool HasBlockChild(IElement element, int inlineLevels)
    {
        foreach (var child in element.Children)
        {
            if (IsBlockTag(child.LocalName) || (inlineLevels > 0 && child.LocalName is not ("a" or "img" or "br") && HasBlockChild(child, inlineLevels - 1)))
                return true;
        }
        return false;
    }

    private void AppendText(string data)
    {
        // Runs of printable ASCII characters go in whole (a vectorised search finds their end); any other character
        // (white space, a control, a rendering hint, any non-ASCII one) goes through the rules one by one.
        var rest = data.AsSpan();
        while (!rest.IsEmpty)
        {
            var at = rest.IndexOfAnyExceptInRange('!', '~');
            var run = at < 0 ? rest : rest[..at];
            if (!run.IsEmpty)
                AppendVisible(run);
            if (at < 0)
                break;
            AppendChar(rest[at]);
            rest = rest[(at + 1)..];
        }
    }

    private void AppendChar(char c)
    {
        if (_preDepth == 0 ? char.IsWhiteSpace(c) : c is ' ' or '\t' or '\r')
        {
            _pendingSpace = true;
            return;
        }
        if (c == '\n')
        {
            Flush();
            return;
        }
        // Soft hyphens and zero-width breaks are hints to the renderer, not text ("Wäh\u00ADrend" reads "Während").
        if (char.IsControl(c) || c is '\u00AD' or '\u200B' or '\u2060' or '\uFEFF')
            return;
        AppendVisible(new ReadOnlySpan<char>(in c));
    }

    // Text that shows: after the pending space, counted as link text inside links.
    private void AppendVisible(ReadOnlySpan<char> chars)
    {
        if (_pendingSpace && _text.Length > 0)
            _text.Append(' ');
        _pendingSpace = false;
        _text.Append(chars);
        if (_linkDepth > 0)
            _linkChars += chars.Length;
        if (_inPageLinkDepth > 0)
            _inPageLinkChars += chars.Length;
    }

    private void Flush()
    {
        _pendingSpace = false;
        if (_text.Length == 0)
        {
            _linkChars = 0;
            _inPageLinkChars = 0;
            return;
        }
        var owner = _owners.Count > 0 ? _owners[^1] : null;
        if (_articleHeaderDepth > 0 && !IsStandfirst(owner))
            owner = null;
        if (owner is not null)
        {
            // A section heading linked within the page (back to the contents, or its own permalink) is a heading of
            // this text, not a link to another page's, as a linked headline is.
            var kind = KindOf(owner);
            _blocks.Add(new TextBlock(_text.ToString(), kind == BlockKind.Heading ? _linkChars - _inPageLinkChars : _linkChars, owner, kind));
        }
        _text.Clear();
        _linkChars = 0;
        _inPageLinkChars = 0;
    }

    private BlockKind KindOf(IElement owner)
    {
        switch (owner.LocalName)
        {
            case var tag when IsHeadingTag(tag):
                return BlockKind.Heading;
            case "li" or "dt" or "dd":
                return BlockKind.ListItem;
            case "pre":
                return BlockKind.Preformatted;
            case "tr":
                // A row of one cell spans the table: its text is a paragraph of a layout, not a record of data.
                return owner.ChildElementCount == 1 ? BlockKind.Paragraph : BlockKind.TableRow;
        }
        for (var i = _owners.Count - 1; i >= 0 && i >= _owners.Count - 3; i--)
        {
            if (_owners[i].LocalName == "blockquote")
                return BlockKind.Quote;
        }
        return BlockKind.Paragraph;
    }
}
