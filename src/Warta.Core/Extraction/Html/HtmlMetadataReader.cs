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

    private static readonly string[] SiteSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " : "];

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

    private string? _documentTitle;

    // The title element's text, cleaned; the document looks for the element on each read.
    private string DocumentTitle => _documentTitle ??= Clean(_document.Title ?? string.Empty);

    // Every element in document order, listed once: the scans below test attributes by hand, which costs a fraction
    // of one CSS selector pass per question ([class*=author], [class*=title]…).
    private IElement[] Elements
    {
        get
        {
            if (_elements is null)
                (_elements, _scanned) = AllElements(_document.DocumentElement);
            return _elements;
        }
    }

    // The attributes the page-wide scans test, for each element of Elements (same index); listed with them.
    private ScanAttributes[]? _scanned;

    /// <summary>
    /// The attributes the page-wide scans test, read in one walk over an element's list as it is listed: several
    /// scans ask each element for its class, id or itemprop, and one lookup costs about as much as the walk.
    /// </summary>
    private readonly record struct ScanAttributes(string? Class, string? Id, string? Itemprop, string? Property, string? Rel);

    // The first elements, in document order, that the test passes, given each with its scanned attributes.
    private IEnumerable<IElement> Matching(Func<IElement, ScanAttributes, bool> test, int max)
    {
        var elements = Elements;
        var scanned = _scanned!;
        for (int i = 0, taken = 0; i < elements.Length && taken < max; i++)
        {
            if (test(elements[i], scanned[i]))
            {
                taken++;
                yield return elements[i];
            }
        }
    }

    // Pre-order over child node lists with an explicit stack: no selector matching, no per-element collection.
    private static (IElement[] Elements, ScanAttributes[] Attributes) AllElements(IElement? root)
    {
        if (root is null)
            return ([], []);
        var list = new List<IElement>(1024);
        var attributes = new List<ScanAttributes>(1024);
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            list.Add(element);
            attributes.Add(Scan(element));
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                    stack.Push(child);
            }
        }
        return (list.ToArray(), attributes.ToArray());
    }

    private static ScanAttributes Scan(IElement element)
    {
        var values = default(AttributeReader.Values);
        return AttributeReader.Read(element, ScannedNames, ref values)
            ? new ScanAttributes(values[0], values[1], values[2], values[3], values[4])
            : default;
    }

    // The attributes ScanAttributes holds, in its order.
    private static readonly string[] ScannedNames = ["class", "id", "itemprop", "property", "rel"];

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
        ReadShownAuthors(headerLines, leadLines);
        ReadShownDate(headerLines, leadLines);
        AnchorIndonesianLocalTime();
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
            // A cited work's microdata ("<li itemprop=\"citation\"><meta itemprop=\"author\" …>") is not the page's.
            if (meta.GetAttribute("property") is null && meta.GetAttribute("name") is null && InCitation(meta))
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

    private static bool InCitation(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (HasToken(e.GetAttribute("itemprop"), "citation"))
                return true;
        }
        return false;
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
        var docTitle = DocumentTitle;
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
                // A one- or two-word h1 ("Regional") is a section name, not the headline, unless the declared title is
                // that h1 and then the site ("Faire Lieferketten - Evangelisches Jugendwerk in Württemberg").
                if ((WordCount(h1) >= 3 || h1.Length * 2 >= value.Length || (FirstPartIs(value, h1) && !NamesOnlySite(h1))) && (value.StartsWith(h1, StringComparison.OrdinalIgnoreCase) || value.EndsWith(h1, StringComparison.OrdinalIgnoreCase)))
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
        // A declared title that only names the site ("Anwalt Niemeyer" on anwaltniemeyer.de, "Damian Duchamps' Blog")
        // or its front page ("Home") is no headline: the page's one h1 that names something else is. Of several, none
        // is known to be the page's own (a portfolio's item titles).
        if (NamesOnlySite(Title) && h1s.Where(h => !NamesOnlySite(h)).Distinct(StringComparer.Ordinal).ToList() is [var headline])
        {
            Title = headline;
            SetSource("title", "html:h1");
        }
    }

    // Labels of a site's front page and of page furniture, never an article's headline.
    [GeneratedRegex(@"^(?:home|homepage|home page|startseite|beranda|index|untitled|menu|menü|navigation|search|suche)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAHeadline();

    // The text is the site's name, a part of it, or the name its host spells with at most a word more ("Blog").
    private bool NamesOnlySite(string text)
    {
        if (NotAHeadline().IsMatch(text))
            return true;
        var p = Normalize(text);
        if (p.Length == 0)
            return true;
        if (SiteName is not null && Normalize(SiteName) is { Length: > 0 } site && (p == site || site.Contains(p, StringComparison.Ordinal)))
            return true;
        return WordCount(text) <= 4 && HostLabels().Any(l => l.Length >= 5 && p.StartsWith(l, StringComparison.Ordinal) && p.Length <= l.Length + 6);
    }

    // The title's text before its first site separator (" | ", " - "…, not " : ") is the given text.
    private static bool FirstPartIs(string title, string text) =>
        title.Length > text.Length && title.StartsWith(text, StringComparison.OrdinalIgnoreCase)
        && SiteSeparators.Any(s => s != " : " && title.AsSpan(text.Length).StartsWith(s, StringComparison.Ordinal));

    /// <summary>
    /// The visible headline when it is the declared title behind a short kicker ("In Picture: KPK Periksa …"
    /// shown, "KPK Periksa …" declared): the reader sees the kicker as part of the title.
    /// </summary>
    private string? KickedHeadline(string title)
    {
        if (title.Length < 10)
            return null;
        foreach (var element in Matching((e, a) => e.LocalName is "h1" or "h2" || Has(a.Class, TitleClassWords), 200))
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

    // Class parts of title and byline elements: case-sensitive substrings, as the CSS selectors they replace.
    private static readonly string[] TitleClassWords = ["title", "headline", "judul", "jdl"];

    // Whether an attribute value holds any of the parts, as CSS [class*=part] matches it.
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

    [ThreadStatic]
    private static System.Text.StringBuilder? _shortTextBuilder;

    [ThreadStatic]
    private static Stack<INode>? _shortTextStack;

    // The element's text as Clean gives it, or a longer string (not all of it) once it has more than maxChars
    // characters: a date-class box holding a whole article is not read in full.
    private static string ShortText(IElement element, int maxChars)
    {
        // Called for many small elements of a page: the builder and the stack are the thread's, reused.
        var sb = _shortTextBuilder is { Capacity: <= 1 << 16 } kept ? kept : _shortTextBuilder = new System.Text.StringBuilder();
        var stack = _shortTextStack ??= new Stack<INode>();
        sb.Clear();
        stack.Clear();
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
