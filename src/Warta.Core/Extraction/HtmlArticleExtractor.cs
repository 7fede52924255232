using System.Buffers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Warta.Extraction.Html;
using Warta.Model;

namespace Warta.Extraction;

/// <summary>
/// Extracts the main article and its metadata from an HTML page. A cascade: boilerplate elements dropped by tag,
/// role and class words; containers scored by their paragraphs; the best one joined with sibling parts of the same
/// body; a looser retry when the result is too short; then the text cleaner's line rules on the paragraphs.
/// Stateless across documents, so one instance serves any number of threads.
/// </summary>
public sealed class HtmlArticleExtractor
{
    // Comments and element positions are never read, so the tokenizer neither tracks nor keeps them. (Dropping
    // unread attributes through ShouldEmitAttribute was tried: it allocates 13% more in AngleSharp 1.10, and to keep
    // the tree unchanged it must keep every attribute of formatting elements, which the tree builder compares.)
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
        IsNotConsumingCharacterReferences = false,
        DisableElementPositionTracking = true,
        SkipComments = true,
    };

    // The parser's browsing context without the attribute observer: in a browser it reacts to attributes as they
    // are set (starts stylesheet and image loads for link and img elements), which a text extractor never needs;
    // leaving it out takes about a sixth of parse time (trafilatura-eval, 150 pages). One per thread, since a
    // context caches its services and is not meant to be shared across threads.
    [ThreadStatic]
    private static IBrowsingContext? _parsingContext;

    private static IBrowsingContext ParsingContext => _parsingContext ??= BrowsingContext.New(
        new Configuration(Configuration.Default.Services.Where(s => s is not DefaultAttributeObserver)));

    // The removed spans an extraction reports for dropped elements and cut comments: at most this many, each at most
    // this long (the text cleaner's own spans come on top).
    private const int MaxRemovedElements = 200;
    private const int MaxRemovedChars = 300;

    private readonly HtmlExtractionOptions _options;
    private readonly TextArticleExtractor _cleaner;

    public HtmlArticleExtractor(HtmlExtractionOptions? options = null, TextArticleExtractor? cleaner = null)
    {
        _options = options ?? new HtmlExtractionOptions();
        _options.Validate();
        _cleaner = cleaner ?? new TextArticleExtractor();
    }

    public Article Extract(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var article = Extract(input.Body, input.Url, input.Source);
        return article with
        {
            ExternalId = input.ExternalId,
            Title = input.Title ?? article.Title,
            Published = input.Published ?? article.Published,
            PublishedPrecision = input.Published is null ? article.PublishedPrecision : DatePrecision.Zoned,
            Outlet = input.Outlet ?? article.Outlet,
            Language = input.Language ?? article.Language,
        };
    }

    /// <summary>Extracts from decoded HTML; <paramref name="url"/> (when known) helps with dates, titles and links.</summary>
    public Article Extract(string html, string? url) => Extract(html, url, url ?? "html");

    private Article Extract(string html, string? url, string source)
    {
        ArgumentNullException.ThrowIfNull(html);
        var bounded = HtmlInputGuard.Bound(html, _options.MaxInputChars, _options.MaxDepth, out var truncated, out var flattened, out var rented);
        try
        {
            return Extract(html, bounded, truncated, flattened, url, source);
        }
        finally
        {
            // The document, which may read the buffer, is not reachable once the article is built.
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    private Article Extract(string html, ReadOnlyMemory<char> bounded, bool truncated, bool flattened, string? url, string source)
    {
        var removed = new List<RemovedSpan>();
        if (truncated)
            removed.Add(new RemovedSpan($"[{html.Length - bounded.Length} characters after the first {_options.MaxInputChars}]", "too-large"));
        if (flattened)
            removed.Add(new RemovedSpan($"[tags nested deeper than {_options.MaxDepth} levels]", "too-deep"));

        var document = new HtmlParser(ParserOptions, ParsingContext).ParseDocument(bounded);
        var meta = new HtmlMetadataReader(document, url, _options.MaxJsonLdChars);
        meta.Read();

        var root = (IElement?)document.Body ?? document.DocumentElement;
        var (blocks, dropped) = BlockWalker.Walk(root, strict: true);
        var selection = ContentSelector.Select(blocks, root, meta.Title);
        // A publication date declared in the markup marks an article; a date shown on the page does not, as index
        // pages show today's date or their first item's.
        var declaredArticle = meta.DeclaredArticle || (meta.Sources.TryGetValue("published", out var dated)
            && (dated.StartsWith("json-ld:", StringComparison.Ordinal) || dated.StartsWith("meta:", StringComparison.Ordinal) || dated.StartsWith("microdata:", StringComparison.Ordinal)));
        var listing = !declaredArticle && IsListing(selection);

        if (!listing && selection.Chars < _options.MinBodyChars)
        {
            // Recall fallback: class words may have removed the body ("post-comments-enabled"); retry on tags only.
            var (looseBlocks, looseDropped) = BlockWalker.Walk(root, strict: false);
            var loose = ContentSelector.Select(looseBlocks, root, meta.Title);
            if (loose.Chars > selection.Chars)
            {
                selection = loose;
                blocks = looseBlocks;
                dropped = looseDropped;
            }
        }

        ContentSelector.DropTrailingHeadings(selection);
        foreach (var comment in ContentSelector.DropComments(selection, dropped))
        {
            if (removed.Count < MaxRemovedElements)
                removed.Add(new RemovedSpan(comment.Text.Length > MaxRemovedChars ? comment.Text[..MaxRemovedChars] : comment.Text, RemovalReasons.CommentForm));
        }
        var title = meta.Title;
        var paragraphs = new List<string>(selection.Blocks.Count);
        var owners = new List<IElement>(selection.Blocks.Count);
        foreach (var block in selection.Blocks)
        {
            if (title is not null && paragraphs.Count == 0 && string.Equals(block.Text, title, StringComparison.OrdinalIgnoreCase))
            {
                removed.Add(new RemovedSpan(block.Text, RemovalReasons.TitleRepeat));
                continue;
            }
            paragraphs.Add(block.Text);
            owners.Add(block.Owner);
        }

        meta.ReadFromVisibleText(HeaderLines(blocks, selection, out var leadLines), leadLines);
        foreach (var d in dropped)
        {
            if (removed.Count >= MaxRemovedElements)
                break;
            if (InsideAny(d.Element, selection.Containers) && BoundedText(d.Element, MaxRemovedChars) is { Length: > 0 } droppedText)
                removed.Add(new RemovedSpan(droppedText, d.Reason));
        }

        IReadOnlyList<string> authors = meta.Authors;
        IReadOnlyList<CollapsedRepeat> repeats = [];
        string? outlet = meta.SiteName;
        string? dateline = null;
        var published = meta.Published;
        var precision = meta.PublishedPrecision;
        // The body is the paragraphs joined by blank lines, as the text cleaner gives it back when it runs.
        string text;
        if (_options.CleanLines && (paragraphs.Count > 1 || paragraphs is [{ Length: > 0 }]) && Clean(source, paragraphs, title) is { } cleaned)
        {
            text = cleaned.Text;
            var cleanedRemoved = cleaned.Removed;
            repeats = cleaned.Repeats;
            if (repeats.Count > 0 && SiblingRepeats(paragraphs, owners, repeats) is { Count: > 0 } written)
                (text, cleanedRemoved, repeats) = Restore(text, paragraphs, written, cleanedRemoved, repeats);
            removed.AddRange(cleanedRemoved);
            dateline = cleaned.Dateline;
            outlet ??= cleaned.Outlet;
            if (authors.Count == 0 && cleaned.Authors.Count > 0)
                authors = cleaned.Authors;
            if (published is null && cleaned.Published is not null)
            {
                published = cleaned.Published;
                precision = cleaned.PublishedPrecision;
            }
        }
        else
        {
            text = string.Join("\n\n", paragraphs);
        }

        // Last of all, for a page no byline names: the person a personal site is named after, else what the markup
        // declares in weaker places (an agency, an editorial team, a recipe's author), else a byline shown anywhere
        // (after a cue, after a label in its own node, after a date), else an editorial team in a byline element, else
        // a signature under the body.
        if (authors.Count == 0 && (meta.TakeSiteOwner() || meta.TakeDeclaredFallback() || meta.TakeShownByline() || meta.TakeLabelledByline()
            || meta.TakeDatedByline() || meta.TakeShownTeam() || meta.TakeSignature(paragraphs, owners)))
            authors = meta.Authors;

        var sources = new Dictionary<string, string>(meta.Sources, StringComparer.Ordinal);
        return new Article
        {
            Source = source,
            Url = url ?? meta.CanonicalUrl,
            Title = title,
            Text = text,
            Published = published,
            PublishedPrecision = precision,
            Authors = authors,
            Outlet = outlet,
            Dateline = dateline,
            Removed = removed,
            Repeats = repeats,
            Metadata = new ArticleMetadata
            {
                Modified = meta.Modified,
                SiteName = meta.SiteName,
                CanonicalUrl = meta.CanonicalUrl,
                Description = meta.Description,
                Image = meta.Image,
                Section = meta.Section,
                Tags = meta.Tags,
                DeclaredLanguage = meta.Language,
                PageType = listing ? "listing" : "article",
                Sources = sources,
            },
        };
    }

    /// <summary>
    /// Paragraphs the cleaner collapsed as a repeat of another under the same parent element: the page prints
    /// (nearly) the same words twice in one body, which is the author's text, unlike a second rendering of the body
    /// in another container (a teaser above the full text, a print copy) that repeat collapsing is for.
    /// </summary>
    private static List<int> SiblingRepeats(List<string> paragraphs, List<IElement> owners, IReadOnlyList<CollapsedRepeat> repeats)
    {
        var written = new List<int>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < paragraphs.Count; j++)
        {
            if (!first.TryAdd(paragraphs[j], j) && owners[first[paragraphs[j]]] is var original && original != owners[j]
                && original.ParentElement is { } parent && parent == owners[j].ParentElement)
                written.Add(j);
        }
        foreach (var repeat in repeats)
        {
            var keptParts = repeat.Kept.Split("\n\n");
            var droppedParts = repeat.Dropped.Split("\n\n");
            var kept = FindRun(paragraphs, keptParts, -1, 0);
            var dropped = FindRun(paragraphs, droppedParts, kept, keptParts.Length);
            if (kept < 0 || dropped < 0 || !InTwinBoxes(owners, kept, keptParts.Length, dropped, droppedParts.Length))
                continue;
            for (var j = dropped; j < dropped + droppedParts.Length; j++)
            {
                if (!written.Contains(j))
                    written.Add(j);
            }
        }
        written.Sort();
        return written;
    }

    // Where a run of paragraphs starts, outside the run [avoid, avoid + avoidLength); -1 when it is not there.
    private static int FindRun(List<string> paragraphs, string[] parts, int avoid, int avoidLength)
    {
        for (var s = 0; s + parts.Length <= paragraphs.Count; s++)
        {
            if (avoid >= 0 && s < avoid + avoidLength && avoid < s + parts.Length)
                continue;
            var k = 0;
            while (k < parts.Length && string.Equals(paragraphs[s + k].Trim(), parts[k].Trim(), StringComparison.Ordinal))
                k++;
            if (k == parts.Length)
                return s;
        }
        return -1;
    }

    /// <summary>
    /// Whether two copies of a run are the author's text written twice rather than the body rendered twice: both
    /// lie in one box, or in sibling boxes of one tag and class of which one holds more than the copy (a second
    /// rendering fills both boxes; a teaser's box has another class than the body's).
    /// </summary>
    private static bool InTwinBoxes(List<IElement> owners, int kept, int keptLength, int dropped, int droppedLength)
    {
        var keptBox = Box(owners, kept, keptLength);
        var droppedBox = Box(owners, dropped, droppedLength);
        if (keptBox is null || droppedBox is null)
            return false;
        if (keptBox == droppedBox)
            return droppedLength == 1 && owners[kept] != owners[dropped];
        if (keptBox.ParentElement != droppedBox.ParentElement || keptBox.LocalName != droppedBox.LocalName
            || !string.Equals(keptBox.GetAttribute("class"), droppedBox.GetAttribute("class"), StringComparison.Ordinal))
            return false;
        return !FillsBox(owners, dropped, droppedLength, droppedBox) || !FillsBox(owners, kept, keptLength, keptBox);
    }

    private static bool FillsBox(List<IElement> owners, int start, int length, IElement box)
    {
        for (var j = 0; j < owners.Count; j++)
        {
            if ((j < start || j >= start + length) && owners[j].ParentElement == box)
                return false;
        }
        return true;
    }

    // The element holding every paragraph of a run directly, or null.
    private static IElement? Box(List<IElement> owners, int start, int length)
    {
        var box = owners[start].ParentElement;
        for (var j = start + 1; j < start + length; j++)
        {
            if (owners[j].ParentElement != box)
                return null;
        }
        return box;
    }

    // Puts the cleaner's collapsed copies of sibling repeats back where they stood: a walk over the original
    // paragraphs finds how many cleaned paragraphs precede each copy (cleaned lines may have lost a dateline, so a
    // cleaned line matches an original one that contains it).
    private static (string Text, IReadOnlyList<RemovedSpan> Removed, IReadOnlyList<CollapsedRepeat> Repeats) Restore(
        string text, List<string> paragraphs, List<int> written, IReadOnlyList<RemovedSpan> removed, IReadOnlyList<CollapsedRepeat> repeats)
    {
        var cleaned = text.Split("\n\n").ToList();
        var spans = removed.ToList();
        var kept = repeats.ToList();
        foreach (var j in written)
        {
            var copy = paragraphs[j].Trim();
            var span = spans.FindIndex(s => s.Reason == RemovalReasons.RepeatedBlock && string.Equals(s.Text, copy, StringComparison.Ordinal));
            if (span < 0)
                continue;
            var k = 0;
            for (var i = 0; i < j && k < cleaned.Count; i++)
            {
                if (paragraphs[i].Contains(cleaned[k], StringComparison.Ordinal))
                    k++;
            }
            cleaned.Insert(k, copy);
            spans.RemoveAt(span);
            kept.RemoveAll(r => r.Dropped.Contains(copy, StringComparison.Ordinal));
        }
        return (string.Join("\n\n", cleaned), spans, kept);
    }

    // The text cleaner's line rules on the extracted paragraphs; a failure there (its date parser rejects
    // non-ASCII digits) keeps the uncleaned paragraphs rather than failing the page.
    private Article? Clean(string source, List<string> paragraphs, string? title)
    {
        try
        {
            return _cleaner.Extract(new RawInput
            {
                Source = source,
                Kind = InputKind.Text,
                Raw = ReadOnlyMemory<byte>.Empty,
                Body = string.Empty,
                Title = title ?? string.Empty,
            }, paragraphs);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return null;
        }
    }

    // A listing or index page: most of its text is links and no body of prose dominates it. Calibrated on the
    // nine index pages and 26 article pages of id-news-html and on mozilla-readability-testpages.
    private static bool IsListing(ContentSelector.Selection selection) =>
        selection.PageLinkDensity > 0.4 && selection.Chars < 1_500 && selection.Chars < selection.PageChars * 0.1;

    // Lines near the body where bylines and datelines sit: some before it, its first lines (the first leadLines of
    // the list), and a few after it. A line longer than 200 characters is a paragraph: only its first 60 are kept,
    // where a wire-style dateline or a press-release date opens it ("29.11.2022 – Mehrfach …"); a date further in
    // is one the text talks about.
    private static List<string> HeaderLines(List<TextBlock> blocks, ContentSelector.Selection selection, out int leadLines)
    {
        var lines = new List<string>();
        leadLines = 0;
        if (selection.Blocks.Count == 0)
            return lines;
        var first = blocks.IndexOf(selection.Blocks[0]);
        var last = blocks.IndexOf(selection.Blocks[^1]);
        for (var i = Math.Max(0, first - 15); i < blocks.Count && i <= Math.Min(last + 10, first + 60); i++)
        {
            if (i >= first + 5 && i < last - 3)
                continue;
            var text = blocks[i].Text;
            lines.Add(text.Length <= 200 ? text : text[..60]);
            if (i < first + 5)
                leadLines = lines.Count;
        }
        return lines;
    }

    private static bool InsideAny(IElement element, HashSet<IElement> containers)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (containers.Contains(e))
                return true;
        }
        return false;
    }

    // The element's visible text, whitespace collapsed, cut at maxChars; iterative so depth cannot matter.
    private static string BoundedText(IElement element, int maxChars)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        var space = false;
        while (stack.Count > 0 && sb.Length < maxChars)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                foreach (var c in t.Data)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        space = sb.Length > 0;
                        continue;
                    }
                    if (space)
                        sb.Append(' ');
                    space = false;
                    sb.Append(c);
                }
                continue;
            }
            if (node is IElement e && e.LocalName is "script" or "style" or "noscript" or "template")
                continue;
            space = sb.Length > 0;
            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                stack.Push(node.ChildNodes[i]);
        }
        return sb.Length > maxChars ? string.Concat(sb.ToString(0, maxChars), "…") : sb.ToString();
    }
}
