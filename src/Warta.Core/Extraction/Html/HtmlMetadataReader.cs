using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Warta.Model;

namespace Warta.Extraction.Html;

/// <summary>
/// Reads a page's metadata with where each field came from: JSON-LD (NewsArticle and kin), OpenGraph and other
/// meta tags, microdata, <c>&lt;time&gt;</c>, byline elements, the URL, and visible datelines.
/// </summary>
internal sealed partial class HtmlMetadataReader
{
    private static readonly string[] ArticleTypes =
    [
        "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "Report",
        "SocialMediaPosting", "DiscussionForumPosting",
    ];

    private static readonly string[] PublishedMeta =
    [
        "article:published_time", "og:article:published_time", "article:published", "datepublished", "parsely-pub-date",
        "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "dc.date.issued",
        "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created", "date", "originalpublicationdate",
        "article.published", "content_publish_date", "cxenseparse:recs:publishtime", "release_date", "og:published_time",
        "twitter:data1:date", "bt:pubdate", "published-date", "published_time", "last-modified-date",
    ];

    private static readonly string[] ModifiedMeta =
    [
        "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified", "lastmod",
        "last-modified", "article.updated", "updated_time",
    ];

    private static readonly string[] AuthorMeta = ["dc:creator", "dcterms:creator", "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "twitter:creator", "content_author", "shareaholic:article_author_name"];

    private static readonly string[] SiteSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " : "];

    // Byline cues that precede names in visible text, in the languages the bundled lists cover.
    [GeneratedRegex(@"^(?:(?:post\s+)?(?:author|autor|autorin|auteur)\s*[:\-–]?\s*(?:by\s+)?|(?:by|oleh|von|vom|par|por|di|door|av|af|da|from|written by|posted by|published by|posted on .{0,30}? by|gespeichert von|rezept von|zum profil von|publié par|escrito por|scritto da|geschrieben von|veröffentlicht von|eingestellt von|erstellt von|verfasst von|beitrag von|blog beitrag von|artikel von|view all posts by|all posts by|more posts by|zeige alle beiträge von|alle beiträge von|alle artikel von|über|about|text|interview|redaktion|penulis|reporter|wartawan|pewarta|kontributor|editor|redaktur|penyunting)(?:\s*[:\-–]\s*|\s+)(?=\p{L})|(?:by|von)(?=\p{Lu}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineCue();

    // What follows a name in a byline box: link labels, share counts, a date, a role in parentheses.
    [GeneratedRegex(@"(?:\s*(?:more posts|alle artikel|alle beiträge|shares?|follow|folgen|mehr|→|»|[—–-]\s*veröffentlicht.*|\sam|\son|\(.*\)|(?:am|on|le|el|il)\s+\p{L}*\s*[0-9].*|\s[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}.*|,?\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineTail();

    // A commenter's line ("Aylin sagt", "Art Edwards says") is not a byline.
    [GeneratedRegex(@"\b(?:says|sagt|schreibt|écrit|dice)\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentVerb();

    // Captions and form labels that sit in author-like boxes.
    [GeneratedRegex(@"^(?:photo|foto|bild|image|credit|quelle|source|sumber)\b|^name\s*(?:\*|\(|$)|erforderlich|required", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAByline();

    // Words that are never a name on their own: labels and link texts of author boxes, weekdays, the accounts a CMS
    // installs ("wordpressadmin"), ad labels ("Gesponserte Inhalte" in a forum's post-author line).
    [GeneratedRegex(@"^(?:name|posted|published|(?:posted|published|written|geschrieben|veröffentlicht|verfasst) (?:by|von)|follow|mehr|more|von|by|author|autor|redaktion|staff|(?:wordpress|wp|site|web)?admin(?:istrator)?|webmaster|sponsored(?: content| post)?|gesponsert(?:e inhalte)?|anzeige|werbung|advertisement|archiv.*|alle beiträge|no author|anonymous|anonym|guest|gast|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|posted on|publiziert am|veröffentlicht|theme.*|powered.*|home|startseite|menu|menü|kontakt|contact|impressum)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    // Academic and professional letters after a name ("Grant Tinsley, PhD").
    [GeneratedRegex(@"^(?:phd|ph\.d|md|msc|mba|rd|rn|ma|ba|bsc|dr|prof|jr|sr)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Degree();

    // A line that is only a byline: a cue, then one to four names of two to four capitalised words joined by
    // commas or "and" in several languages ("Blog Beitrag von Margarita Koreneva", "Oleh Budi Santoso", "Von Roland
    // Brockmann und Sebastian Drescher"); a longer line is prose that happens to start with "by". After a cue that
    // can only introduce an author ("Geschrieben von", "Erstellt von", "Posted by") a single word is a name too
    // ("Erstellt von Fabian").
    [GeneratedRegex(@"^(?:(?i:by|oleh|von|par|por|door|text von|ein beitrag von|beitrag von|blog beitrag von|ein artikel von|artikel von|ein gastbeitrag von|gastbeitrag von|eine kolumne von|ein kommentar von|ein interview von)\s*:?\s+(?<names>" + FullName + @"(?:\s*(?:,|&|\s(?i:und|and|dan|et|y|e))\s+" + FullName + @"){0,3})|(?i:written by|posted by|published by|geschrieben von|verfasst von|erstellt von|gespeichert von|eingestellt von|veröffentlicht von|publié par|escrito por|scritto da)\s*:?\s+(?<names>" + AnyName + @"(?:\s*(?:,|&|\s(?i:und|and|et|y|e))\s+" + AnyName + @"){0,3}))\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex BylineLine();

    private const string FullName = @"\p{Lu}[\p{L}'’\-]+(?:\s+(?:\p{Lu}[\p{L}'’\-]*\.?|de|van|von|der|da|di|bin|binti)){1,3}";

    private const string AnyName = @"\p{Lu}[\p{L}'’\-]+(?:\s+(?:\p{Lu}[\p{L}'’\-]*\.?|de|van|von|der|da|di|bin|binti)){0,3}";

    [GeneratedRegex(@"(?:^|\s)(?<role>penulis|reporter|wartawan|pewarta|editor|redaktur|penyunting|laporan)\s*:\s*(?<names>[\p{L}][\p{L}.'’\- ]{1,80}?)(?=\s*(?:$|[|,/;\n]|\s{2}|\b(?:penulis|reporter|editor|redaktur|foto|sumber)\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RoleLine();

    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})[/-](?<m>0?[1-9]|1[0-2])[/-](?<d>0?[1-9]|[12][0-9]|3[01])(?:/|$|[-_])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12][0-9]|3[01])(?:/|[-_]|[0-9]{2,6}[/-_])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlCompactDate();

    [GeneratedRegex(@"/(?<d>0[1-9]|[12][0-9]|3[01])-(?<m>0[1-9]|1[0-2])-(?<y>(?:19|20)[0-9]{2})(?:/|$|[-_.])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlDayFirstDate();

    [GeneratedRegex(@"^https?://web\.archive\.org/web/[0-9]+[a-z_]*/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebArchivePrefix();

    private readonly IDocument _document;
    private readonly string? _url;
    private readonly int _maxJsonLdChars;
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _meta = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JsonElement> _ldArticles = [];
    private readonly List<JsonElement> _ldWorks = [];
    private List<(List<string> Texts, string Source)> _fallbacks = [];
    private readonly List<JsonDocument> _ldDocuments = [];
    private string? _ldPublisher;
    private string? _publishedText;
    private readonly List<string> _ldOtherDates = [];
    private readonly Dictionary<string, JsonElement> _ldById = new(StringComparer.Ordinal);
    private (DateMention Date, string Source)? _elementDate;
    private IElement[]? _elements;

    // Every element in document order, listed once: the scans below test attributes by hand, which costs a fraction
    // of one CSS selector pass per question ([class*=author], [class*=title]…).
    private IElement[] Elements => _elements ??= AllElements(_document.DocumentElement);

    // Pre-order over child node lists with an explicit stack: no selector matching, no per-element collection.
    private static IElement[] AllElements(IElement? root)
    {
        if (root is null)
            return [];
        var list = new List<IElement>(1024);
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            list.Add(element);
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                    stack.Push(child);
            }
        }
        return list.ToArray();
    }

    // Whether a space-separated attribute value holds the token, as CSS [attr~=token] matches it.
    private static bool HasToken(string? value, string token, StringComparison comparison = StringComparison.Ordinal)
    {
        if (string.IsNullOrEmpty(value))
            return false;
        foreach (var range in value.AsSpan().SplitAny(" \t\n\r\f"))
        {
            if (value.AsSpan()[range].Equals(token, comparison))
                return true;
        }
        return false;
    }

    public HtmlMetadataReader(IDocument document, string? url, int maxJsonLdChars)
    {
        _document = document;
        _url = url;
        _maxJsonLdChars = maxJsonLdChars;
    }

    public string? Title { get; private set; }

    public IReadOnlyList<string> Authors { get; private set; } = [];

    public DateTimeOffset? Published { get; private set; }

    public DatePrecision? PublishedPrecision { get; private set; }

    public DateTimeOffset? Modified { get; private set; }

    public string? SiteName { get; private set; }

    public string? CanonicalUrl { get; private set; }

    public string? Language { get; private set; }

    public string? Description { get; private set; }

    public string? Image { get; private set; }

    public string? Section { get; private set; }

    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>The page declares itself an article (JSON-LD article type or og:type article).</summary>
    public bool DeclaredArticle { get; private set; }

    public IReadOnlyDictionary<string, string> Sources => _sources;

    public void Read()
    {
        try
        {
            CollectMeta();
            CollectJsonLd();
            ReadSiteName();
            ReadTitle();
            ReadAuthors();
            // Read while the JSON-LD documents are alive; taken only if nothing else names an author.
            if (Authors.Count == 0)
                _fallbacks = DeclaredFallbacks().ToList();
            ReadDates();
            ReadRest();
        }
        finally
        {
            foreach (var d in _ldDocuments)
                d.Dispose();
        }
    }

    /// <summary>Fills in authors and the published date from the extracted text when the markup had none.</summary>
    public void ReadFromVisibleText(IReadOnlyList<string> headerLines, int leadLines)
    {
        if (Authors.Count == 0)
        {
            foreach (var line in headerLines)
            {
                var names = new List<string>();
                foreach (Match m in RoleLine().Matches(line))
                {
                    if (m.Groups["role"].Value.StartsWith("edit", StringComparison.OrdinalIgnoreCase) || m.Groups["role"].Value.StartsWith("redak", StringComparison.OrdinalIgnoreCase) || m.Groups["role"].Value.StartsWith("penyunting", StringComparison.OrdinalIgnoreCase))
                        continue;
                    AddNames(names, m.Groups["names"].Value);
                }
                if (names.Count > 0)
                {
                    SetAuthors(names, "text:byline");
                    break;
                }
            }
        }
        // A byline shown above or at the start of the article names its author better than a meta author tag,
        // which themes often fill with the site's owner or name for every page ("Erstellt von Fabian am …" under
        // meta author "Matthias Hille - Lukas Balbach"); a byline naming the same person keeps the tag's spelling.
        // Lines after the body are teasers' bylines as often as the article's, so only an empty author takes them.
        var metaAuthor = _sources.GetValueOrDefault("authors", string.Empty).StartsWith("meta:", StringComparison.Ordinal);
        if (Authors.Count == 0 || metaAuthor)
        {
            for (var i = 0; i < (Authors.Count == 0 ? headerLines.Count : Math.Min(leadLines, headerLines.Count)); i++)
            {
                var line = headerLines[i];
                if (line.Length > 120 || BylineNames(line) is not { Count: > 0 } byline)
                    continue;
                if (Authors.Count == 0 || !byline.Any(n => Authors.Any(a => SameName(a, n))))
                    SetAuthors(byline, "text:byline");
                break;
            }
        }
        // The best-stated visible date near the body: zoned before local time before a bare day.
        if (_elementDate is { } shown)
            headerLines = [shown.Date.Text, .. headerLines];
        DateMention? best = null;
        foreach (var line in headerLines)
        {
            if (line.Length > 200)
                continue;
            foreach (var found in FindDates(line))
            {
                if (best is null || found.Precision > best.Precision)
                    best = found;
            }
            if (best?.Precision == DatePrecision.Zoned)
                break;
        }
        if (best is null && Published is null)
        {
            foreach (var line in headerLines)
            {
                if (line.Length <= 200 && VisibleDates.Find(line) is { } other)
                {
                    best = other;
                    break;
                }
            }
        }
        if (best is not null)
        {
            var visible = best.Value;
            var replace = Published is null
                || (best.Precision == DatePrecision.Zoned && PublishedPrecision != DatePrecision.Zoned && Published.Value.Date == visible.Date)
                // Sites often stamp local wall-clock time with "Z": the same day and minute shown with a stated zone wins.
                || (best.Precision == DatePrecision.Zoned && Published.Value.Offset != visible.Offset && Published.Value.DateTime.Date == visible.DateTime.Date
                    && Published.Value.Hour == visible.Hour && Published.Value.Minute == visible.Minute);
            // A wall-clock time shown for the markup's UTC instant ("03/05/2022 21:44" for 00:44Z) gives the page's
            // offset: same minute, whole or half hours apart, at most 14 hours.
            if (!replace && best.Precision == DatePrecision.LocalTime && PublishedPrecision == DatePrecision.Zoned && Published!.Value.Offset == TimeSpan.Zero
                && visible.DateTime - Published.Value.UtcDateTime is var shift && shift != TimeSpan.Zero && Math.Abs(shift.TotalHours) <= 14
                && Math.Abs(shift.TotalMinutes) % 30 < 1 && Published.Value.Minute == visible.Minute)
            {
                Published = Published.Value.ToOffset(TimeSpan.FromMinutes(Math.Round(shift.TotalMinutes / 30) * 30));
                _sources["published"] = string.Concat(_sources.GetValueOrDefault("published", string.Empty), "+shown-offset");
            }
            if (replace)
            {
                // The markup's seconds survive when only its zone was wrong.
                if (Published is { } stamped && stamped.Hour == visible.Hour && stamped.Minute == visible.Minute && stamped.Date == visible.Date)
                    visible = new DateTimeOffset(stamped.DateTime, visible.Offset);
                Published = visible;
                PublishedPrecision = best.Precision;
                _publishedText = best.Text;
                _sources["published"] = "text:dateline";
            }
        }
        AnchorIndonesianLocalTime();
    }

    /// <summary>
    /// Takes as the author the person a personal site is named after, for a page that names no author: the site's
    /// name after a title or form of address ("Dr. Alexander Klier", "Frau Sabienes sagt") when the words of the
    /// name spell a whole label of the page's host (alexander-klier.net, frau-sabienes.de). A site name alone is
    /// not enough: on trafilatura-eval's 990 pages most site names their host spells are outlets and brands
    /// ("Statistics Globe", "Jura Forum", "Le Grand Continent"), and so are Twitter creator handles that spell it
    /// ("@DieTagespresse", a pen name for "Karoline Herr"); nothing here tells them from a person without the title.
    /// </summary>
    public bool TakeSiteOwner()
    {
        if (SiteOwner() is not { } owner)
            return false;
        SetAuthors([owner], "site:owner");
        return true;
    }

    /// <summary>
    /// For a page that names no person as its author: what the markup declares in weaker places, read last. The
    /// "Written by" pair of Twitter labels (Yoast), the author of a recipe, how-to or review node, an organisation
    /// given as the JSON-LD author (a news agency), and an editorial team ("Redaktion", "PETA-Team") named in any
    /// declared field. The outlet's own name stays out, as everywhere.
    /// </summary>
    public bool TakeDeclaredFallback()
    {
        foreach (var (texts, source) in _fallbacks)
        {
            var names = new List<string>();
            foreach (var text in texts)
                AddNames(names, text, declared: true, teams: true);
            if (names.Count > 0)
            {
                SetAuthors(names, source);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// For a page that still names no author: the first short element anywhere outside comments, teasers, sidebars
    /// and navigation whose text is a byline cue and a name ("von Andreas Kürten", "Autor: Peter Maahn", "Gespeichert
    /// von rasos am 24. Juli 2017"), where the body's own lines hold none (an author box after the body, a
    /// byline in a header the body's selection left out). The cue declares the name, so a user name counts.
    /// </summary>
    public bool TakeShownByline()
    {
        var seen = 0;
        foreach (var element in Elements)
        {
            if (!StartsWithCueWord(element) || element.LocalName is "script" or "style" or "title" or "a" || element.ChildElementCount > 6)
                continue;
            var text = ShortText(element, 90);
            if (text.Length is < 5 or > 90 || ShownBylineCue().Match(text) is not { Success: true } cue)
                continue;
            if (++seen > 40)
                break;
            if (InComments(element) || InBoilerplate(element))
                continue;
            var names = new List<string>();
            AddNames(names, ShownCredit().Replace(text[cue.Length..], string.Empty), declared: true);
            if (names.Count > 0 && names.All(ShownName))
            {
                SetAuthors(names, "html:shown-byline");
                return true;
            }
        }
        return false;
    }

    // Whether the element's own first text starts with a cue's first word: most elements are passed over without
    // reading their text.
    private static bool StartsWithCueWord(IElement element, int depth = 0)
    {
        foreach (var node in element.ChildNodes)
        {
            if (node is IText t)
            {
                var data = t.Data.AsSpan().TrimStart();
                if (data.IsEmpty)
                    continue;
                return data.Length > 2 && CueInitials.Contains(data[0]) && ShownBylineStart().IsMatch(data);
            }
            if (node is IElement child)
                return depth < 3 && StartsWithCueWord(child, depth + 1);
            // A comment before the text ("<!-- … -->von <a>lupa</a>") is passed over.
        }
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> CueInitials = System.Buffers.SearchValues.Create("vbpdoatgewsVBPDOATGEWS");

    [GeneratedRegex(@"^\s*(?:von|by|par|por|door|oleh|autor\w*|author\w*|auteur\w*|text|texte|gespeichert|geschrieben|verfasst|erstellt|eingestellt|posted|written|escrito|scritto)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShownBylineStart();

    // A name shown after a cue: one user name ("rasos", "Marianne1"), or capitalised words and name particles
    // ("Jose de la Cruz"); "von Atemschutzmaske über Exit-Strategie bis Zoonose" is a sentence.
    private static bool ShownName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1 || words.All(w => char.IsUpper(w[0]) || NameParticles.Contains(w));
    }

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "de", "da", "di", "del", "della", "la", "le", "du", "van", "von", "der", "den", "ter", "zu", "dos", "das", "bin", "binti", "al", "el",
    };

    // The credit for pictures that follows a writer's name in one line ("Text von A   Illustration von B").
    [GeneratedRegex(@"\s+(?:illustrations?|illustrationen|fotos?|photos?|bilder?|grafiken?|kamera|mitarbeit)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShownCredit();

    // A cue that can only introduce the author, then the name: "von", "by", "par" only as the element's first word.
    [GeneratedRegex(@"^(?:von|by|par|por|door|oleh|autor(?:in|en)?|author|auteur(?:\(s\))?|text von|texte? par|gespeichert von|geschrieben von|verfasst von|erstellt von|eingestellt von|posted by|written by|escrito por|scritto da)\s*:?\s+(?=\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShownBylineCue();

    private IEnumerable<(List<string> Texts, string Source)> DeclaredFallbacks()
    {
        for (var i = 1; i <= 4; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            if (Meta(string.Concat("twitter:label", n), out _) is { } label && AuthorLabel().IsMatch(label) && Meta(string.Concat("twitter:data", n), out var source) is { } data)
                yield return ([data], source);
        }
        foreach (var work in _ldArticles.Concat(_ldWorks))
        {
            if (!work.TryGetProperty("author", out var author) && !work.TryGetProperty("creator", out author))
                continue;
            var texts = new List<string>();
            foreach (var listed in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().Take(20).ToList() : [author])
            {
                if (StringOf(Resolve(listed)) is { } name)
                    texts.Add(name);
            }
            yield return (texts, "json-ld:author");
        }
        foreach (var key in AuthorMeta)
        {
            if (_meta.TryGetValue(key, out var values))
                yield return (values, string.Concat("meta:", key));
        }
    }

    // The label Yoast and kin give the author in Twitter's label/data pairs.
    [GeneratedRegex(@"^(?:written by|verfasst von|geschrieben von|escrito por|écrit par|scritto da|author|autor|auteur)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLabel();

    private string? SiteOwner()
    {
        var labels = HostLabels().Where(l => l.Length >= 6).ToHashSet(StringComparer.Ordinal);
        if (labels.Count == 0)
            return null;
        if (SiteName?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } site && AddressForm().IsMatch(site[0]))
        {
            // The name with the title ("Frau Sabienes") or after it ("Alexander Klier"), as the host spells it.
            foreach (var start in (int[])[0, 1])
            {
                for (var count = 2; count <= 4 && start + count <= site.Length; count++)
                {
                    var name = string.Join(' ', site, start, count);
                    if (labels.Contains(Normalize(name)) && LooksLikeName(site.AsSpan(start, count)) && PlainName(name))
                        return name;
                }
            }
        }
        return null;
    }

    // Not a label and no organisation's word ("Kompas Cyber Media"); the host is the person's here, so it is no test.
    private static bool PlainName(string name) =>
        !NotAName().IsMatch(name) && !name.Split(' ').Any(w => OrganisationWords.Contains(w.Trim('.', ',')));

    // Capitalised words of letters (a hyphen or apostrophe inside): "Alexander", "Müller-Lüdenscheidt".
    private static bool LooksLikeName(ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (word.Length < 2 || !char.IsUpper(word[0]) || !word.Skip(1).All(c => char.IsLower(c) || c is '-' or '\'' or '’'))
                return false;
        }
        return true;
    }

    // The labels of the page's host before its top-level domain, letters and digits only, the archive's host skipped.
    private List<string> HostLabels()
    {
        var url = _url ?? CanonicalUrl;
        if (url is null)
            return [];
        var archived = WebArchivePrefix().Match(url);
        if (HostOf(archived.Success ? url[archived.Length..] : url) is not { } host)
            return [];
        var labels = host.Split('.');
        return labels.Take(labels.Length - 1).Where(l => l != "www").Select(Normalize).Where(l => l.Length > 0).ToList();
    }

    // An academic title or a form of address before a name.
    [GeneratedRegex(@"^(?:dr|prof|mag|dipl|frau|herr|mr|mrs|ms|madame|monsieur|señora?)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AddressForm();

    // The names of a line that is only a byline, after its trailing date and link labels are cut.
    private List<string>? BylineNames(string line)
    {
        // Soft hyphens break long names for narrow columns ("Mat\u00ADthi\u00ADas").
        line = line.Replace("\u00AD", string.Empty, StringComparison.Ordinal);
        var m = BylineLine().Match(line);
        if (!m.Success)
        {
            var cut = BylineTail().Replace(line, string.Empty).TrimEnd(' ', '|', ',', '-', '–', '·');
            if (cut.Length == line.Length || (m = BylineLine().Match(cut)) is not { Success: true })
                return null;
        }
        var names = new List<string>();
        foreach (var name in Regex.Split(m.Groups["names"].Value, @"\s*(?:,|&|\s(?:und|and|dan|et|y|e)\s)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            var trimmed = name.Trim();
            // "Posted by Rudy Galfi, Product Manager": a job title or an organisation ends the names.
            if (names.Count > 0 && trimmed.Split(' ').Any(w => RoleWords.Contains(w) || OrganisationWords.Contains(w)))
                break;
            if (!IsPersonName(trimmed))
                return null;
            names.Add(trimmed);
        }
        return names;
    }

    // Two spellings of one name: one holds the other's letters ("Jason Paur", "Jason PaurEmail Author"), or is one
    // of its words ("Nils", "Nils Pickert").
    private static bool SameName(string a, string b)
    {
        string ka = Normalize(a), kb = Normalize(b);
        if (ka.Length > 0 && kb.Length > 0 && (ka.Contains(kb, StringComparison.Ordinal) || kb.Contains(ka, StringComparison.Ordinal)))
            return true;
        var wa = a.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wb = b.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (wa.Length == 1 && wb.Any(w => Normalize(w) == ka)) || (wb.Length == 1 && wa.Any(w => Normalize(w) == kb));
    }

    // Indonesian day and month names that English does not share.
    private static readonly string[] IndonesianDateWords =
    [
        "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "januari", "februari", "pebruari",
        "maret", "mei", "juni", "juli", "agustus", "oktober", "desember", "wib",
    ];

    /// <summary>
    /// A wall-clock time written in Indonesian ("Kamis, 05 November 2015 11:52") on a page that states no zone is
    /// Western Indonesian Time (+07:00), the zone national outlets publish in; calibrated on id-news-html, where
    /// every such dateline is WIB.
    /// </summary>
    private void AnchorIndonesianLocalTime()
    {
        if (Published is not { } local || PublishedPrecision != DatePrecision.LocalTime || local.Offset != TimeSpan.Zero || _publishedText is null)
            return;
        var words = Regex.Split(_publishedText.ToLowerInvariant(), @"[^\p{L}']+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (Language != "id" && !words.Any(w => IndonesianDateWords.Contains(w, StringComparer.Ordinal)))
            return;
        Published = new DateTimeOffset(local.DateTime, TimeSpan.FromHours(7));
        _sources["published"] = string.Concat(_sources.GetValueOrDefault("published", "text:dateline"), "+wib");
    }

    private void CollectMeta()
    {
        foreach (var meta in Elements)
        {
            if (meta.LocalName != "meta")
                continue;
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? meta.GetAttribute("http-equiv");
            var content = meta.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content))
                continue;
            // RDFa lets one property attribute name several properties ("dc:creator twitter:site_name").
            var cleaned = Clean(content);
            foreach (var range in key.AsSpan().SplitAny(" \t\n\r\f"))
            {
                var name = key[range];
                if (name.Length == 0)
                    continue;
                if (!_meta.TryGetValue(name, out var list))
                    _meta[name] = list = [];
                if (list.Count < 20)
                    list.Add(cleaned);
            }
        }
    }

    private string? Meta(string key, out string source)
    {
        source = string.Concat("meta:", key);
        return _meta.TryGetValue(key, out var list) && list.Count > 0 ? list[0] : null;
    }

    private void CollectJsonLd()
    {
        foreach (var script in Elements)
        {
            if (script.LocalName != "script" || !string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                continue;
            var text = script.TextContent;
            if (text.Length == 0 || text.Length > _maxJsonLdChars)
                continue;
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(text.Trim().TrimEnd(';'), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            }
            catch (JsonException)
            {
                continue;
            }
            _ldDocuments.Add(doc);
            Visit(doc.RootElement, 0);
        }
    }

    private void Visit(JsonElement element, int depth)
    {
        if (depth > 8)
            return;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                Visit(item, depth + 1);
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
            return;
        if (element.TryGetProperty("@graph", out var graph))
            Visit(graph, depth + 1);
        var types = TypesOf(element);
        if (types.Any(t => ArticleTypes.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            _ldArticles.Add(element);
            DeclaredArticle = true;
        }
        else if (element.TryGetProperty("datePublished", out var otherDate) && otherDate.ValueKind == JsonValueKind.String)
        {
            _ldOtherDates.Add(otherDate.GetString()!);
        }
        // Works that are not articles but name an author: read only when nothing else names one.
        if (_ldWorks.Count < 20 && types.Any(t => t is "Recipe" or "HowTo" or "Review" or "CreativeWork"))
            _ldWorks.Add(element);
        if (element.TryGetProperty("@id", out var nodeId) && nodeId.ValueKind == JsonValueKind.String && _ldById.Count < 200)
            _ldById.TryAdd(nodeId.GetString()!, element);
        if (_ldPublisher is null && types.Any(t => t is "Organization" or "NewsMediaOrganization" or "WebSite") && element.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String && types.Contains("WebSite", StringComparer.Ordinal))
            _ldPublisher = Clean(n.GetString()!);
        if (element.TryGetProperty("mainEntity", out var main))
            Visit(main, depth + 1);
    }

    private static List<string> TypesOf(JsonElement element)
    {
        var types = new List<string>();
        if (!element.TryGetProperty("@type", out var type))
            return types;
        if (type.ValueKind == JsonValueKind.String)
            types.Add(type.GetString()!);
        else if (type.ValueKind == JsonValueKind.Array)
            types.AddRange(type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!));
        return types;
    }

    private string? Ld(string property, out string source)
    {
        source = string.Concat("json-ld:", property);
        foreach (var article in _ldArticles)
        {
            if (article.TryGetProperty(property, out var value))
            {
                var s = StringOf(value);
                if (!string.IsNullOrWhiteSpace(s))
                    return Clean(s);
            }
        }
        return null;
    }

    private static string? StringOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Array => value.EnumerateArray().Select(StringOf).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)),
        JsonValueKind.Object => value.TryGetProperty("name", out var n) ? StringOf(n) : value.TryGetProperty("url", out var u) ? StringOf(u) : value.TryGetProperty("@id", out var id) ? StringOf(id) : null,
        _ => null,
    };

    private void ReadSiteName()
    {
        foreach (var (value, source) in Candidates(("og:site_name", true), ("application-name", true), ("publisher", false), ("twitter:site", true)))
        {
            var v = value.TrimStart('@');
            if (v.Length is > 0 and < 80 && !v.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                SetSource("siteName", source);
                SiteName = v;
                return;
            }
        }
        if (_ldPublisher is not null)
        {
            SiteName = _ldPublisher;
            SetSource("siteName", "json-ld:WebSite.name");
        }
    }

    private IEnumerable<(string Value, string Source)> Candidates(params (string Key, bool IsMeta)[] keys)
    {
        foreach (var (key, isMeta) in keys)
        {
            string? value;
            string source;
            if (isMeta)
            {
                value = Meta(key, out source);
            }
            else
            {
                value = key == "publisher" ? LdPublisher(out source) : Ld(key, out source);
            }
            if (!string.IsNullOrWhiteSpace(value))
                yield return (value, source);
        }
    }

    private string? LdPublisher(out string source)
    {
        source = "json-ld:publisher";
        foreach (var article in _ldArticles)
        {
            if (article.TryGetProperty("publisher", out var p) && StringOf(p) is { Length: > 0 } name && !name.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                return Clean(name);
        }
        return null;
    }

    private void ReadTitle()
    {
        var h1s = Elements.Where(e => e.LocalName == "h1").Take(5).Select(h => Clean(h.TextContent)).Where(t => t.Length is > 3 and < 300).ToList();
        var candidates = Candidates(("og:title", true), ("headline", false), ("twitter:title", true), ("dc.title", true)).ToList();
        var docTitle = Clean(_document.Title ?? string.Empty);
        if (docTitle.Length > 0)
            candidates.Add((docTitle, "html:title"));
        if (candidates.Count == 0 && h1s.Count > 0)
        {
            Title = h1s[0];
            SetSource("title", "html:h1");
            return;
        }
        if (candidates.Count == 0)
            return;

        // An h1 that is the start of (or equal to) a declared title is the title without the site's suffix.
        foreach (var (value, source) in candidates)
        {
            foreach (var h1 in h1s)
            {
                // A one- or two-word h1 ("Regional") is a section name, not the headline.
                if ((WordCount(h1) >= 3 || h1.Length * 2 >= value.Length) && (value.StartsWith(h1, StringComparison.OrdinalIgnoreCase) || value.EndsWith(h1, StringComparison.OrdinalIgnoreCase)))
                {
                    Title = value.Length == h1.Length ? value : h1;
                    SetSource("title", value.Length == h1.Length ? source : "html:h1");
                    return;
                }
            }
        }
        var (best, bestSource) = candidates[0];
        Title = StripSiteSuffix(best);
        SetSource("title", bestSource);
        if (KickedHeadline(Title) is { } kicked)
        {
            Title = kicked;
            SetSource("title", "html:headline");
        }
    }

    /// <summary>
    /// The visible headline when it is the declared title behind a short kicker ("In Picture: KPK Periksa …"
    /// shown, "KPK Periksa …" declared): the reader sees the kicker as part of the title.
    /// </summary>
    private string? KickedHeadline(string title)
    {
        if (title.Length < 10)
            return null;
        foreach (var element in Elements.Where(e => e.LocalName is "h1" or "h2" || ClassHas(e, TitleClassWords)).Take(200))
        {
            // The kicker is part of the same text; one in its own element ("<span class=kicker>") is styled apart.
            if (element.ChildElementCount > 0)
                continue;
            var text = Clean(element.TextContent);
            if (text.Length <= title.Length || text.Length > title.Length + 30 || !text.EndsWith(title, StringComparison.Ordinal))
                continue;
            var kicker = text[..^title.Length].TrimEnd();
            if (kicker.Length >= 3 && kicker.EndsWith(':') && WordCount(kicker) <= 4)
                return text;
        }
        return null;
    }

    internal string StripSiteSuffix(string title)
    {
        foreach (var separator in SiteSeparators)
        {
            var parts = title.Split(separator);
            if (parts.Length < 2)
                continue;
            var first = parts[0].Trim();
            var last = parts[^1].Trim();
            var site = SiteName;
            if (site is not null && IsSiteLike(last, site))
                return string.Join(separator, parts[..^1]).Trim();
            if (site is not null && IsSiteLike(first, site))
                return string.Join(separator, parts[1..]).Trim();
            if (HostMatches(last))
                return string.Join(separator, parts[..^1]).Trim();
            if (HostMatches(first))
                return string.Join(separator, parts[1..]).Trim();
            // A short last part after a long headline is the site's name (" - Kompas.com", " | Reuters").
            var head = string.Join(separator, parts[..^1]).Trim();
            if (WordCount(last) <= 3 && WordCount(head) >= 4 && separator is not " : ")
                return head;
        }
        return title;
    }

    private static bool IsSiteLike(string part, string site) =>
        Normalize(part) is { Length: > 0 } p && Normalize(site) is { Length: > 0 } s && (p == s || p.Contains(s, StringComparison.Ordinal) || s.Contains(p, StringComparison.Ordinal));

    private bool HostMatches(string part)
    {
        var host = HostOf(_url);
        if (host is null)
            return false;
        var p = Normalize(part);
        if (p.Length < 3)
            return false;
        var h = Normalize(host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host);
        return h.Contains(p, StringComparison.Ordinal) || p.Contains(h, StringComparison.Ordinal);
    }

    private static string Normalize(string s)
    {
        var chars = s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        return new string(chars);
    }

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private void ReadAuthors()
    {
        foreach (var article in _ldArticles)
        {
            if (!article.TryGetProperty("author", out var author) && !article.TryGetProperty("creator", out author))
                continue;
            var names = new List<string>();
            foreach (var listed in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().Take(20).ToList() : [author])
            {
                var item = Resolve(listed);
                if (item.ValueKind == JsonValueKind.Object && TypesOf(item).Any(t => t is "Organization" or "NewsMediaOrganization"))
                    continue;
                if (StringOf(item) is { } name)
                    AddNames(names, name, declared: true);
            }
            if (names.Count > 0)
            {
                SetAuthors(names, "json-ld:author");
                return;
            }
        }
        foreach (var key in AuthorMeta)
        {
            if (!_meta.TryGetValue(key, out var values))
                continue;
            var names = new List<string>();
            foreach (var v in values)
                AddNames(names, v, declared: true);
            if (names.Count > 0)
            {
                SetAuthors(names, string.Concat("meta:", key));
                return;
            }
        }
        // Each group tests attributes by hand in document order, as the CSS selectors in its comment would.
        var groups = new (Func<IElement, bool> Matches, string Source, bool Declared)[]
        {
            // [itemprop~=author] [itemprop~=name], [itemprop~=author]
            (MicrodataAuthor, "microdata:author", true),
            // a[rel~=author], [class~=author-name], [class~=fn]
            (e => (e.LocalName == "a" && HasToken(e.GetAttribute("rel"), "author", StringComparison.OrdinalIgnoreCase))
                || HasToken(e.GetAttribute("class"), "author-name") || HasToken(e.GetAttribute("class"), "fn"), "rel:author", true),
            // [class*=byline], [class*=author], [class*=penulis]…, [id*=byline], [id*=author]
            (e => ClassHas(e, BylineClassWords) || IdHas(e, BylineIdWords), "html:byline", false),
        };
        foreach (var (matches, source, declared) in groups)
        {
            var names = new List<string>();
            foreach (var element in Elements.Where(matches).Take(30))
            {
                if (InComments(element))
                    continue;
                var text = SpacedText(element, 160);
                if (text.Length is 0 or > 120)
                    continue;
                AddNames(names, text, declared);
                if (names.Count > 0)
                    break;
            }
            if (names.Count > 0)
            {
                SetAuthors(names, source);
                return;
            }
        }
    }

    private static bool MicrodataAuthor(IElement element)
    {
        var itemprop = element.GetAttribute("itemprop");
        if (string.IsNullOrEmpty(itemprop))
            return false;
        if (HasToken(itemprop, "author"))
            return true;
        if (!HasToken(itemprop, "name"))
            return false;
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (HasToken(e.GetAttribute("itemprop"), "author"))
                return true;
        }
        return false;
    }

    // A JSON-LD reference ({"@id": "…#/schema/person/…"}) stands for the node with that id elsewhere in the graph.
    private JsonElement Resolve(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && !item.TryGetProperty("name", out _) && item.TryGetProperty("@id", out var id)
            && id.ValueKind == JsonValueKind.String && _ldById.TryGetValue(id.GetString()!, out var node) ? node : item;

    // Inside a comment thread or comment form, whose authors are readers, not the article's.
    private static bool InComments(IElement element)
    {
        var depth = 0;
        for (var e = element; e is not null && depth < 15; e = e.ParentElement, depth++)
        {
            if (e.LocalName is "body" or "form" && e != element)
                return e.LocalName == "form";
            if (BoilerplateRules.ByClassAndId(e.GetAttribute("class"), e.GetAttribute("id")) is RemovalReasons.CommentForm or RemovalReasons.RelatedTeaser)
                return true;
        }
        return false;
    }

    // An element's text with a space between child elements ("Veröffentlicht von" + "Chris Jung"), cut at maxChars.
    private static string SpacedText(IElement element, int maxChars)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        while (stack.Count > 0 && sb.Length <= maxChars)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                sb.Append(t.Data);
                continue;
            }
            if (node is IElement e && e.LocalName is "script" or "style" or "noscript" or "time" or "button" or "svg")
                continue;
            sb.Append(' ');
            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                stack.Push(node.ChildNodes[i]);
        }
        return Clean(sb.ToString());
    }

    private void SetAuthors(List<string> names, string source)
    {
        Authors = names.Distinct(StringComparer.OrdinalIgnoreCase).Take(10).ToList();
        SetSource("authors", source);
    }

    /// <summary>
    /// Splits a byline into person names, dropping cues ("By", "Von", "Zeige alle Beiträge von"), trailing dates
    /// and link labels, the outlet, URLs, handles and menu words. <paramref name="declared"/>: the markup says
    /// this is the author (JSON-LD, meta, rel=author), so a lower-case user name counts.
    /// </summary>
    internal void AddNames(List<string> names, string text, bool declared = false, bool teams = false)
    {
        text = Clean(text);
        if (text.Length == 0 || text.Length > 200)
            return;
        if (CommentVerb().IsMatch(text) || NotAByline().IsMatch(text) || text.Contains("://", StringComparison.Ordinal) || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            return;
        // A team's name is kept whole: its "Redaktion" is no byline cue ("Redaktion Gelbe Liste Pharmindex").
        if (teams && IsEditorialTeam(text) && text.IndexOfAny([',', ';', '/', '|', '&']) < 0)
        {
            names.Add(text);
            return;
        }
        text = BylineCue().Replace(text, string.Empty);
        text = BylineTail().Replace(text, string.Empty);
        var first = names.Count;
        foreach (var raw in Regex.Split(text, @"\s*(?:,|;|&|\||/|\band\b|\bdan\b|\bund\b|\bet\b|\by\b|\bwith\b|\s[-–]\s)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            var name = BylineCue().Replace(raw.Trim(' ', '.', '-', '–', ':', '(', ')', '"', '*', '→', '»'), string.Empty).Trim();
            name = BylineTail().Replace(name, string.Empty).Trim(' ', '.', ':', '*');
            if (Degree().IsMatch(name))
                continue;
            // "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech…": after a name, a job title or an
            // organisation ends the names.
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (names.Count > first && words.Any(w => RoleWords.Contains(w) || OrganisationWords.Contains(w)))
                break;
            name = WithoutTrailingRole(name, words);
            if (IsPersonName(name, declared) || (declared && IsUserName(name)) || (teams && IsEditorialTeam(name)))
                names.Add(name);
        }
    }

    /// <summary>
    /// A name without the job title a byline writes after it ("Ben Silverman Games Editor", "Jane Roe Reporter"):
    /// a last word that is a role, with the one qualifier before it, goes when two words are left.
    /// </summary>
    private static string WithoutTrailingRole(string name, string[] words)
    {
        if (words.Length < 3 || !RoleWords.Contains(words[^1]))
            return name;
        var keep = words.Length - 1;
        if (keep > 2 && RoleQualifiers.Contains(words[keep - 1]))
            keep--;
        return LooksLikeName(words.AsSpan(0, keep)) ? string.Join(' ', words, 0, keep) : name;
    }

    // Words that qualify a job title ("Games Editor", "Senior Correspondent").
    private static readonly HashSet<string> RoleQualifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "senior", "chief", "deputy", "managing", "executive", "contributing", "associate", "assistant", "staff", "news",
        "sports", "games", "business", "science", "tech", "technology", "political", "foreign", "health", "culture",
        "politics", "travel", "food", "music", "film", "arts", "fashion", "digital", "social", "video", "photo",
    };

    private bool IsPersonName(string name, bool declared = false)
    {
        if (name.Length is < 3 or > 60 || name.Contains("://", StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal) || name.Contains('.', StringComparison.Ordinal) && !name.Contains(' ', StringComparison.Ordinal))
            return false;
        if (name.Any(char.IsDigit))
            return false;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6)
            return false;
        if (!char.IsUpper(words[0][0]) && !words.Any(w => char.IsUpper(w[0])))
            return false;
        if (NotAName().IsMatch(name))
            return false;
        if (SiteName is not null && IsSiteLike(name, SiteName) && !(declared && words.Length is >= 2 and <= 4 && NamesPersonalSite(name, fullName: true)))
            return false;
        // A person's own site is named after them (wolfgangschmale.eu): a declared full name the host spells is theirs.
        if (HostMatches(name) && !(declared && words.Length is >= 2 and <= 4 && LooksLikeName(words) && PlainName(name) && !Determiners.Contains(words[0])))
            return false;
        return true;
    }

    // An editorial team named as the author ("Redaktion", "auto-motor.at Redaktion", "PETA-Team", "Editorial Staff"):
    // not a person, but what the page itself declares, and not the outlet's bare name.
    [GeneratedRegex(@"(?:^|[\s\-])(?:redaktion|rédaction|redaction|redacción|redazione|redactie|redaksi|editorial|editors|staff|team|newsroom)(?:$|\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EditorialTeam();

    private static bool IsEditorialTeam(string name) => name.Length <= 60 && EditorialTeam().IsMatch(name);


    // A user name the markup declares as the author ("gnaddrig", "r23"): one token, letters first.
    private bool IsUserName(string name) =>
        name.Length is >= 2 and <= 30 && char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-')
        && !NotAName().IsMatch(name) && !(SiteName is not null && IsSiteLike(name, SiteName) && !(name.All(char.IsLower) && NamesPersonalSite(name, fullName: false)));

    /// <summary>
    /// A personal site's name holds its author's name ("Daniel Lemire's blog", "Dr. Alexander Klier", "gnaddrig ad
    /// libitum", "Pamela Anderson"): a name the markup declares as the author is kept when the site name contains it,
    /// or is it for a full name with no organisation word ("Kompas Cyber Media" is the outlet). On trafilatura-eval's
    /// first 150 pages this is four of the ten authors missed.
    /// </summary>
    private bool NamesPersonalSite(string name, bool fullName)
    {
        var site = Normalize(SiteName ?? string.Empty);
        var person = Normalize(name);
        if (person.Length < 4 || !site.Contains(person, StringComparison.Ordinal))
            return false;
        if (site.Length > person.Length)
            return true;
        // A site named like a person but led by an article or a form of address is a title ("Madame Figaro").
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fullName && !words.Any(w => OrganisationWords.Contains(w.Trim('.', ','))) && !Determiners.Contains(words[0]) && !AddressForm().IsMatch(words[0]);
    }

    // Articles that start an outlet's name ("El Colombiano", "Die Tagespresse"), never a person's.
    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "der", "die", "das", "el", "la", "le", "les", "los", "las", "il", "lo", "de", "het", "o", "a", "os", "as",
    };

    // Job titles that follow a name in a byline ("Posted by Rudy Galfi, Product Manager").
    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "manager", "engineer", "correspondent", "critic", "editor", "reporter", "writer", "director", "officer",
        "president", "founder", "analyst", "intern", "lead", "head", "chief", "professor", "specialist", "scientist",
        "developer", "designer", "product", "software", "columnist", "contributor", "producer", "redakteur",
        "redakteurin", "korrespondent", "korrespondentin", "chefredakteur", "autor", "autorin", "author",
    };

    // Words that make a name an organisation's (an outlet, a club, a team) rather than a person's.
    private static readonly HashSet<string> OrganisationWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "media", "news", "online", "group", "foundation", "stiftung", "tv", "radio", "press", "presse", "verlag", "zeitung",
        "magazin", "magazine", "blog", "redaktion", "team", "inc", "ltd", "llc", "gmbh", "ag", "ev", "club", "verein",
        "agency", "berita", "daily", "times", "journal", "network", "channel", "portal", "official", "staff", "partei",
    };

    private void ReadDates()
    {
        var found = false;
        foreach (var (value, source) in Candidates(("datePublished", false)).Concat(PublishedMeta.Select(k => (k, true)).SelectMany(k => Candidates(k))).Concat(Candidates(("dateCreated", false))))
        {
            if (TryParseDate(value, out var date, out var precision))
            {
                Published = date;
                PublishedPrecision = precision;
                SetSource("published", source);
                found = true;
                break;
            }
        }
        if (!found)
        {
            // A WebPage node's datePublished (Yoast and kin) when no article node gave one.
            foreach (var value in _ldOtherDates)
            {
                if (TryParseDate(Clean(value), out var date, out var precision))
                {
                    Published = date;
                    PublishedPrecision = precision;
                    SetSource("published", "json-ld:WebPage.datePublished");
                    found = true;
                    break;
                }
            }
        }
        if (!found)
        {
            // time[datetime], [itemprop=datePublished], [itemprop=dateCreated], [property=schema:dateCreated],
            // [property=schema:datePublished]
            foreach (var time in Elements.Where(e => (e.LocalName == "time" && e.HasAttribute("datetime"))
                || e.GetAttribute("itemprop") is "datePublished" or "dateCreated" || e.GetAttribute("property") is "schema:dateCreated" or "schema:datePublished").Take(20))
            {
                var value = time.GetAttribute("datetime") ?? time.GetAttribute("content") ?? time.TextContent;
                if (TryParseDate(Clean(value), out var date, out var precision))
                {
                    Published = date;
                    PublishedPrecision = precision;
                    SetSource("published", time.LocalName == "time" ? "html:time" : "microdata:datePublished");
                    found = true;
                    break;
                }
            }
        }
        if (found && PublishedPrecision == DatePrecision.Zoned && Published!.Value.Offset == TimeSpan.Zero && PageOffset(Published.Value) is { } offset)
        {
            Published = Published.Value.ToOffset(offset);
            SetSource("published", string.Concat(_sources["published"], "+page-offset"));
        }
        // A full date in the URL is the day the outlet filed the page under; metadata stamped in another zone
        // (UTC for a US evening) or a later republication date loses to it. On trafilatura-eval's 114 pages with a
        // full URL date and a gold date, the URL's day is the gold day on 106.
        var pageUrl = _url ?? CanonicalLink();
        if (pageUrl is not null && UrlDateOf(pageUrl) is { } urlDate && (!found || Published!.Value.Date != urlDate.Date))
        {
            Published = urlDate;
            PublishedPrecision = DatePrecision.Day;
            SetSource("published", "url");
            found = true;
        }
        _elementDate = DateElements();
        if (!found && _elementDate is { } visible)
        {
            Published = visible.Date.Value;
            PublishedPrecision = visible.Date.Precision;
            _publishedText = visible.Date.Text;
            SetSource("published", visible.Source);
            found = true;
        }
        if (!found && VisibleDates.Find(Clean(_document.Title ?? string.Empty)) is { } titleDate)
        {
            Published = titleDate.Value;
            PublishedPrecision = titleDate.Precision;
            SetSource("published", "html:title");
        }
        foreach (var (value, source) in Candidates(("dateModified", false)).Concat(ModifiedMeta.Select(k => (k, true)).SelectMany(k => Candidates(k))))
        {
            if (TryParseDate(value, out var date, out _))
            {
                Modified = date;
                SetSource("modified", source);
                break;
            }
        }
    }

    /// <summary>
    /// The offset the page itself states for an instant its chosen date gives in UTC: another of its dates (a meta
    /// tag, a JSON-LD date, a <c>time</c> element) is the same instant written with a non-zero offset ("Sat, 19 Oct
    /// 2019 00:04:00 +0200" beside "2019-10-18T22:04:00Z"). The day is the page's own day in that offset.
    /// </summary>
    private TimeSpan? PageOffset(DateTimeOffset utc)
    {
        var values = Candidates(("datePublished", false), ("dateModified", false), ("dateCreated", false))
            .Concat(PublishedMeta.Concat(ModifiedMeta).SelectMany(k => Candidates((k, true)))).Select(c => c.Value)
            .Concat(_ldOtherDates)
            .Concat(Elements.Where(e => e.LocalName == "time").Take(20).Select(e => e.GetAttribute("datetime")).OfType<string>());
        foreach (var value in values)
        {
            // Only a value that writes an offset can state one ("+02:00", "-0300", "GMT+2"); most say "Z" or nothing.
            if (value.Length < 16 || value.AsSpan(10).IndexOfAny('+', '-') < 0)
                continue;
            if (TryParseDate(Clean(value), out var date, out var precision) && precision == DatePrecision.Zoned && date.Offset != TimeSpan.Zero
                && Math.Abs((date.UtcDateTime - utc.UtcDateTime).TotalSeconds) < 60)
                return date.Offset;
        }
        return null;
    }

    // Class parts of title and byline elements: case-sensitive substrings, as the CSS selectors they replace.
    private static readonly string[] TitleClassWords = ["title", "headline", "judul", "jdl"];
    private static readonly string[] BylineClassWords = ["byline", "author", "Author", "penulis", "reporter", "writer", "autor", "posted-by", "submitted"];
    private static readonly string[] BylineIdWords = ["byline", "author"];

    private static bool ClassHas(IElement element, string[] parts) => Has(element.GetAttribute("class"), parts);

    private static bool IdHas(IElement element, string[] parts) => Has(element.GetAttribute("id"), parts);

    private static bool Has(string? value, string[] parts)
    {
        if (string.IsNullOrEmpty(value))
            return false;
        foreach (var part in parts)
        {
            if (value.Contains(part, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    // Class and id words of elements that show a page's date (post-meta, entry-date, news-single-timedata, datum…).
    private static readonly string[] DateClassWords =
    [
        "date", "time", "publish", "posted", "datum", "fecha", "tanggal", "waktu", "meta", "byline", "subline",
        "dateline", "info", "stamp", "erschienen", "parution",
    ];

    /// <summary>
    /// The first date shown in a small element whose class or id speaks of dates, outside comments, related
    /// teasers, sidebars and navigation; also remembers such elements' texts for the zone check in
    /// <see cref="ReadFromVisibleText"/>.
    /// </summary>
    private (DateMention Date, string Source)? DateElements()
    {
        var seen = 0;
        var cache = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var element in Elements)
        {
            if (element.LocalName != "time" && !HasDateWord(element.GetAttribute("class"), cache) && !HasDateWord(element.GetAttribute("id"), null))
                continue;
            if (element.ChildElementCount > 12 || InBoilerplate(element))
                continue;
            var text = ShortText(element, 200);
            if (text.Length is 0 or > 200)
                continue;
            if (++seen > 80)
                break;
            if (VisibleDates.Find(text) is { } date && Plausible(date.Value) && date.Value <= DateTimeOffset.UtcNow.AddDays(2))
                return (date, "html:date-element");
        }
        return null;
    }

    // Class strings repeat across a page, so their answers are cached per page.
    private static bool HasDateWord(string? value, Dictionary<string, bool>? cache)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200)
            return false;
        if (cache is null)
            return HasDateWord(value);
        if (!cache.TryGetValue(value, out var has))
            cache[value] = has = HasDateWord(value);
        return has;
    }

    private static bool HasDateWord(string value)
    {
        foreach (var word in DateClassWords)
        {
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    // Inside a comment, related-teaser or sidebar block, or a nav or aside element. The walk stops at main,
    // article and body: page-wide wrappers carry any class words ("navigation-overlay-wrapper" around everything).
    private static bool InBoilerplate(IElement element)
    {
        var depth = 0;
        for (var e = element; e is not null && depth < 12; e = e.ParentElement, depth++)
        {
            if (e.LocalName is "aside" or "nav")
                return true;
            if (e.LocalName is "main" or "article" or "body")
                return false;
            var reason = BoilerplateRules.ByClassAndId(e.GetAttribute("class"), e.GetAttribute("id"));
            if (reason is RemovalReasons.CommentForm or RemovalReasons.RelatedTeaser or BoilerplateRules.Sidebar)
                return true;
        }
        return false;
    }

    internal static DateTimeOffset? UrlDateOf(string url)
    {
        // An archived copy's URL starts with the crawl's timestamp; the page's own URL follows it.
        var archived = WebArchivePrefix().Match(url);
        if (archived.Success)
            url = url[archived.Length..];
        var m = UrlDate().Match(url);
        if (!m.Success)
            m = UrlDayFirstDate().Match(url);
        if (!m.Success)
            m = UrlCompactDate().Match(url);
        if (!m.Success)
            return null;
        var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        return d <= DateTime.DaysInMonth(y, mo) ? new DateTimeOffset(y, mo, d, 0, 0, 0, TimeSpan.Zero) : null;
    }

    internal static bool TryParseDate(string value, out DateTimeOffset date, out DatePrecision precision)
    {
        value = value.Trim();
        if (SafeTryParse(value, out date, out precision))
            return Plausible(date);
        // The framework's parser fills a missing date with today ("2:33 PM"): only values that state a year go to it.
        if (value.Length is > 0 and < 60 && HasYear(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            precision = value.Contains(':', StringComparison.Ordinal) ? (HasZone(value) ? DatePrecision.Zoned : DatePrecision.LocalTime) : DatePrecision.Day;
            return Plausible(date);
        }
        // Unix epoch seconds or milliseconds.
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) && value.Length is 10 or 13)
        {
            date = value.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
            precision = DatePrecision.Zoned;
            return Plausible(date);
        }
        // A date that starts the value ("2015-11-05T10:20:00 extra").
        var found = value.Length < 200 ? FindDates(value) : [];
        if (found.Count > 0 && found[0].Start == 0)
        {
            date = found[0].Value;
            precision = found[0].Precision;
            return Plausible(date);
        }
        return false;
    }

    // DateParser's digit classes also match non-ASCII digits ("২০২০") that its number parsing rejects; such a
    // line has no date Warta can read, and one odd line must not fail the page.
    private static IReadOnlyList<DateMention> FindDates(string text)
    {
        try
        {
            return DateParser.FindAll(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return [];
        }
    }

    private static bool SafeTryParse(string value, out DateTimeOffset date, out DatePrecision precision)
    {
        try
        {
            return DateParser.TryParse(value, out date, out precision);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            date = default;
            precision = default;
            return false;
        }
    }

    private static bool HasZone(string value) =>
        value.EndsWith('Z') || Regex.IsMatch(value, @"[+-]\d{2}:?\d{2}$|GMT|UTC", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Not before the web's news era and not in the future (a day's grace for zones).
    private static bool Plausible(DateTimeOffset date) => date.Year >= 1990 && date <= DateTimeOffset.UtcNow.AddDays(1);

    private static bool HasYear(string value)
    {
        var run = 0;
        foreach (var c in value)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4)
                return true;
        }
        return false;
    }

    private string? CanonicalLink() =>
        Array.Find(Elements, e => e.LocalName == "link" && HasToken(e.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase))?.GetAttribute("href");

    private void ReadRest()
    {
        var canonical = CanonicalLink();
        if (!string.IsNullOrWhiteSpace(canonical))
        {
            CanonicalUrl = Absolute(canonical.Trim());
            SetSource("canonicalUrl", "link:canonical");
        }
        else if (Meta("og:url", out var s) is { } ogUrl)
        {
            CanonicalUrl = Absolute(ogUrl);
            SetSource("canonicalUrl", s);
        }

        var lang = _document.DocumentElement?.GetAttribute("lang") ?? _document.DocumentElement?.GetAttribute("xml:lang");
        if (!string.IsNullOrWhiteSpace(lang))
        {
            Language = LanguageCode(lang);
            SetSource("language", "html:lang");
        }
        else
        {
            foreach (var (value, source) in Candidates(("og:locale", true), ("content-language", true), ("language", true), ("inLanguage", false)))
            {
                Language = LanguageCode(value);
                SetSource("language", source);
                break;
            }
        }

        foreach (var (value, source) in Candidates(("og:description", true), ("description", true), ("description", false), ("twitter:description", true)))
        {
            Description = value;
            SetSource("description", source);
            break;
        }
        foreach (var (value, source) in Candidates(("og:image", true), ("image", false), ("twitter:image", true), ("thumbnailUrl", false)))
        {
            Image = Absolute(value);
            SetSource("image", source);
            break;
        }
        foreach (var (value, source) in Candidates(("article:section", true), ("articleSection", false), ("section", true), ("parsely-section", true)))
        {
            Section = value;
            SetSource("section", source);
            break;
        }
        var tags = new List<string>();
        if (_meta.TryGetValue("article:tag", out var articleTags))
        {
            tags.AddRange(articleTags);
            SetSource("tags", "meta:article:tag");
        }
        else
        {
            foreach (var (value, source) in Candidates(("keywords", false), ("news_keywords", true), ("keywords", true)))
            {
                tags.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                SetSource("tags", source);
                break;
            }
        }
        Tags = tags.Where(t => t.Length is > 0 and < 80).Distinct(StringComparer.OrdinalIgnoreCase).Take(30).ToList();
    }

    private static string? LanguageCode(string value)
    {
        var code = value.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    private string Absolute(string href)
    {
        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
            return abs.ToString();
        if (_url is not null && Uri.TryCreate(_url, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, href, out var resolved))
            return resolved.ToString();
        return href;
    }

    private static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host.ToLowerInvariant() : null;

    private void SetSource(string field, string source) => _sources[field] = source;

    internal static string Clean(string text)
    {
        var decoded = text.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(text) : text;
        var sb = (System.Text.StringBuilder?)null;
        var space = false;
        for (var i = 0; i < decoded.Length; i++)
        {
            var c = decoded[i];
            if (char.IsWhiteSpace(c))
            {
                // A lone space between words stays as it is; anything else starts a rewritten copy.
                if (sb is null && (c != ' ' || i == 0 || i == decoded.Length - 1 || char.IsWhiteSpace(decoded[i + 1])))
                    sb = new System.Text.StringBuilder(decoded.Length).Append(decoded, 0, i);
                space = true;
                continue;
            }
            if (sb is not null)
            {
                if (space && sb.Length > 0)
                    sb.Append(' ');
                sb.Append(c);
            }
            space = false;
        }
        return sb?.ToString() ?? decoded;
    }

    // The element's text as Clean gives it, or a longer string (not all of it) once it has more than maxChars
    // characters: a date-class box holding a whole article is not read in full.
    private static string ShortText(IElement element, int maxChars)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<INode>();
        stack.Push(element);
        var raw = 0;
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText t)
            {
                sb.Append(t.Data);
                foreach (var c in t.Data)
                {
                    if (!char.IsWhiteSpace(c) && ++raw > maxChars + 1)
                        return Clean(sb.ToString());
                }
                continue;
            }
            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                stack.Push(node.ChildNodes[i]);
        }
        return Clean(sb.ToString());
    }
}
