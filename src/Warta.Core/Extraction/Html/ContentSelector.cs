using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Warta.Extraction.Html;

/// <summary>
/// Picks the article's blocks: scores candidate containers by the paragraphs under them (length, commas, link
/// density, article-like class words, in the manner of Readability), takes the best, joins the siblings that belong
/// to the same body (bodies split over several containers), and keeps its blocks that are not link lists.
/// </summary>
internal static partial class ContentSelector
{
    // Ancestor levels a paragraph's score reaches, and how it is divided at each (Readability's scheme).
    private const int ScoreLevels = 5;

    // Blocks shorter than this do not vote for a container (Readability uses 25 characters).
    private const int MinScoringChars = 25;

    // Containers with less text than this score in proportion to their length; calibrated on trafilatura-eval.
    private const int ShortBodyChars = 500;

    // A kept block may be at most this share link text; calibrated on mozilla-readability-testpages.
    private const double MaxBlockLinkDensity = 0.5;

    // A list under this share of link text is a list of points, whose mostly linked items are kept (the list as a
    // whole would pass as a block); calibrated on mozilla-readability-testpages and checked on all five sets.
    private const double MaxProseListLinkDensity = 0.5;

    public sealed class Selection
    {
        public required List<TextBlock> Blocks { get; init; }

        public required HashSet<IElement> Containers { get; init; }

        /// <summary>Share of the page's text that sits in links.</summary>
        public double PageLinkDensity { get; init; }

        public int PageChars { get; init; }

        public int Chars => Blocks.Sum(b => b.Text.Length);
    }

    /// <param name="title">The page's title when known: on a page of several articles it tells which is the page's.</param>
    public static Selection Select(List<TextBlock> blocks, IElement root, string? title = null)
    {
        var scores = new Dictionary<IElement, double>();
        var totals = new Dictionary<IElement, (int Text, int Links)>();
        int pageChars = 0, pageLinks = 0;
        foreach (var block in blocks)
        {
            pageChars += block.Text.Length;
            pageLinks += block.LinkChars;
            var level = 0;
            for (var e = block.Owner; e is not null && level <= ScoreLevels + 1; e = e.ParentElement, level++)
            {
                ref var t = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, e, out _);
                t = (t.Text + block.Text.Length, t.Links + block.LinkChars);
                if (e == root)
                    break;
            }
        }

        foreach (var block in blocks)
        {
            if (block.Text.Length < MinScoringChars || block.Kind is BlockKind.Heading || block.LinkDensity > MaxBlockLinkDensity)
                continue;
            var score = 1.0 + Commas(block.Text) + Math.Min(block.Text.Length / 100, 3);
            var start = ScoringStart(block.Owner);
            var level = 0;
            for (var e = start; e is not null && level < ScoreLevels; e = e.ParentElement, level++)
            {
                ref var current = ref CollectionsMarshal.GetValueRefOrAddDefault(scores, e, out var scored);
                if (!scored)
                    current = InitialScore(e);
                var divider = level switch { 0 => 1.0, 1 => 2.0, _ => level * 3.0 };
                current += score / divider;
                if (e == root)
                    break;
            }
        }

        IElement? top = null;
        var topScore = double.MinValue;
        foreach (var (element, score) in scores)
        {
            var adjusted = Adjusted(element, score, totals);
            if (adjusted > topScore)
            {
                topScore = adjusted;
                top = element;
            }
        }

        // An inline wrapper (small, font) around a whole column scores as the paragraphs' parent, but the column's
        // text before its first paragraph belongs to the cell or block around it: that element is the body.
        while (top is not null && top != root && !BlockWalker.IsBlockTag(top.LocalName) && top.LocalName is not ("td" or "th")
            && top.ParentElement is { } outer && (outer.ChildElementCount == 1 || outer.LocalName is "td" or "th"))
            top = outer;
        if (top is not null)
            top = TitledTwin(top, topScore, title, scores, totals) is var titled && titled != top ? titled
                : PostsWrapper(top, topScore, title, scores, totals, root) ?? top;

        var containers = new HashSet<IElement>();
        if (top is null)
        {
            containers.Add(root);
        }
        else
        {
            containers.Add(top);
            JoinSiblings(top, topScore, scores, totals, containers);
            JoinOuterParts(top, blocks, root, containers);
        }

        var kept = new List<TextBlock>();
        List<TextBlock>? linkParagraphs = null;
        var first = -1;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (!Within(block.Owner, containers, root))
                continue;
            if (first < 0)
                first = i;
            // An h1 above the body is the headline, which metadata reads; one after body text is a section heading,
            // and so is one that says something else than the title (a page whose headline is not its title).
            if (block.Owner.LocalName == "h1" && !kept.Exists(b => b.Kind != BlockKind.Heading) && (title is null || RepeatsTitle(block.Text, title)))
                continue;
            if (block.LinkDensity > MaxBlockLinkDensity && !InProseList(block, totals) && !InReferences(block.Owner))
            {
                // A paragraph that is mostly a link (a source, a petition, an address) between paragraphs of the
                // body is part of it; link lists and "read more" lines after the body are not.
                // So is a linked section heading among the body's own paragraphs (a product, a bug list): prose
                // in the same box before and after it; a teaser's linked headline heads a box of its own.
                if ((block.Owner.LocalName == "p" && kept.Exists(b => b.Kind != BlockKind.Heading))
                    || (block.Kind == BlockKind.Heading && kept.Count > 0 && IsProse(kept[^1]) && kept[^1].Owner.ParentElement == block.Owner.ParentElement))
                    (linkParagraphs ??= []).Add(block);
                continue;
            }
            if (linkParagraphs is { Count: > 0 } && IsProse(block))
                kept.AddRange(linkParagraphs.Where(l => l.Kind != BlockKind.Heading || l.Owner.ParentElement == block.Owner.ParentElement));
            linkParagraphs?.Clear();
            kept.Add(block);
        }
        if (top is not null && first > 0)
            JoinLead(top, blocks, first, root, containers, kept);
        return new Selection
        {
            Blocks = kept,
            Containers = containers,
            PageChars = pageChars,
            PageLinkDensity = pageChars == 0 ? 0 : (double)pageLinks / pageChars,
        };
    }

    // A heading is a line; a longer "heading" is text a page set in a heading's type (old sites write paragraphs in h4).
    private const int MaxTrailingHeadingChars = 100;

    /// <summary>
    /// A heading that opens the readers' comments ("Comments", "12 Comments", "3 thoughts on “…”", "Komentar", "Leave a
    /// Reply") after body text ends the body: what follows it in the selection are readers' posts and the form to add
    /// one, which blogs print as siblings of the article's paragraphs where no comments box would drop them. Returns
    /// the blocks cut, for the removed spans.
    /// </summary>
    /// <param name="dropped">The elements the walk dropped: a heading dropped for its comments class or id
    /// (<c>&lt;h2 id="comments"&gt;</c>) opens the comments too, though it is no block of the selection.</param>
    public static List<TextBlock> DropComments(Selection selection, IReadOnlyList<DroppedElement> dropped)
    {
        var kept = selection.Blocks;
        var headings = dropped.Where(d => d.Reason == RemovalReasons.CommentForm && BlockWalker.IsHeadingTag(d.Element.LocalName)
            && OpensComments(d.Element.TextContent)).Select(d => d.Element).ToList();
        var sawText = false;
        for (var i = 0; i < kept.Count; i++)
        {
            var block = kept[i];
            var opens = sawText && (block.Kind == BlockKind.Heading
                ? block.Text.Length <= MaxTrailingHeadingChars && OpensComments(block.Text)
                : headings.Exists(h => Follows(block.Owner, h)));
            if (opens)
            {
                var cut = kept.GetRange(i, kept.Count - i);
                kept.RemoveRange(i, kept.Count - i);
                return cut;
            }
            sawText |= block.Kind != BlockKind.Heading && block.Text.Length >= MinScoringChars;
            if (sawText)
                headings.RemoveAll(h => Follows(block.Owner, h));
        }
        return [];
    }

    // Whether the element comes after the heading in document order, outside it.
    private static bool Follows(IElement element, IElement heading) =>
        (heading.CompareDocumentPosition(element) & (DocumentPositions.Following | DocumentPositions.ContainedBy)) == DocumentPositions.Following;

    private static bool OpensComments(string heading)
    {
        var normalized = CleaningPhrases.Normalize(heading);
        return CleaningPhrases.Default.WholeLine(normalized) == RemovalReasons.CommentForm || CommentsCount().IsMatch(normalized);
    }

    // "12 comments", "1 response to “…”", "3 thoughts on “…”", "5 Kommentare", "2 komentar" (normalised: lower case).
    [GeneratedRegex(@"^\d+\s+(?:comments?|responses?|replies|thoughts?|kommentare?|komentar|commentaires?|comentarios?)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CommentsCount();

    /// <summary>
    /// Headings after the body's last text that sit in another box than that text head something the selection
    /// left out (a box of related links, a form, a map): with nothing under them they are not the article's.
    /// A heading beside the last paragraph, in the same box, stays (a list the text introduces may follow it).
    /// </summary>
    public static void DropTrailingHeadings(Selection selection)
    {
        var kept = selection.Blocks;
        var lastText = kept.FindLastIndex(b => b.Kind != BlockKind.Heading);
        if (lastText < 0)
            return;
        var box = kept[lastText].Owner.ParentElement;
        for (var i = kept.Count - 1; i > lastText; i--)
        {
            if (kept[i].Owner.ParentElement != box && kept[i].Text.Length <= MaxTrailingHeadingChars)
                kept.RemoveAt(i);
        }
    }

    /// <summary>
    /// On a page that appends further articles below the first (infinite scroll), each sits in a container of the
    /// same tag and class under its own headline; when the best-scoring one is not under the page's title but a
    /// twin is, the twin is the page's article. Teaser cards that carry the title stay out by the score floor.
    /// </summary>
    private static IElement TitledTwin(IElement top, double topScore, string? title, Dictionary<IElement, double> scores,
        Dictionary<IElement, (int Text, int Links)> totals)
    {
        if (title is null || Key(title) is not { Length: >= 8 } titleKey)
            return top;
        // Siblings of one class are one body split by ads or figures; JoinSiblings joins them.
        var twins = Twins(top, topScore, scores, totals, siblings: false);
        if (twins is null || UnderHeading(top, titleKey, twins))
            return top;
        return twins.Find(t => t != top && UnderHeading(t, titleKey, twins)) ?? top;
    }

    // Elements of the best container's tag and class, outside it, that score at least a quarter of it: the other
    // articles or posts of a page built from one template; null when there are none. The list starts with top.
    private static List<IElement>? Twins(IElement top, double topScore, Dictionary<IElement, double> scores,
        Dictionary<IElement, (int Text, int Links)> totals, bool siblings)
    {
        var topClass = top.GetAttribute("class");
        if (string.IsNullOrWhiteSpace(topClass))
            return null;
        List<IElement>? twins = null;
        foreach (var (element, score) in scores)
        {
            if (element == top || element.LocalName != top.LocalName || !string.Equals(element.GetAttribute("class"), topClass, StringComparison.Ordinal))
                continue;
            if ((!siblings && element.ParentElement == top.ParentElement) || score * (1 - LinkDensity(totals, element)) < topScore * 0.25
                || element.Contains(top) || top.Contains(element))
                continue;
            (twins ??= [top]).Add(element);
        }
        return twins;
    }

    // Posts a page shows in full take at least this many containers of one template (a blog's front page).
    private const int MinPosts = 3;

    /// <summary>
    /// A blog's front page or a category page shows several posts in full, each in a container of one tag and
    /// class; the page's title names the blog, not one post, so no post sits under it (an article page that appends
    /// further articles has its own headline as the title, see <see cref="TitledTwin"/>). The body is then all the
    /// posts: the nearest element holding them, with their headlines and dates. Null when the page is not one.
    /// </summary>
    private static IElement? PostsWrapper(IElement top, double topScore, string? title, Dictionary<IElement, double> scores,
        Dictionary<IElement, (int Text, int Links)> totals, IElement root)
    {
        if (title is null || Key(title) is not { Length: >= 8 } titleKey)
            return null;
        var twins = Twins(top, topScore, scores, totals, siblings: true);
        if (twins is null || twins.Count < MinPosts || twins.Exists(t => UnderHeading(t, titleKey, twins)))
            return null;
        var wrapper = top.ParentElement;
        while (wrapper is not null && wrapper != root && !twins.TrueForAll(wrapper.Contains))
            wrapper = wrapper.ParentElement;
        if (wrapper is null || wrapper == root || wrapper.LocalName is "body" or "html")
            return null;
        // Readers' comments share their post's template; in the recall retry their list is not dropped.
        foreach (var twin in twins)
        {
            for (var e = twin.ParentElement; e is not null && e != wrapper.ParentElement; e = e.ParentElement)
            {
                if (BoilerplateRules.ClassReason(e) is not null)
                    return null;
            }
        }
        return wrapper;
    }

    // A headline (h1–h3) with the title's words in the element or its ancestors up to the one that also holds
    // another twin (the wrapper of all the articles, whose headlines belong to them all).
    private static bool UnderHeading(IElement element, string titleKey, List<IElement> twins)
    {
        var e = element;
        for (var level = 0; level < 8 && e is not null && e.LocalName is not "body"; level++, e = e.ParentElement)
        {
            if (level > 0 && twins.Exists(t => t != element && e.Contains(t)))
                return false;
            foreach (var heading in e.QuerySelectorAll("h1, h2, h3").Take(8))
            {
                if (string.Equals(Key(heading.TextContent), titleKey, StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }

    private static string Key(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static void JoinSiblings(IElement top, double topScore, Dictionary<IElement, double> scores,
        Dictionary<IElement, (int Text, int Links)> totals, HashSet<IElement> containers)
    {
        var parent = top.ParentElement;
        if (parent is null)
            return;
        var threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.GetAttribute("class");
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
                continue;
            var bonus = topClass is { Length: > 0 } && string.Equals(sibling.GetAttribute("class"), topClass, StringComparison.Ordinal) ? topScore * 0.2 : 0;
            var density = LinkDensity(totals, sibling);
            if (scores.TryGetValue(sibling, out var score) && (score * (1 - density)) + bonus >= threshold)
            {
                containers.Add(sibling);
                continue;
            }
            if (!totals.TryGetValue(sibling, out var t))
                continue;
            // A lead or standfirst right before the body (or a closing note right after it) in its own box: prose
            // with no links, ending a sentence.
            if ((sibling == top.PreviousElementSibling || sibling == top.NextElementSibling) && t.Text >= 100 && t.Links == 0
                && EndsSentence(sibling.TextContent))
            {
                containers.Add(sibling);
                continue;
            }
            if (!IsParagraphTag(sibling.LocalName))
                continue;
            // A paragraph beside the body: long with few links, or short prose ending a sentence.
            if ((t.Text > 80 && density < 0.25) || (t.Text > 0 && density == 0 && EndsSentence(sibling.TextContent)))
                containers.Add(sibling);
        }
    }

    // Levels above the best container where further parts of a split body are looked for; wrappers with no other
    // text do not count. Calibrated on trafilatura-eval and mozilla-readability-testpages (first 150 pages).
    private const int OuterLevels = 3;

    // Ancestors of the best container the climb may pass (wrappers with no other text included): a table layout nests a
    // box beside the body column five tables deep, four elements each (table, tbody, tr, td).
    private const int MaxClimb = 24;

    // A part joins when at least this share of its text (headings aside) is prose.
    private const double MinProseShare = 0.6;

    /// <summary>
    /// Bodies split over several containers (a CMS's paragraph fields, text interleaved with image and ad boxes)
    /// have their other parts as siblings of an ancestor of the best container, not of the container itself.
    /// Walks up a few levels and at each joins the siblings that are prose (long, unlinked paragraphs); a section
    /// heading joins with the part after it. It stops at an article element and at the level where the page's
    /// furniture begins: where more of the siblings' text is not prose than is.
    /// </summary>
    private static void JoinOuterParts(IElement top, List<TextBlock> blocks, IElement root, HashSet<IElement> containers)
    {
        if (top == root)
            return;
        // The climb passes at most MaxClimb ancestors; only their children's text is needed, so each block adds to the
        // one child of the chain it sits in, instead of to every ancestor it has.
        var chain = new HashSet<IElement>();
        var link = top;
        for (var n = 0; link is not null && link != root && n <= MaxClimb; link = link.ParentElement, n++)
            chain.Add(link);
        var stats = new Dictionary<IElement, PartStats>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            IElement? child = null;
            var depth = 0;
            for (var e = block.Owner; e is not null && e != root && depth < 64; e = e.ParentElement, depth++)
            {
                if (chain.Contains(e))
                    break;
                child = e;
            }
            if (child is null || child.ParentElement is not { } parentOfChild || !chain.Contains(parentOfChild))
                continue;
            var prose = IsProse(block) && !IsCaption(block.Owner) ? block.Text.Length : 0;
            var heading = block.Kind == BlockKind.Heading && block.LinkChars == 0 ? block.Text.Length : 0;
            var linkedHeading = block.Kind == BlockKind.Heading && block.LinkDensity > MaxBlockLinkDensity ? 1 : 0;
            var s = stats.TryGetValue(child, out var seen) ? seen : new PartStats(0, 0, 0, 0, i, 0);
            stats[child] = s with
            {
                Text = s.Text + block.Text.Length,
                Links = s.Links + block.LinkChars,
                Prose = s.Prose + prose,
                Heading = s.Heading + heading,
                LinkedHeadings = s.LinkedHeadings + linkedHeading,
            };
        }
        var current = top;
        var levels = 0;
        var candidates = new List<IElement>();
        for (var climbs = 0; climbs < MaxClimb && levels < OuterLevels; climbs++)
        {
            // An article element is a whole composition; beside it stand other articles (pages that append the
            // next stories below the first), not parts of this one.
            var parent = current.ParentElement;
            if (parent is null || parent == root || current.LocalName == "article")
                return;
            int joined = 0, rest = 0;
            candidates.Clear();
            var currentClass = current.GetAttribute("class");
            IElement? pendingHeading = null;
            foreach (var sibling in parent.Children)
            {
                if (sibling == current)
                {
                    if (pendingHeading is not null)
                        candidates.Add(pendingHeading);
                    pendingHeading = null;
                    continue;
                }
                if (!stats.TryGetValue(sibling, out var s) || s.Text == 0 || containers.Contains(sibling))
                    continue;
                // The copyright note closes articles and pages alike, so it tells nothing about the level.
                if (IsCopyrightNotice(blocks[s.First].Text))
                    continue;
                // An article's references close it: they join with their heading, but do not decide the level.
                if (IsReferenceList(sibling))
                {
                    if (pendingHeading is not null)
                        candidates.Add(pendingHeading);
                    candidates.Add(sibling);
                    pendingHeading = null;
                    continue;
                }
                // Nor does a scrap shorter than a sentence (a "Read more" link, a label): too little to stop the climb.
                if (s.Text < MinScoringChars && s.Heading < s.Text)
                    continue;
                // In the recall retry class words do not drop boxes, but a comment or share box still is not a part;
                // nor is a box about the author or the post, or a call to action.
                var sameTemplate = IsSameTemplate(sibling, current, currentClass);
                if (BoilerplateRules.ClassReason(sibling) is not null || NotAPart(sibling)
                    || (s.Prose < MinPartProse && s.Heading < s.Text && !sameTemplate))
                {
                    rest += s.Text;
                    continue;
                }
                if (s.Heading == s.Text)
                {
                    if (pendingHeading is not null)
                        rest += stats[pendingHeading].Text;
                    pendingHeading = sibling;
                    continue;
                }
                // A further section of the body's own template (the steps of a how-to, each a heading and a short
                // paragraph) is a part, though its paragraphs are too short to count as prose.
                if (((sameTemplate && s.Links * 4 <= s.Text) || IsProsePart(s)) && !AsksToType(sibling))
                {
                    if (pendingHeading is not null)
                        candidates.Add(pendingHeading);
                    candidates.Add(sibling);
                    joined += s.Text;
                }
                else
                {
                    if (pendingHeading is not null)
                        rest += stats[pendingHeading].Text;
                    rest += s.Text;
                }
                pendingHeading = null;
            }
            if (pendingHeading is not null)
                rest += stats[pendingHeading].Text;
            if (joined + rest > 0)
            {
                if (rest > joined)
                    return;
                levels++;
                containers.UnionWith(candidates);
            }
            current = parent;
        }
    }

    // Blocks before the body's first where its standfirst is looked for (headline, byline and date come between).
    private const int LeadReach = 8;

    // Levels above the best container where the standfirst and the body meet (the article's header and its body).
    private const int LeadLevels = 6;

    /// <summary>
    /// An article's standfirst (a paragraph or subtitle whose class says lead, intro or excerpt) sits above the body
    /// in the article's header, a few levels away from the body's container: it joins when it comes a few blocks
    /// before the body's first one, under one of the container's nearest ancestors.
    /// </summary>
    private static void JoinLead(IElement top, List<TextBlock> blocks, int first, IElement root, HashSet<IElement> containers, List<TextBlock> kept)
    {
        List<IElement>? ancestors = null;
        for (var i = first - 1; i >= Math.Max(0, first - LeadReach); i--)
        {
            var block = blocks[i];
            if (block.Text.Length < MinScoringChars || block.LinkDensity >= 0.3 || LeadOf(block.Owner) is not { } lead)
                continue;
            if (ancestors is null)
            {
                ancestors = new List<IElement>(LeadLevels);
                for (var e = top.ParentElement; e is not null && e != root && ancestors.Count < LeadLevels && e.LocalName is not ("body" or "html"); e = e.ParentElement)
                    ancestors.Add(e);
            }
            if (!ancestors.Exists(a => a.Contains(lead)))
                continue;
            containers.Add(lead);
            // The blocks before the body's first come before all of the body's, in reading order.
            kept.Insert(0, block);
        }
    }

    // The element that names the block a standfirst: its owner or one of the owner's two nearest ancestors.
    private static IElement? LeadOf(IElement owner) => NearestWithin(owner, 3, BoilerplateRules.IsLead);

    // The first of an element and its ancestors, at most this many in all, that matches.
    private static IElement? NearestWithin(IElement? start, int count, Func<IElement, bool> match)
    {
        var e = start;
        for (var level = 0; level < count && e is not null; level++, e = e.ParentElement)
        {
            if (match(e))
                return e;
        }
        return null;
    }

    // Class and id fragments of boxes beside a body that hold prose but not the article's: author boxes and bios,
    // post metadata, ratings, calls to action, contact forms. Calibrated on trafilatura-eval (first 150 pages).
    private static readonly string[] NotPartWords =
        ["author", "bio", "byline", "meta", "aside", "extra", "cta", "contact", "rating", "profile", "signature", "disclaimer", "teaser", "about"];

    // A part beside the body has at least this much prose; a rating line or a one-sentence note does not count.
    private const int MinPartProse = 100;

    private static bool NotAPart(IElement element)
    {
        foreach (var value in (string?[])[element.GetAttribute("class"), element.GetAttribute("id")])
        {
            if (string.IsNullOrEmpty(value))
                continue;
            foreach (var word in NotPartWords)
            {
                if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        }
        return false;
    }

    private static bool IsSameTemplate(IElement sibling, IElement current, string? currentClass) =>
        !string.IsNullOrWhiteSpace(currentClass) && sibling.LocalName == current.LocalName
        && string.Equals(sibling.GetAttribute("class"), currentClass, StringComparison.Ordinal);

    // A box with fields to type in (a subscription offer, a contact or comment form) asks the reader for something;
    // it is not a part of the body. A buy button's form has only hidden fields.
    private static bool AsksToType(IElement element)
    {
        foreach (var field in element.QuerySelectorAll("input, textarea"))
        {
            if (field.LocalName == "textarea" || field.GetAttribute("type") is null
                || field.GetAttribute("type") is { } type && (type.Equals("text", StringComparison.OrdinalIgnoreCase) || type.Equals("email", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    // An image caption whose box a positive word keeps ("caption_news"): not running text.
    private static bool IsCaption(IElement owner) =>
        owner.Id?.Contains("caption", StringComparison.OrdinalIgnoreCase) == true
        || owner.ClassName?.Contains("caption", StringComparison.OrdinalIgnoreCase) == true;

    // An article's list of references or footnotes, after its text and before the page's furniture: long and
    // linked, it is not prose, but it closes the article, not the page.
    private static bool IsReferenceList(IElement element)
    {
        foreach (var value in (string?[])[element.GetAttribute("class"), element.GetAttribute("id")])
        {
            if (value is not null && (value.Contains("reflist", StringComparison.OrdinalIgnoreCase)
                || value.Contains("references", StringComparison.OrdinalIgnoreCase) || value.Contains("footnotes", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }

    // A reference of an article's reference list: its linked sources are what it is for.
    private static bool InReferences(IElement owner) =>
        owner.LocalName == "li" && NearestWithin(owner.ParentElement, 3, IsReferenceList) is not null;

    // The site's copyright and terms-of-use note below an article.
    private static bool IsCopyrightNotice(string firstLine) =>
        firstLine.StartsWith('©') || firstLine.StartsWith("Copyright", StringComparison.OrdinalIgnoreCase);

    // A box of teasers (each a linked headline over a standfirst) reads as prose, but its headlines lead elsewhere.
    private static bool IsProsePart(PartStats s) =>
        s.Links * 4 <= s.Text && s.Prose >= MinProseShare * (s.Text - s.Heading) && s.Prose > 0 && s.LinkedHeadings < MinTeasers;

    // Linked headlines that make a box a list of teasers.
    private const int MinTeasers = 3;

    // An item that is mostly link (a linked headline, a credit) in a list of running text with some links (release
    // notes, a bullet summary) is one of its points; in a list of links (related stories, a menu) it is not.
    // A list of links that a point introduces with a colon ("In progress:", then the bugs) is part of that point.
    private static bool InProseList(TextBlock block, Dictionary<IElement, (int Text, int Links)> totals) =>
        block.Owner.LocalName == "li" && block.Owner.ParentElement is { LocalName: "ul" or "ol" } list
        && ((totals.TryGetValue(list, out var t) && t.Links < t.Text * MaxProseListLinkDensity)
            || (list.ParentElement is { LocalName: "li" } point && IntroducesList(point)));

    private static bool IntroducesList(IElement point)
    {
        var own = new System.Text.StringBuilder();
        foreach (var node in point.ChildNodes)
        {
            if (node is IText text)
                own.Append(text.Data);
            else if (node is IElement { LocalName: "ul" or "ol" })
                break;
            else if (node is IElement element)
                own.Append(element.TextContent);
        }
        var line = own.ToString().TrimEnd();
        return line.Length > 0 && line[^1] == ':';
    }

    // A block of running text: long enough to be a sentence or more, and mostly not links.
    private static bool IsProse(TextBlock block) =>
        block.Kind is not BlockKind.Heading and not BlockKind.TableRow && block.LinkDensity < 0.3
        && (block.Text.Length >= 80 || (block.Text.Length >= MinScoringChars && EndsSentence(block.Text)));

    // Characters under an element: all, linked, prose and headings; and its first block's index.
    private readonly record struct PartStats(int Text, int Links, int Prose, int Heading, int First, int LinkedHeadings);

    private static bool Within(IElement element, HashSet<IElement> containers, IElement root)
    {
        for (IElement? e = element; e is not null; e = e.ParentElement)
        {
            if (containers.Contains(e))
                return true;
            if (e == root)
                return false;
        }
        return false;
    }

    private static double InitialScore(IElement element)
    {
        var score = element.LocalName switch
        {
            "article" => 10,
            "main" or "div" => 5,
            "pre" or "td" or "blockquote" or "section" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase))
            score += 25;
        return score + (25 * BoilerplateRules.ClassWeight(element));
    }

    // A container's score less its linked share; a box of a few lines (a sidebar "content" block with one long
    // paragraph) loses in proportion to how far it falls short of a body's length.
    private static double Adjusted(IElement element, double score, Dictionary<IElement, (int Text, int Links)> totals)
    {
        var t = totals.GetValueOrDefault(element);
        var adjusted = score * (1 - LinkDensity(totals, element));
        return t.Text < ShortBodyChars && adjusted > 0 ? adjusted * t.Text / ShortBodyChars : adjusted;
    }

    private static double LinkDensity(Dictionary<IElement, (int Text, int Links)> totals, IElement element) =>
        totals.TryGetValue(element, out var t) && t.Text > 0 ? (double)t.Links / t.Text : 0;

    // Where a block's score starts: a paragraph (and, as in Readability, a layout cell's own text) scores its
    // container; scoring the cell itself instead made cells of product tables outscore their table (cleaneval).
    private static IElement? ScoringStart(IElement owner) =>
        owner.LocalName is "td" or "th" || IsParagraphTag(owner.LocalName) ? owner.ParentElement : owner;

    private static bool IsParagraphTag(string tag) =>
        tag is "p" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre" or "tr" or "dt" or "dd";

    private static int Commas(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c is ',' or '،' or '、' or '，')
                n++;
        }
        return n;
    }

    // Share of a heading's words, by length, that the title holds, at or above which the heading repeats the title
    // (Readability's header-duplicates-title test).
    private const double MinTitleSimilarity = 0.75;

    /// <summary>Whether a heading repeats the page's title: the title holds most of its words (by their length).</summary>
    private static bool RepeatsTitle(string heading, string title)
    {
        var titleWords = new HashSet<string>(Words(title), StringComparer.Ordinal);
        int all = 0, other = 0;
        foreach (var word in Words(heading))
        {
            all += word.Length + 1;
            if (!titleWords.Contains(word))
                other += word.Length + 1;
        }
        return all == 0 || 1 - ((double)other / all) >= MinTitleSimilarity;
    }

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(WordEdges)).Where(w => w.Length > 0);

    private static readonly char[] WordEdges = ['.', ',', ':', ';', '!', '?', '"', '\'', '(', ')', '[', ']', '“', '”', '‘', '’', '«', '»', '|', '-', '–', '—'];

    private static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '"' or '”';
    }
}
