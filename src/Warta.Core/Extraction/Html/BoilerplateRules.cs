using AngleSharp.Dom;

namespace Warta.Extraction.Html;

/// <summary>
/// Decides which elements are page furniture rather than article: by tag (nav, footer, aside, script…), by
/// ARIA role, by hidden state, and by words in the class and id ("share", "related", "baca-juga", "cookie"…),
/// each with a <see cref="RemovalReasons"/> code.
/// </summary>
internal static class BoilerplateRules
{
    public const string Advertisement = "advertisement";
    public const string Sidebar = "sidebar";
    public const string Newsletter = "newsletter-prompt";
    public const string ImageCredit = "image-credit";
    public const string Hidden = "hidden";
    public const string Header = "page-header";
    public const string Footer = "page-footer";
    public const string Tags = "tags";

    private static readonly Dictionary<string, string?> Tags_ = new(StringComparer.OrdinalIgnoreCase)
    {
        ["script"] = null,
        ["style"] = null,
        ["noscript"] = null,
        ["template"] = null,
        ["svg"] = null,
        ["canvas"] = null,
        ["iframe"] = null,
        // What a browser without frames or plugins shows instead; its markup is raw text, which read as text
        // would put tags into the article.
        ["noframes"] = null,
        ["noembed"] = null,
        ["object"] = null,
        ["embed"] = null,
        ["video"] = null,
        ["audio"] = null,
        ["select"] = null,
        ["button"] = null,
        ["input"] = null,
        ["textarea"] = null,
        ["link"] = null,
        ["meta"] = null,
        ["head"] = null,
        ["map"] = null,
        ["dialog"] = null,
        // Ruby readings: the pronunciation printed over the characters, not the text itself.
        ["rt"] = null,
        ["rp"] = null,
        ["nav"] = RemovalReasons.Navigation,
        ["menu"] = RemovalReasons.Navigation,
        ["footer"] = Footer,
        ["header"] = Header,
        ["aside"] = Sidebar,
        ["figcaption"] = ImageCredit,
    };

    private static readonly Dictionary<string, string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["navigation"] = RemovalReasons.Navigation,
        ["menu"] = RemovalReasons.Navigation,
        ["menubar"] = RemovalReasons.Navigation,
        ["banner"] = Header,
        ["contentinfo"] = Footer,
        ["complementary"] = Sidebar,
        ["search"] = RemovalReasons.Navigation,
        ["dialog"] = Hidden,
        ["alert"] = Hidden,
        ["alertdialog"] = Hidden,
    };

    // Class/id words, matched against each word of the attribute (split at non-alphanumerics) as a whole word or
    // a word prefix. Calibrated on mozilla-readability-testpages and id-news-html; "ad" alone is a whole-word match.
    private static readonly (string Word, string Reason, bool Prefix)[] Words =
    [
        ("nav", RemovalReasons.Navigation, false), ("navbar", RemovalReasons.Navigation, true), ("navigation", RemovalReasons.Navigation, true),
        ("menu", RemovalReasons.Navigation, true), ("breadcrumb", RemovalReasons.Breadcrumb, true), ("breadcrumbs", RemovalReasons.Breadcrumb, true),
        ("pagination", RemovalReasons.Navigation, true), ("pager", RemovalReasons.Navigation, false), ("skiplink", RemovalReasons.Navigation, true),
        ("topbar", RemovalReasons.Navigation, false), ("masthead", Header, false),
        ("footer", Footer, true), ("copyright", Footer, true),
        ("comment", RemovalReasons.CommentForm, true), ("komentar", RemovalReasons.CommentForm, true), ("disqus", RemovalReasons.CommentForm, true),
        ("respond", RemovalReasons.CommentForm, false), ("replies", RemovalReasons.CommentForm, false),
        ("share", RemovalReasons.SharePrompt, true), ("sharing", RemovalReasons.SharePrompt, true), ("social", RemovalReasons.SharePrompt, true),
        ("sosmed", RemovalReasons.SharePrompt, true), ("addthis", RemovalReasons.SharePrompt, true), ("sharethis", RemovalReasons.SharePrompt, true),
        ("related", RemovalReasons.RelatedTeaser, true), ("recommend", RemovalReasons.RelatedTeaser, true), ("recommended", RemovalReasons.RelatedTeaser, true),
        ("bacajuga", RemovalReasons.RelatedTeaser, true), ("terkait", RemovalReasons.RelatedTeaser, true), ("populer", RemovalReasons.RelatedTeaser, true),
        ("terpopuler", RemovalReasons.RelatedTeaser, true), ("popular", RemovalReasons.RelatedTeaser, true), ("trending", RemovalReasons.RelatedTeaser, true),
        ("outbrain", RemovalReasons.RelatedTeaser, true), ("taboola", RemovalReasons.RelatedTeaser, true), ("morenews", RemovalReasons.RelatedTeaser, true),
        ("ad", Advertisement, false), ("ads", Advertisement, false), ("advert", Advertisement, true), ("advertisement", Advertisement, true),
        ("iklan", Advertisement, true), ("sponsor", Advertisement, true), ("sponsored", Advertisement, true), ("promo", Advertisement, true),
        ("banner", Advertisement, false), ("adsbygoogle", Advertisement, true), ("dfp", Advertisement, false), ("gpt", Advertisement, false),
        ("cookie", RemovalReasons.CookieNotice, true), ("cookies", RemovalReasons.CookieNotice, true), ("consent", RemovalReasons.CookieNotice, true),
        ("gdpr", RemovalReasons.CookieNotice, true),
        ("newsletter", Newsletter, true), ("subscribe", Newsletter, true), ("subscription", Newsletter, true), ("signup", Newsletter, true),
        ("paywall", Newsletter, true), ("popup", Hidden, true), ("modal", Hidden, true),
        ("sidebar", Sidebar, true), ("widget", Sidebar, true), ("rightcol", Sidebar, true), ("sidebox", Sidebar, true),
        ("caption", ImageCredit, false), ("credit", ImageCredit, true), ("credits", ImageCredit, true),
        ("tags", Tags, false), ("tag", Tags, false), ("taglist", Tags, true), ("keywords", Tags, false),
        ("hidden", Hidden, false), ("sr", Hidden, false), ("visually", Hidden, false), ("print", Hidden, false),
    ];

    // Words that mark a container as the article even when a boilerplate word is also present ("post-share-content"):
    // (word, matched as a prefix).
    private static readonly (string Word, bool Prefix)[] Positive =
    [
        ("article", true), ("artikel", true), ("content", true), ("entry", true), ("story", true), ("detail", true),
        ("hentry", false), ("prose", false), ("post", false), ("body", false), ("text", false), ("main", false),
        ("isi", false), ("berita", false), ("news", false), ("blog", false), ("read", false), ("column", false),
    ];

    // The attributes Reason reads, in this order.
    private static readonly string[] RuleAttributes = ["hidden", "aria-hidden", "style", "role", "class", "id"];

    /// <summary>Why the element is boilerplate, or null when it is not (or may hold the article).</summary>
    /// <param name="strict">False in the recall retry: only tags, roles and hidden state count, not class words
    /// (<see cref="ClassReason"/> tells the walker which elements those would drop).</param>
    public static string? Reason(IElement element, bool strict, out bool dropSilently, Dictionary<string, string?>? cache = null)
    {
        dropSilently = false;
        var tag = element.LocalName;
        if (Tags_.TryGetValue(tag, out var byTag))
        {
            // A page's text for readers without scripts (the copy a script renders from a template, or a page a
            // stray tag left inside one) is read like the rest of the page; a pixel, frame or notice is not text.
            if (tag == "noscript" && HoldsProse(element))
                return null;
            if (byTag is null)
            {
                dropSilently = true;
                return "markup";
            }
            // A header inside the article holds its title and byline, which metadata reads; text stays out either way.
            if (!strict && byTag is Header or Footer or Sidebar)
                return null;
            return byTag;
        }
        // Most elements have no attributes (p, br, td, b…): no attribute rule applies to them, nor do class words.
        var values = default(AttributeReader.Values);
        if (!AttributeReader.Read(element, RuleAttributes, ref values))
            return strict && OpensWithCloseControl(element) ? Hidden : null;
        var (hidden, ariaHidden, style, role, className, id) = (values[0] is not null, values[1], values[2], values[3], values[4], values[5]);
        if (hidden || string.Equals(ariaHidden, "true", StringComparison.OrdinalIgnoreCase) || (style is not null && IsHiddenStyle(style)))
        {
            dropSilently = true;
            return Hidden;
        }
        if (role is not null && Roles.TryGetValue(role.Trim(), out var byRole))
            return byRole;
        if (!strict)
            return null;
        var reason = ClassReason(tag, className, id, cache) ?? (OpensWithCloseControl(element) ? Hidden : null);
        // A link whose class says popup or modal opens one (a gloss on a word, a sign-in box): the link's own text
        // is the page's, often words of a sentence.
        return reason == Hidden && tag == "a" && OpensOverlay(className) ? null : reason;
    }

    // Text a noscript element must hold, in paragraphs, for it to be read: more than a notice to turn scripts on.
    private const int MinNoscriptProseChars = 500;

    /// <summary>Whether an element holds paragraphs of at least <see cref="MinNoscriptProseChars"/> characters in all.</summary>
    private static bool HoldsProse(IElement element)
    {
        var chars = 0;
        foreach (var p in element.GetElementsByTagName("p"))
        {
            chars += p.TextContent.Length;
            if (chars >= MinNoscriptProseChars)
                return true;
        }
        return false;
    }

    /// <summary>
    /// A div whose first element is a close control ("Schließen [X]", a button classed "close") is an overlay the
    /// page opens on demand (shipping terms, a sign-in panel): hidden until then, and not the article.
    /// </summary>
    private static bool OpensWithCloseControl(IElement element)
    {
        // Overlays are boxes (div); the check runs on every element the class words keep, so it stays this cheap.
        if (element.LocalName != "div" || element.FirstElementChild is not { } first)
            return false;
        return HasWord(first.GetAttribute("class"), "close") || first.HasAttribute("data-dismiss") || first.HasAttribute("data-bs-dismiss");
    }

    // Whether the class list holds the word on its own or as a part of a compound ("btn-close", "close_button").
    private static bool HasWord(string? className, string word)
    {
        if (className is null)
            return false;
        for (var i = className.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = className.IndexOf(word, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = i + word.Length;
            if ((i == 0 || !char.IsAsciiLetterOrDigit(className[i - 1])) && (end == className.Length || !char.IsAsciiLetterOrDigit(className[end])))
                return true;
        }
        return false;
    }

    // Class words of an article's standfirst: the lead paragraph or subtitle between headline and body. A teaser
    // elsewhere on a page is another story's, but the body's own comes right before it (see ContentSelector.JoinLead).
    private static readonly string[] LeadWords = ["lead", "intro", "introtext", "introduction", "standfirst", "excerpt", "abstract", "subtitle", "subheadline", "teaser"];

    /// <summary>Whether the element's class names it an article's standfirst ("article-lead", "ts-intro", "entry__subtitle").</summary>
    public static bool IsLead(IElement element)
    {
        var className = element.GetAttribute("class");
        if (string.IsNullOrEmpty(className) || className.Length > 500)
            return false;
        foreach (var word in LeadWords)
        {
            if (HasWord(className, word))
                return true;
        }
        return false;
    }

    private static bool OpensOverlay(string? className) =>
        className is not null && (className.Contains("popup", StringComparison.OrdinalIgnoreCase) || className.Contains("modal", StringComparison.OrdinalIgnoreCase));

    /// <summary>Why the element's class or id words mark it as boilerplate, or null; body, main and article never are.</summary>
    public static string? ClassReason(IElement element, Dictionary<string, string?>? cache = null) =>
        ClassReason(element.LocalName, element.GetAttribute("class"), element.GetAttribute("id"), cache);

    private static string? ClassReason(string tag, string? className, string? id, Dictionary<string, string?>? cache)
    {
        if (tag is "body" or "html" or "main" or "article")
            return null;
        string? reason;
        if (cache is null || id is not null || className is null)
        {
            reason = ByClassAndId(className, id);
        }
        else if (!cache.TryGetValue(className, out reason))
        {
            // Class strings repeat across a page; the cache is per walk, so it stays small and thread-local.
            cache[className] = reason = ByClassAndId(className, null);
        }
        // A box about the author holds a name, a photo and a bio; one paragraph so classed is a contributor's note
        // in the text (a magazine's "author-bio" under a story).
        return reason == RemovalReasons.Byline && tag == "p" ? null : reason;
    }

    internal static string? ByClassAndId(string? className, string? id)
    {
        if (string.IsNullOrEmpty(className) && string.IsNullOrEmpty(id))
            return null;
        // An author box is the author's, even inside the entry ("entry-author-info", "post-author-bio").
        if (IsAuthorBox(className) || IsAuthorBox(id))
            return RemovalReasons.Byline;
        if (EndsAWord(className, "ratings") || EndsAWord(id, "ratings"))
            return RemovalReasons.SharePrompt;
        if (StartsAWord(className, "related") || StartsAWord(id, "related"))
            return RemovalReasons.RelatedTeaser;
        string? reason = null;
        var positive = false;
        Scan(className, ref reason, ref positive);
        Scan(id, ref reason, ref positive);
        return positive ? null : reason;
    }

    // Whether a class name ends in the word after a separator ("post-ratings"): the head of the name.
    private static bool EndsAWord(string? value, string word)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 500)
            return false;
        foreach (var name in value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (name.Length > word.Length && name.EndsWith(word, StringComparison.OrdinalIgnoreCase) && name[^(word.Length + 1)] is '-' or '_')
                return true;
        }
        return false;
    }

    // Whether a class name starts with the word before a separator ("related-news", "related_post"): what the
    // box's items are to the page, whatever they are.
    private static bool StartsAWord(string? value, string word)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 500)
            return false;
        for (var i = value.IndexOf(word, StringComparison.OrdinalIgnoreCase); i >= 0; i = value.IndexOf(word, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = i + word.Length;
            if ((i == 0 || char.IsWhiteSpace(value[i - 1])) && end + 1 < value.Length && value[end] is '-' or '_' && !char.IsWhiteSpace(value[end + 1]))
                return true;
        }
        return false;
    }

    // What follows "author" in a class name that makes it a box about the author rather than a byline.
    private static readonly string[] AuthorBoxWords = ["box", "bio", "info", "desc", "about", "profile"];

    /// <summary>
    /// Whether a class name (or the id) names a box about the author: "author" followed by a word that starts with
    /// box, bio, info, desc, about or profile ("author-info", "entry-author-bio", "AuthorBox"), not a name that
    /// merely goes on ("entry-author-itsallaboutyoga", "authorname").
    /// </summary>
    private static bool IsAuthorBox(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 500)
            return false;
        for (var i = value.IndexOf("author", StringComparison.OrdinalIgnoreCase); i >= 0; i = value.IndexOf("author", i + 1, StringComparison.OrdinalIgnoreCase))
        {
            var next = i + "author".Length;
            // The next word: glued on ("AuthorBox") or after one separator ("author-info", "author_bio").
            if (next < value.Length && value[next] is '-' or '_')
                next++;
            var rest = value.AsSpan(next);
            foreach (var word in AuthorBoxWords)
            {
                if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        }
        return false;
    }

    /// <summary>+1 for an article-like class or id, -1 for a boilerplate-like one, 0 otherwise.</summary>
    public static int ClassWeight(IElement element)
    {
        string? reason = null;
        var positive = false;
        Scan(element.GetAttribute("class"), ref reason, ref positive);
        Scan(element.GetAttribute("id"), ref reason, ref positive);
        return positive ? 1 : reason is null ? 0 : -1;
    }

    private static void Scan(string? value, ref string? reason, ref bool positive)
    {
        // An id or class holding a URL ("http://…/tag/…") names a page, not a role.
        if (string.IsNullOrEmpty(value) || value.Length > 500 || value.Contains("://", StringComparison.Ordinal))
            return;
        var span = value.AsSpan();
        var start = -1;
        var tokenStart = 0;
        var previous = ReadOnlySpan<char>.Empty;
        for (var i = 0; i <= span.Length; i++)
        {
            var isWordChar = i < span.Length && char.IsAsciiLetterOrDigit(span[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var tokenEnd = i;
                while (tokenEnd < span.Length && !char.IsWhiteSpace(span[tokenEnd]))
                    tokenEnd++;
                var word = span[start..i];
                if (IsQualifier(word, span[tokenStart..tokenEnd], span[tokenStart..start], previous) || NamesALayout(span[i..tokenEnd]))
                {
                    var ignored = (string?)null;
                    Classify(word, ref ignored, ref positive);
                }
                else
                {
                    Classify(word, ref reason, ref positive);
                }
                previous = word;
                start = -1;
            }
            if (i < span.Length && char.IsWhiteSpace(span[i]))
            {
                tokenStart = i + 1;
                previous = ReadOnlySpan<char>.Empty;
            }
        }
    }

    /// <summary>
    /// Whether a word of a class name qualifies the box rather than says what it is, so that a boilerplate word
    /// there does not drop it: a BEM modifier after "--" ("l-outer--nav" is the page's outer box in the variant
    /// with navigation, "o-section--has-ads" a section with ad slots), a word after "has", "with", "no" or
    /// "without" ("has-sidebar", "no-comments"), and the state words of <see cref="IsStateModifier"/>.
    /// </summary>
    private static bool IsQualifier(ReadOnlySpan<char> word, ReadOnlySpan<char> token, ReadOnlySpan<char> before, ReadOnlySpan<char> previous) =>
        before.Contains("--", StringComparison.Ordinal)
        || previous.Equals("has", StringComparison.OrdinalIgnoreCase) || previous.Equals("with", StringComparison.OrdinalIgnoreCase)
        || previous.Equals("no", StringComparison.OrdinalIgnoreCase) || previous.Equals("without", StringComparison.OrdinalIgnoreCase)
        || IsStateModifier(word, token);

    /// <summary>
    /// Whether the rest of a class name after a word makes it a layout with that part: "c-fixed-sidebar-layout"
    /// is the page's grid with a sidebar column, holding the article too.
    /// </summary>
    private static bool NamesALayout(ReadOnlySpan<char> after) =>
        after.Length > "layout".Length && after[0] is '-' or '_' && after[1..].StartsWith("layout", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "hidden" and "print" inside a longer class name qualify something else: "hidden-xs" and "hidden-print" hide
    /// only on small screens or on paper, "field--label-hidden" hides the field's label, "overflow-hidden" clips,
    /// "rt-hidden" is a fade-in, "no-print" keeps a box off paper. Only "hidden", "is-hidden", "u-hidden",
    /// "js-hidden" and a print-only box ("print", "print-only", "visible-print") hide the element on screen.
    /// </summary>
    private static bool IsStateModifier(ReadOnlySpan<char> word, ReadOnlySpan<char> token)
    {
        if (word.Equals("hidden", StringComparison.OrdinalIgnoreCase))
        {
            return !(token.Equals("hidden", StringComparison.OrdinalIgnoreCase) || token.Equals("is-hidden", StringComparison.OrdinalIgnoreCase)
                || token.Equals("u-hidden", StringComparison.OrdinalIgnoreCase) || token.Equals("js-hidden", StringComparison.OrdinalIgnoreCase));
        }
        if (word.Equals("print", StringComparison.OrdinalIgnoreCase))
        {
            return !(token.Equals("print", StringComparison.OrdinalIgnoreCase) || token.Equals("print-only", StringComparison.OrdinalIgnoreCase)
                || token.Equals("visible-print", StringComparison.OrdinalIgnoreCase));
        }
        return false;
    }

    private static void Classify(ReadOnlySpan<char> word, ref string? reason, ref bool positive)
    {
        foreach (var (p, pPrefix) in Positive)
        {
            if (pPrefix ? word.StartsWith(p, StringComparison.OrdinalIgnoreCase) : word.Equals(p, StringComparison.OrdinalIgnoreCase))
            {
                positive = true;
                return;
            }
        }
        if (reason is not null)
            return;
        foreach (var (w, r, prefix) in Words)
        {
            if (prefix ? word.StartsWith(w, StringComparison.OrdinalIgnoreCase) : word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                reason = r;
                return;
            }
        }
    }

    private static bool IsHiddenStyle(string style)
    {
        var compact = style.Replace(" ", string.Empty, StringComparison.Ordinal);
        return compact.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || compact.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }
}
