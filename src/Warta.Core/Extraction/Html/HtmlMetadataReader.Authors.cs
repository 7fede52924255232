using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Warta.Extraction.Html;

// Authors: declared in JSON-LD, meta tags, microdata and byline elements, shown in the body's first lines, and the
// weaker places read only when nothing names a person.
internal sealed partial class HtmlMetadataReader
{
    private static readonly string[] AuthorMeta = ["dc:creator", "dcterms:creator", "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "twitter:creator", "content_author", "shareaholic:article_author_name", "cXenseParse:author"];

    // Byline cues that precede names in visible text, in the languages the bundled lists cover; a credit for text and
    // pictures ("Text & Fotos:") is one cue.
    [GeneratedRegex(@"^(?:(?:post\s+)?(?:author|autor|autorin|auteur)\s*[:\-–]?\s*(?:by\s+)?|(?:by|oleh|von|vom|par|por|di|door|av|af|da|from|written by|posted by|published by|posted on .{0,30}? by|gespeichert von|rezept von|zum profil von|publié par|escrito por|scritto da|geschrieben von|veröffentlicht von|eingestellt von|erstellt von|verfasst von|beitrag von|blog beitrag von|artikel von|(?:eine\s+)?pressemitteilung von|view all posts by|all posts by|more posts by|zeige alle beiträge von|alle beiträge von|alle artikel von|über|about|text\s*(?:&|und|and|\+|/)\s*(?:fotos?|bilder?|photos?)|text|interview|redaktion|penulis|reporter|wartawan|pewarta|kontributor|editor|redaktur|penyunting)(?:\s*[:\-–]\s*|\s+)(?=\p{L})|(?:by|von)(?=\p{Lu}))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineCue();

    // What follows a name in a byline box: link labels, share counts, a date (after a weekday or its abbreviation:
    // "Fr, 18. Oktober 2019"), a reading time ("Tiempo de lectura: 8 minutos", "5 min read"), a role in parentheses.
    [GeneratedRegex(@"(?:\s*(?:more posts|alle artikel|alle beiträge|shares?|follow|folgen|mehr|→|»|[—–-]\s*veröffentlicht.*|(?:^|\s)(?:publiziert|veröffentlicht|published|aktualisiert|(?:last\s+)?updated|(?:zuletzt\s+)?geändert)\b.*|\sam|\son|\(.*\)|(?:am|on|le|el|il)\s+\p{L}*\s*[0-9].*|\s[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}.*|,?\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*|\s(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\.?,\s*[0-9].*|\s(?:tiempo de lectura|temps de lecture|tempo di lettura|lesezeit|lesedauer|reading time|read time)\b.*|\s[0-9]+\s*min(?:\.|utes?)?\s+(?:read|lesezeit|de lectura)\b.*))+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineTail();

    // A commenter's line ("Aylin sagt", "Art Edwards says") is not a byline.
    [GeneratedRegex(@"\b(?:says|sagt|schreibt|écrit|dice)\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentVerb();

    // Captions and form labels that sit in author-like boxes, and a theme's credit in the author meta tag ("Peter
    // Amende und Fuchsy designed").
    [GeneratedRegex(@"^(?:photo|foto|bild|image|credit|quelle|source|sumber)\b|^name\s*(?:\*|\(|$)|erforderlich|required|\bdesigned\b|\bdesign by\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAByline();

    // Words that are never a name on their own: labels and link texts of author boxes, weekdays, the accounts a CMS
    // installs ("wordpressadmin"), ad labels ("Gesponserte Inhalte" in a forum's post-author line), Chinese roles
    // ("记者", reporter).
    [GeneratedRegex(@"^(?:name|datum|date|quelle|por|par|door|oleh|(?:artikel|beitrag|text) von|posted|published|(?:posted|published|written|geschrieben|veröffentlicht|verfasst) (?:by|von)|follow|mehr|more|von|by|author|autor|redaktion|staff|(?:wordpress|wp|site|web)?admin(?:istrator)?|webmaster|sponsored(?: content| post)?|gesponsert(?:e inhalte)?|anzeige|werbung|advertisement|archiv.*|alle beiträge|no author|anonymous|anonym|guest|gast|comments?|kommentare?|permalink|trackbacks?|pingbacks?|agencies|agenturen|agencias|agences|agenzie|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|posted on|publiziert am|veröffentlicht|theme.*|powered.*|home|startseite|menu|menü|kontakt|contact|impressum|本报记者|记者|通讯员|实习生|编辑|责任编辑|作者)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    // Academic and professional letters after a name ("Grant Tinsley, PhD").
    [GeneratedRegex(@"^(?:phd|ph\.d|md|msc|mba|rd|rn|ma|ba|bsc|dr|prof|jr|sr)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Degree();

    // The cues a byline line opens with: before full names, and before any name (they only introduce an author).
    private const string LeadCues = "by|oleh|von|par|por|door|text von|ein beitrag von|beitrag von|blog beitrag von|ein artikel von|artikel von|ein gastbeitrag von|gastbeitrag von|eine kolumne von|ein kommentar von|ein interview von";
    private const string PostedCues = "written by|posted by|published by|geschrieben von|verfasst von|erstellt von|gespeichert von|eingestellt von|veröffentlicht von|publié par|escrito por|scritto da";

    // How every byline line starts: its cue and the space after it. A line that does not start so is no byline
    // line, also once a trailing date or link label is cut (the cut keeps the start).
    [GeneratedRegex(@"^(?i:" + LeadCues + "|" + PostedCues + @")\s*:?\s", RegexOptions.CultureInvariant)]
    private static partial Regex BylineStart();

    // A line that is only a byline: a cue, then one to four names of two to four capitalised words joined by
    // commas or "and" in several languages ("Blog Beitrag von Margarita Koreneva", "Oleh Budi Santoso", "Von Roland
    // Brockmann und Sebastian Drescher"); a longer line is prose that happens to start with "by". After a cue that
    // can only introduce an author ("Geschrieben von", "Erstellt von", "Posted by") a single word is a name too
    // ("Erstellt von Fabian"). Whom an interview is with is no author ("Ein Interview von Eugen Zentner mit Sonja
    // Silberhorn.").
    [GeneratedRegex(@"^(?:(?i:" + LeadCues + @")\s*:?\s+(?<names>" + FullName + @"(?:\s*(?:,|&|\s(?i:und|and|dan|et|y|e))\s+" + FullName + @"){0,3})|(?i:" + PostedCues + @")\s*:?\s+(?<names>" + AnyName + @"(?:\s*(?:,|&|\s(?i:und|and|et|y|e))\s+" + AnyName + @"){0,3}))(?:\s+(?i:mit)\s+\p{Lu}[\p{L}'’\- ]{2,60}?)?\.?\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex BylineLine();

    private const string FullName = @"\p{Lu}[\p{L}'’\-]+(?:\s+(?:\p{Lu}[\p{L}'’\-]*\.?|de|van|von|der|da|di|bin|binti)){1,3}";

    private const string AnyName = @"\p{Lu}[\p{L}'’\-]+(?:\s+(?:\p{Lu}[\p{L}'’\-]*\.?|de|van|von|der|da|di|bin|binti)){0,3}";

    [GeneratedRegex(@"(?:^|\s)(?<role>penulis|reporter|wartawan|pewarta|editor|redaktur|penyunting|laporan)\s*:\s*(?<names>[\p{L}][\p{L}.'’\- ]{1,80}?)(?=\s*(?:$|[|,/;\n]|\s{2}|\b(?:penulis|reporter|editor|redaktur|foto|sumber)\b))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RoleLine();

    [GeneratedRegex(@"\G(?i:kontributor)\s+\p{Lu}[\p{L}\- ]{1,30}?\s*,\s*(?<name>\p{Lu}[\p{L}.'’\- ]{1,40}?)(?=\s*(?:$|[|,/;\n]|\s{2}|\b(?i:penulis|reporter|editor|redaktur|foto|sumber)\b))", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ContributorTown();

    // Authors from the body's first lines: an Indonesian role line ("Penulis: …"), or a line that is only a byline.
    private void ReadShownAuthors(IReadOnlyList<string> headerLines, int leadLines)
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
                    // "Penulis : Kontributor Lhokseumawe, Masriadi": a contributor's town, then the name.
                    if (ContributorTown().Match(line, m.Groups["names"].Index) is { Success: true } town && town.Index == m.Groups["names"].Index)
                        AddNames(names, town.Groups["name"].Value);
                    else
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
        // A first name alone, from any source ("Nils"), gives way to the byline that adds the surname ("Eine Kolumne
        // von Nils Pickert").
        var metaAuthor = _sources.GetValueOrDefault("authors", string.Empty).StartsWith("meta:", StringComparison.Ordinal);
        var firstNameOnly = Authors is [var only] && LooksLikeName([only]);
        if (Authors.Count == 0 || metaAuthor || firstNameOnly)
        {
            for (var i = 0; i < (Authors.Count == 0 ? headerLines.Count : Math.Min(leadLines, headerLines.Count)); i++)
            {
                var line = headerLines[i];
                // A cue on a line of its own ("By") and the name on the next ("Todd Bates") are one byline.
                if (i + 1 < headerLines.Count && LabelOnly().IsMatch(line))
                    line = string.Concat(line, " ", headerLines[++i]);
                if (line.Length > 120 || BylineNames(line) is not { Count: > 0 } byline)
                    continue;
                if (Authors.Count == 0 || (metaAuthor && !byline.Any(n => Authors.Any(a => SameName(a, n)))) || (firstNameOnly && Completes(Authors[0], byline)))
                    SetAuthors(byline, "text:byline");
                break;
            }
        }
        SpellAccount();
    }

    /// <summary>
    /// An account's lower-case slug ("gabor_munier") gives way to the name a shown byline spells with the same
    /// letters ("Author: Gàbor Muniér, Datum: 03.Mär.19"); read only for such a slug.
    /// </summary>
    private void SpellAccount()
    {
        if (Authors is not [var account] || account.AsSpan().IndexOfAny("-_.") < 0 || !account.All(c => char.IsAsciiLetterLower(c) || c is '-' or '_' or '.'))
            return;
        var source = _sources["authors"];
        if (TakeShownByline() && Authors is [var shown] && shown.Contains(' ', StringComparison.Ordinal) && Folded(shown) == Normalize(account))
            return;
        Authors = [account];
        SetSource("authors", source);
    }

    // Letters and digits without their accents, lower case: "Gàbor Muniér" is "gabormunier".
    private static string Folded(string name) =>
        Normalize(new string(name.Normalize(System.Text.NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()));

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
                AddNames(names, text, declared: true, teams: true, dotted: true);
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
            // Bounded by its characters first, then read with a space between elements ("<span>By</span><a>Alex
            // Bozarjian</a>" is "By Alex Bozarjian", not "ByAlex Bozarjian"), its times kept for BylineTail to cut at ("Posted
            // by timothy <time>on Tuesday July 24</time> from the posner-south dept.").
            if (ShortText(element, 90).Length > 90)
                continue;
            var text = SpacedText(element, 2000, withTimes: true);
            if (text.Length is < 5 or > 90 || ShownBylineCue().Match(text) is not { Success: true } cue)
                continue;
            if (++seen > 40)
                break;
            if (InComments(element) || InBoilerplate(element))
                continue;
            if (TakeShownNames(text[cue.Length..], "html:shown-byline"))
                return true;
        }
        return false;
    }

    // The names a cue or label declares in a shown text, the picture credits after them cut: taken when every one
    // reads as a name.
    private bool TakeShownNames(string text, string source)
    {
        var names = new List<string>();
        AddNames(names, ShownCredit().Replace(text, string.Empty), declared: true, dotted: true);
        if (names.Count == 0 || !names.All(ShownName))
            return false;
        SetAuthors(names, source);
        return true;
    }

    /// <summary>
    /// A label in a node of its own and the name in the nodes after it, up to a line break ("&lt;h5&gt;Autor:
    /// &lt;/h5&gt;Peter Maahn", "&lt;strong&gt;Text:&lt;/strong&gt; Klausmartin Friedrich", "&lt;span&gt;| By
    /// &lt;/span&gt; &lt;span&gt;Cara Stiles&lt;/span&gt;", "&lt;b&gt;Von:&lt;/b&gt;&lt;br&gt;Götz Warnke"), or a
    /// text that a label with a colon leads ("- Redaktion: Eberhard Fuhr (Pressesprecher)", "责任编辑： 焦鹏"), anywhere
    /// outside comments, teasers, sidebars and navigation: the first one whose text after the label is names.
    /// </summary>
    public bool TakeLabelledByline()
    {
        var seen = 0;
        foreach (var parent in Elements)
        {
            if (parent.LocalName is "script" or "style" or "title" or "head" or "select" or "option" or "textarea")
                continue;
            var children = parent.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                string? lead = null;
                if (children[i] is IText t)
                {
                    var data = t.Data;
                    if (data.Length > 120 || data.AsSpan().Trim() is not { Length: >= 2 } trimmed || !LabelInitials.Contains(trimmed[0]))
                        continue;
                    var clean = Clean(data);
                    if (LabelOnly().IsMatch(clean))
                        lead = string.Empty;
                    else if (LabelLead().Match(clean) is { Success: true } m)
                        lead = clean[m.Length..];
                }
                else if (children[i] is IElement label && label.ChildElementCount == 0 && LabelElements.Contains(label.LocalName)
                    && MayOpenLabel(label) && LeafText(label) is { Length: <= 40 } labelText && LabelOnly().IsMatch(Clean(labelText)))
                {
                    lead = string.Empty;
                }
                // A label with a colon says what follows; a bare "by" or "von" must begin its line.
                if (lead is null || (lead.Length == 0 && LabelText(children[i]).IndexOfAny([':', '：']) < 0 && !StartsLine(parent, i)))
                    continue;
                if (++seen > 40)
                    return false;
                var text = Clean(string.Concat(lead, " ", TextAfter(children, i + 1, 90 - lead.Length)));
                if (text.Length is < 2 or > 90 || InComments(parent) || InBoilerplate(parent))
                    continue;
                if (TakeShownNames(text, "html:labelled-byline"))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A short element that is only a date, maybe a time, and a name after a separator or a cue ("11.12.2019 -
    /// Amelie Loevenich", "04.02.2022 | 13:10 Uhr | Uta Helkenberg", "06.11.2023 13:30 von Olga"), outside comments,
    /// teasers, sidebars and navigation. After a bare separator the name is two to four capitalised words.
    /// </summary>
    public bool TakeDatedByline()
    {
        var seen = 0;
        foreach (var element in Elements)
        {
            if (element.ChildElementCount > 2 || element.LocalName is "script" or "style" or "title" or "option")
                continue;
            // Most elements are passed over by their first text's first character, without reading their text.
            var node = element.FirstChild;
            for (var depth = 0; node is IElement && depth < 3; depth++)
                node = node.FirstChild;
            if (node is not IText t || t.Data.AsSpan().TrimStart() is not [var c, ..] || !char.IsAsciiDigit(c))
                continue;
            var text = ShortText(element, 80);
            if (text.Length > 80 || DatedByline().Match(text) is not { Success: true } m)
                continue;
            if (++seen > 40)
                break;
            if (InComments(element) || InBoilerplate(element))
                continue;
            var name = m.Groups["name"].Value.Trim();
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!m.Groups["cue"].Success && (words.Length < 2 || !LooksLikeName(words.AsSpan()) || !PlainName(name)))
                continue;
            var names = new List<string>();
            AddNames(names, name, declared: m.Groups["cue"].Success);
            if (names.Count == 1 && ShownName(names[0]))
            {
                SetAuthors(names, "html:dated-byline");
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// An editorial team shown in a byline element ("&lt;span class=\"author\"&gt;Redaktion&lt;/span&gt;", "von
    /// auto-motor.at Redaktion" by rel=author): what the page says wrote it, when no person is named anywhere.
    /// </summary>
    public bool TakeShownTeam()
    {
        foreach (var element in Matching((e, a) => (e.LocalName == "a" && HasToken(a.Rel, "author", StringComparison.OrdinalIgnoreCase)) || Has(a.Class, BylineClassWords), 30))
        {
            if (InComments(element) || InBoilerplate(element))
                continue;
            var text = SpacedText(element, 160);
            if (text.Length is 0 or > 60)
                continue;
            var names = new List<string>();
            AddNames(names, BylineCue().Replace(text, string.Empty), declared: true, teams: true);
            names.RemoveAll(n => !IsEditorialTeam(n));
            if (names.Count > 0)
            {
                SetAuthors(names, "html:byline-team");
                return true;
            }
        }
        return false;
    }

    // A numeric date, a time, then a separator or a cue and a name.
    [GeneratedRegex(@"^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}(?:\s*[|,]?\s*\d{1,2}[:.]\d{2}(?:\s*uhr)?)?\s*(?:[|\-–—·•]\s*|(?<cue>von|by|par|por|door)\s+)(?<name>\p{L}[\p{L}\p{Nd}'’.\- ]{1,40}?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatedByline();

    /// <summary>
    /// For a page that still names no author: a signature, the body's last paragraph when it is only a name set
    /// apart — bold, italic or right-aligned ("&lt;p&gt;&lt;b&gt;&lt;i&gt;Stefan Wasmer&lt;/i&gt;&lt;/b&gt;&lt;/p&gt;"),
    /// after a greeting ("Euer HansEhrlich"), or one name above a date as the letter's last lines ("Benni",
    /// "10. September 2017").
    /// </summary>
    public bool TakeSignature(IReadOnlyList<string> paragraphs, IReadOnlyList<IElement> owners)
    {
        var last = paragraphs.Count - 1;
        if (last >= 1 && SignatureDate().IsMatch(paragraphs[last]))
            last--;
        if (last < 1)
            return false;
        var text = Clean(paragraphs[last]);
        var greeted = SignatureGreeting().Match(text);
        var name = greeted.Success ? text[greeted.Length..] : text;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (name.Length > 40 || words.Length is 0 or > 3 || NotAName().IsMatch(name))
            return false;
        var dated = last < paragraphs.Count - 1;
        bool fits;
        if (words.Length == 1)
            fits = (dated || greeted.Success) && char.IsUpper(name[0]) && name.All(char.IsLetterOrDigit);
        else
            fits = LooksLikeName(words.AsSpan()) && PlainName(name) && (greeted.Success || dated || SetApart(owners[last]));
        if (!fits || !IsPersonName(name, declared: words.Length == 1))
            return false;
        SetAuthors([name], "text:signature");
        return true;
    }

    // A paragraph bold or italic throughout, or aligned right: its text all inside one emphasis element. A table
    // cell or box in bold at the end is a heading of what follows ("River Cruise Tools").
    private static bool SetApart(IElement block)
    {
        if (block.LocalName != "p")
            return false;
        var align = block.GetAttribute("align") ?? string.Empty;
        var style = block.GetAttribute("style") ?? string.Empty;
        if (align.Equals("right", StringComparison.OrdinalIgnoreCase) || style.Contains("text-align:right", StringComparison.OrdinalIgnoreCase)
            || style.Contains("text-align: right", StringComparison.OrdinalIgnoreCase))
            return true;
        var text = block.TextContent.Trim();
        foreach (var e in block.QuerySelectorAll("b, strong, i, em"))
        {
            if (e.TextContent.Trim() == text)
                return true;
        }
        return false;
    }

    // A letter's date line under a signature: "10. September 2017", "10.09.2017".
    [GeneratedRegex(@"^\d{1,2}\.\s*(?:\p{L}+|\d{1,2}\.)\s*\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex SignatureDate();

    // The greeting before a signature ("Euer HansEhrlich", "Liebe Grüße, Anna").
    [GeneratedRegex(@"^(?:euer|eure|dein|deine|ihr|ihre|yours|cheers|gruß|grüße|liebe grüße|viele grüße|herzliche grüße|bis bald)\s*,?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureGreeting();

    private static string LabelText(INode node) => node.TextContent.Trim();

    // Whether a label begins its line: no text before it up to a line break or a block, through up to three inline
    // parents ("Atahualpa Theme by BytesForAll", "Content Management by InterRed" continue a line), or it opens
    // with a separator ("yas! | By Cara Stiles").
    private static bool StartsLine(IElement parent, int index)
    {
        if (parent.ChildNodes[index] is IText t && t.Data.AsSpan().TrimStart() is ['|' or '·' or '•' or '-' or '–' or '—', ..])
            return true;
        if (parent.ChildNodes[index] is IElement e && e.TextContent.AsSpan().TrimStart() is ['|' or '·' or '•' or '-' or '–' or '—', ..])
            return true;
        for (var depth = 0; depth < 4; depth++)
        {
            var nodes = parent.ChildNodes;
            for (var i = index - 1; i >= 0; i--)
            {
                if (nodes[i] is IElement before && (before.LocalName is "br" or "hr" || IsBlock(before.LocalName)))
                    return true;
                if (nodes[i].TextContent.AsSpan().Trim().Length > 0)
                    return false;
            }
            if (IsBlock(parent.LocalName) || parent.ParentElement is not { } up)
                return true;
            index = 0;
            while (up.ChildNodes[index] != parent)
                index++;
            parent = up;
        }
        return true;
    }

    // The text of the sibling nodes from start up to the first line break or block after some text, or more than
    // maxChars characters; line breaks before any text are passed over ("Von:<br><br>Götz Warnke").
    private static string TextAfter(INodeList nodes, int start, int maxChars)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = start; i < nodes.Length && sb.Length <= maxChars; i++)
        {
            var node = nodes[i];
            var some = sb.ToString().AsSpan().Trim().Length > 0;
            if (node is IText t)
            {
                sb.Append(t.Data);
            }
            else if (node is IElement e)
            {
                if (e.LocalName is "br" or "hr")
                {
                    if (some)
                        break;
                    continue;
                }
                if (some && IsBlock(e.LocalName))
                    break;
                if (e.LocalName is "script" or "style" or "time" or "button")
                    continue;
                sb.Append(' ').Append(SpacedText(e, maxChars + 1)).Append(' ');
            }
        }
        return sb.ToString();
    }

    // The first characters of the labels and their separators: other text nodes are passed over unread.
    private static readonly System.Buffers.SearchValues<char> LabelInitials = System.Buffers.SearchValues.Create("bvatrBVATR|·•-–—责编作");

    // Whether an element without child elements may hold a label (at most 40 characters), by its first text's
    // length and first character, so that most (every bold word, every span of a page) are passed over without
    // reading their text. An entity ('&') or a first text of white space only is read in full.
    private static bool MayOpenLabel(IElement label)
    {
        if (label.FirstChild is not IText first || first.Data.AsSpan().TrimStart() is not [var c, ..])
            return true;
        return first.Data.Length <= 40 && (c == '&' || LabelInitials.Contains(c));
    }

    // The text of an element without child elements: its one text node's data as it is, else all its text.
    private static string LeafText(IElement element) =>
        element.ChildNodes.Length == 1 && element.FirstChild is IText only ? only.Data : element.TextContent;

    // Elements a label sits in ahead of the name.
    private static readonly HashSet<string> LabelElements = new(StringComparer.Ordinal)
    {
        "strong", "b", "em", "i", "span", "label", "h4", "h5", "h6", "dt", "small", "font",
    };

    // An element that starts a line of its own: a block, as the body's walk reads it, or a table cell.
    private static bool IsBlock(string tag) => BlockWalker.IsBlockTag(tag) || tag == "td";

    // A node that is only a label for the author: "Autor:", "| By", "Text:", "Von:", "责任编辑：".
    [GeneratedRegex(@"^[\s|·•\-–—]*(?:by|von|autor(?:in|en)?|author|auteur(?:\(s\))?|text|texte|redaktion|verfasser(?:in)?|责任编辑|编辑|作者)\s*[:：]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelOnly();

    // A label with a colon that leads a text: "- Redaktion: Eberhard Fuhr", "责任编辑：焦鹏".
    [GeneratedRegex(@"^[\s|·•\-–—]*(?:autor(?:in|en)?|author|auteur(?:\(s\))?|text|texte|redaktion|verfasser(?:in)?|责任编辑|编辑|作者)\s*[:：]\s*(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelLead();

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
        return words.Length == 1 || words.All(w => Capital(w[0]) || NameParticles.Contains(w));
    }

    // A capital, or a letter of a script without case ("焦鹏"), where every name starts with one.
    private static bool Capital(char c) => char.IsUpper(c) || char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;

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
        // A site named as someone's ("Gregory Szorc's Digital Home", "Damian Duchamps' Blog") on the host their name spells.
        if (SiteName is not null && PossessiveSite().Match(SiteName) is { Success: true } owned && labels.Contains(Normalize(owned.Groups["name"].Value))
            && LooksLikeName(owned.Groups["name"].Value.Split(' ')) && PlainName(owned.Groups["name"].Value))
            return owned.Groups["name"].Value;
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
    private List<string> HostLabels() => UrlParts()?.HostLabels ?? [];

    /// <summary>
    /// What the author rules read from the page's URL (the one given, else the canonical one, which metadata may set
    /// later): its host's labels and its path's first segment, read again only when that URL changes. Null without
    /// a URL.
    /// </summary>
    private (List<string> HostLabels, string? Section)? UrlParts()
    {
        var url = _url ?? CanonicalUrl;
        if (url is null)
            return null;
        if (!ReferenceEquals(url, _urlPartsOf))
        {
            _urlPartsOf = url;
            _urlParts = (ReadHostLabels(url), ReadSection(url));
        }
        return _urlParts;
    }

    // The URL UrlParts last read, and its parts.
    private string? _urlPartsOf;

    private (List<string> HostLabels, string? Section)? _urlParts;

    // The first segment of the URL's path when more follows it ("kultur" in /kultur/…), else null.
    private static string? ReadSection(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.AsSpan().TrimStart('/') is var path && path.IndexOf('/') is > 0 and var end
            ? path[..end].ToString()
            : null;

    private static List<string> ReadHostLabels(string url)
    {
        var archived = WebArchivePrefix().Match(url);
        if (HostOf(archived.Success ? url[archived.Length..] : url) is not { } host)
            return [];
        var labels = host.Split('.');
        return labels.Take(labels.Length - 1).Where(l => l != "www").Select(Normalize).Where(l => l.Length > 0).ToList();
    }

    [GeneratedRegex(@"^(?<name>\p{Lu}\p{L}+(?: \p{Lu}\p{L}+){1,2})(?:'s|’s|'|’)\s", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PossessiveSite();

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
            if (!BylineStart().IsMatch(line))
                return null;
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

    // A byline that is the first name given and a surname after it ("Nils" → "Nils Pickert").
    private static bool Completes(string firstName, List<string> byline) =>
        byline is [var full] && full.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } words
        && string.Equals(words[0], firstName, StringComparison.OrdinalIgnoreCase);

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
                    AddNames(names, WithSurname(item, name), declared: true);
            }
            if (names.Count > 0)
            {
                SetAuthors(WithCoauthors(article, names), "json-ld:author");
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
        var groups = new (Func<IElement, ScanAttributes, bool> Matches, string Source, bool Declared)[]
        {
            // [itemprop~=author] [itemprop~=name], [itemprop~=author]
            ((e, a) => MicrodataAuthor(e, a.Itemprop), "microdata:author", true),
            // a[rel~=author], [class~=author-name], [class~=fn] but not on a heading (a recipe's or product's name in
            // hRecipe and hProduct: "<h1 class=\"fn title\">Vanille-Hafer-Porridge …</h1>")
            ((e, a) => (e.LocalName == "a" && HasToken(a.Rel, "author", StringComparison.OrdinalIgnoreCase))
                || HasToken(a.Class, "author-name") || (HasToken(a.Class, "fn") && !IsHeading(e.LocalName)), "rel:author", true),
            // [class*=byline], [class*=author], [class*=penulis]…, [id*=byline], [id*=author]
            ((_, a) => Has(a.Class, BylineClassWords) || Has(a.Id, BylineIdWords), "html:byline", false),
        };
        foreach (var (matches, source, declared) in groups)
        {
            var names = new List<string>();
            foreach (var element in Matching(matches, 30))
            {
                if (InComments(element) || (source == "html:byline" && IsPictureCredit(element)))
                    continue;
                var text = SpacedText(element, 160);
                if (text.Length > 120 && source == "html:byline" && BoxHeading(element) is { } heading)
                    text = heading;
                if (text.Length is 0 or > 120)
                    continue;
                AddNames(names, text, declared);
                // A post's meta box lists its topics as links to their archives ("01.12.2022 / CSP / Photovoltaik"); one
                // such link may be the author's own ("<a rel=\"tag\">CNN Political Reporter Shannon Travis</a>").
                if (names.Count > 0 && TopicLinks(element) >= 2)
                {
                    names.Clear();
                    AddNames(names, SpacedText(element, 160, withoutTopics: true), declared);
                }
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

    /// <summary>
    /// The JSON-LD authors, or a longer list the page declares elsewhere that holds each of them: co-authors the
    /// author field leaves out ("author": "Sadhbh O'Sullivan", "creator" and meta author "Sadhbh O'Sullivan,
    /// Elisabeth Kochan").
    /// </summary>
    private List<string> WithCoauthors(JsonElement article, List<string> names)
    {
        var lists = new List<List<string>>();
        if (article.TryGetProperty("author", out _) && article.TryGetProperty("creator", out var creator))
            lists.Add(creator.ValueKind == JsonValueKind.Array ? creator.EnumerateArray().Take(20).Select(c => StringOf(Resolve(c))).OfType<string>().ToList() : [StringOf(Resolve(creator)) ?? string.Empty]);
        foreach (var key in AuthorMeta)
        {
            if (_meta.TryGetValue(key, out var values))
                lists.Add(values);
        }
        foreach (var texts in lists)
        {
            var more = new List<string>();
            foreach (var text in texts)
                AddNames(more, text, declared: true);
            if (more.Count > names.Count && more.Count <= 10 && names.All(n => more.Any(m => SameName(n, m))))
                return more;
        }
        return names;
    }

    /// <summary>
    /// A person node named by a first name alone whose description opens with the full name ("name": "Stefanus",
    /// "description": "Stefanus Stahl - Maschinenbauer, …"): the first name and the surname after it.
    /// </summary>
    private static string WithSurname(JsonElement person, string name)
    {
        if (!LooksLikeName([name]) || person.ValueKind != JsonValueKind.Object || !person.TryGetProperty("description", out var d)
            || d.ValueKind != JsonValueKind.String || d.GetString() is not { } description
            || !description.StartsWith(string.Concat(name, " "), StringComparison.Ordinal))
            return name;
        var rest = description.AsSpan(name.Length + 1);
        var end = rest.IndexOfAny(' ', ',');
        var surname = (end < 0 ? rest : rest[..end]).ToString();
        return LooksLikeName([surname]) ? string.Concat(name, " ", surname) : name;
    }

    /// <summary>
    /// The name an author box gives as its heading ("&lt;div class=\"author-bio\"&gt;&lt;h3&gt;Martin Junker&lt;/h3&gt;…"):
    /// a heading among the box's first children whose text is two to four capitalised words. Only a box its class
    /// calls one ("author-bio", "about-author", "author-box"): a post's wrapper ("entry-author-eddie_ross") heads it
    /// with the post's title.
    /// </summary>
    private static string? BoxHeading(IElement box)
    {
        if (!IsAuthorBox(box.GetAttribute("class")))
            return null;
        var child = box.FirstElementChild;
        for (var i = 0; child is not null && i < 3; i++, child = child.NextElementSibling)
        {
            if (!IsHeading(child.LocalName))
                continue;
            var text = Clean(child.TextContent);
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length is >= 2 and <= 4 && LooksLikeName(words) && PlainName(text) ? text : null;
        }
        return null;
    }

    private static bool IsHeading(string tag) => tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static bool MicrodataAuthor(IElement element, string? itemprop)
    {
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

    // An element's text with a space between child elements ("Veröffentlicht von" + "Chris Jung"), cut at maxChars;
    // without the text of times unless asked, nor, when asked, of links to category and tag archives.
    private static string SpacedText(IElement element, int maxChars, bool withTimes = false, bool withoutTopics = false)
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
            if (node is IElement e && (e.LocalName is "script" or "style" or "noscript" or "button" or "svg" || (e.LocalName == "time" && !withTimes) || (withoutTopics && e.LocalName == "a" && IsTaxonomyLink(e))))
                continue;
            sb.Append(' ');
            for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                stack.Push(node.ChildNodes[i]);
        }
        return Clean(sb.ToString());
    }

    // A link to a category or tag archive ("<a rel=\"category tag\">Photovoltaik</a>" in a post's meta box): a topic,
    // never a name.
    private static bool IsTaxonomyLink(IElement link) =>
        link.GetAttribute("rel") is { Length: > 0 } rel && (HasToken(rel, "tag", StringComparison.OrdinalIgnoreCase) || HasToken(rel, "category", StringComparison.OrdinalIgnoreCase));

    // A credit between a picture and its caption ("<img …><span class=\"author\">Facebook</span> CEO Mark Zuckerberg …")
    // or in a figure's caption names who took it; a name after the author's photo with no caption is the author's.
    private static bool IsPictureCredit(IElement element)
    {
        if (element.PreviousElementSibling is { LocalName: "img" or "picture" } && element.NextSibling is IText caption && !string.IsNullOrWhiteSpace(caption.Data))
            return true;
        var depth = 0;
        for (var e = element; e is not null && depth < 4; e = e.ParentElement, depth++)
        {
            if (e.LocalName is "figcaption" or "figure")
                return true;
        }
        return false;
    }

    // How many links to category and tag archives the element holds, counted up to two.
    private static int TopicLinks(IElement element)
    {
        var count = 0;
        foreach (var link in element.GetElementsByTagName("a"))
        {
            if (IsTaxonomyLink(link) && ++count == 2)
                break;
        }
        return count;
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
    internal void AddNames(List<string> names, string text, bool declared = false, bool teams = false, bool dotted = false)
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
        // "Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet": the author label inside a box of labelled lines
        // starts the names, the next label ends them.
        if (InnerAuthorLabel().Match(text) is { Success: true, Index: > 0 } inner)
        {
            text = text[(inner.Index + inner.Length)..];
            if (NextLabel().Match(text) is { Success: true } next)
                text = text[..next.Index];
        }
        text = BylineCue().Replace(text, string.Empty);
        text = BylineTail().Replace(text, string.Empty);
        // "Kirche und Leben, Münster, Germany" on kirche-und-leben.de: the outlet and its address before any name.
        if (declared && text.IndexOf(',', StringComparison.Ordinal) is > 0 and var comma && text.AsSpan(0, comma).Contains(' ')
            && ((SiteName is not null && IsSiteLike(text[..comma], SiteName)) || OnHost(text[..comma])))
            return;
        // Plain words led by one all in lower case are a phrase ("deinen Hochzeitsbloggern", "selbst ist der Mann"),
        // not names; a team keeps its brand ("revamp-it Webteam"), a name its particle ("van Gogh"), an account what
        // follows it ("mitundvoneinander | 31. Dezember 2008").
        if (text.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space && !text.AsSpan(0, space).ContainsAnyExcept(LowerLetters)
            && !text.AsSpan().ContainsAny(PhraseBreaks) && !NameParticles.Contains(text[..space]) && !(teams && IsEditorialTeam(text)))
            return;
        var first = names.Count;
        var parts = Regex.Split(text, @"\s*(?:,|;|&|\||/|\band\b|\bdan\b|\bund\b|\bet\b|\by\b|\bwith\b|\s[-–]\s)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        for (var part = 0; part < parts.Length; part++)
        {
            var raw = parts[part];
            // The tail goes before the brackets are trimmed: "Samuel Diekmann (Sponsored Post)" loses its note whole.
            var name = BylineCue().Replace(BylineTail().Replace(raw.Trim(), string.Empty).Trim(' ', '.', '-', '–', ':', '(', ')', '"', '*', '→', '»'), string.Empty).Trim();
            name = BylineTail().Replace(name, string.Empty).Trim(' ', '.', ':', '*');
            // "Music post by Lisa Knisely", "Posted in Architecture By Raphaelle": the name after a "by" that a few
            // words without digits lead ("Save up to 30% by Selecting …" is a headline); an editor, illustrator or
            // translator after the name is none ("Rob Ewaschuk Edited by Betsy Beyer").
            if (InnerBy().Match(name) is { Success: true, Groups: var g } by)
                name = g["credit"].Success ? name[..g["credit"].Index].TrimEnd() : WordCount(name[..by.Index]) <= 4 && !name.AsSpan(0, by.Index).ContainsAnyInRange('0', '9') ? name[(by.Index + by.Length)..] : name;
            if (Degree().IsMatch(name))
                continue;
            // "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech…": after a name, a job title or an
            // organisation ends the names.
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (names.Count > first && words.Any(w => RoleWords.Contains(w) || OrganisationWords.Contains(w)))
                break;
            // "Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien": after a full name, words that run on in
            // lower case describe the person and end the names ("Von Einheimischen, Gästen und ganz viel Kühen" is
            // a headline: no full name before).
            if (words.Length >= 3 && names.Skip(first).Any(n => n.Contains(' ', StringComparison.Ordinal))
                && words.Skip(1).Any(w => char.IsLower(w[0]) && !NameParticles.Contains(w)))
                break;
            // So do words led by a lower-case one ("Jane Roe, filed under Cities"); after first names alone they make
            // the text a sentence ("Von Einheimischen, Gästen und ganz viel Kühen"), which names no one.
            if (names.Count > first && words.Length >= 2 && char.IsLower(words[0][0]) && !NameParticles.Contains(words[0]))
            {
                if (!names.Skip(first).Any(n => n.Contains(' ', StringComparison.Ordinal)))
                    names.RemoveRange(first, names.Count - first);
                break;
            }
            // "Peter Maahn/SP-X", "David Hutzler, dpa": an agency's short code after a person's name is no author.
            if (names.Skip(first).Any(n => n.Contains(' ', StringComparison.Ordinal)) && words.Length == 1 && name.Count(char.IsLetter) <= 4)
                continue;
            name = WithoutTrailingRole(name, words);
            if (words.Length > 2 && LeadingRoles.Contains(words[0]))
                name = name[(words[0].Length + 1)..];
            name = WithoutChineseRole(name);
            // "Williams Perdomo @wperdomod": the person's handle after the name.
            if (name.IndexOf(" @", StringComparison.Ordinal) is > 0 and var handle && name.AsSpan(handle + 2).IndexOfAny(' ', '@') < 0)
                name = name[..handle];
            if (ForOutlet().Match(name) is { Success: true } outlet && name[..outlet.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } writer
                && LooksLikeName(writer))
                name = name[..outlet.Index];
            if (IsPersonName(name, declared) || (declared && IsUserName(name, dotted)) || (teams && IsEditorialTeam(name)))
                names.Add(name);
            // "hessenschau.de, Frankfurt, Germany", "Bayerische Landesanstalt für Wald und Forstwirtschaft - LWF": after
            // the outlet or an organisation, the parts are its address or the rest of its name, not people.
            else if (part < parts.Length - 1 && IsOrganisation(name))
                break;
        }
    }

    // The outlet a writer works for after the name ("Brendan Carlin For The Mail On Sunday").
    [GeneratedRegex(@"\s(?i:for)\s+(?=\p{Lu}).*$", RegexOptions.CultureInvariant)]
    private static partial Regex ForOutlet();

    // The outlet (its site name or host), or a name shaped as an organisation's (see OrganisationShaped), an editorial
    // team's included.
    private bool IsOrganisation(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (SiteName is not null && IsSiteLike(name, SiteName)) || OnHost(name) || OrganisationShaped(name, words, exceptTeams: false);
    }

    /// <summary>
    /// A legal form or an association's word ("Hanns-Seidel-Stiftung e.V", "Web Commerce GmbH"), an organisation's
    /// word ("Suedtirol Online", "Auto Illustrierte", "Revised Edition"; an editorial team's, "Teufel Blog Redaktion",
    /// unless <paramref name="exceptTeams"/>), initials that spell the host ("Deutsche Welle" on dw.com), or a word the
    /// host spells in a name not written as a person's ("OÖ Volksblatt" on volksblatt.at).
    /// </summary>
    private bool OrganisationShaped(string name, string[] words, bool exceptTeams) =>
        (words.Length > 1 && (LegalForm().IsMatch(name) || (HasOrganisationWord(words) && !(exceptTeams && IsEditorialTeam(name))) || InitialsSpellHost(words)))
        || HostWord(words);

    [GeneratedRegex(@"\s(?:autor(?:in|en)?|author|auteur(?:\(s\))?|verfasser(?:in)?)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InnerAuthorLabel();

    [GeneratedRegex(@"(?:\s(?<credit>(?i:edited|illustrated|translated|photographed|photos)))?\s(?i:by)\s+(?=\p{Lu})", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex InnerBy();

    private static readonly System.Buffers.SearchValues<char> PhraseBreaks = System.Buffers.SearchValues.Create(",;|/&:-–—(0123456789");

    private static readonly System.Buffers.SearchValues<char> LowerLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzäöüßàáâãçèéêëìíîïñòóôõùúûý");

    [GeneratedRegex(@"\s\p{Lu}\p{L}+\s*:(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex NextLabel();

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

    /// <summary>
    /// A Chinese name without the role written before it with no space ("记者王敬照" = reporter 王敬照, "本报记者",
    /// "通讯员", "实习生"): the role goes when two to four characters of the name are left.
    /// </summary>
    private static string WithoutChineseRole(string name)
    {
        foreach (var role in ChineseRoles)
        {
            if (name.StartsWith(role, StringComparison.Ordinal) && name.AsSpan(role.Length).Trim() is { Length: >= 2 and <= 4 } rest
                && !rest.ContainsAnyExceptInRange('\u4E00', '\u9FFF'))
                return rest.ToString();
        }
        return name;
    }

    // Longest first: "本报记者" before "记者".
    private static readonly string[] ChineseRoles = ["本报记者", "特约记者", "见习记者", "记者", "通讯员", "实习生"];

    // Professions written before a name ("Rechtsanwalt Sebastian Einbock").
    private static readonly HashSet<string> LeadingRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "rechtsanwalt", "rechtsanwältin", "fachanwalt", "fachanwältin", "anwalt", "anwältin", "pfarrer", "pfarrerin",
        "redakteur", "redakteurin", "reporter", "reporterin", "korrespondent", "korrespondentin", "journalist", "journalistin",
    };

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
        if (name.Any(char.IsDigit) || name.AsSpan().IndexOfAny('!', '?') >= 0)
            return false;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 6)
            return false;
        if (!words.Any(w => Capital(w[0])))
            return false;
        // One word that is the page's section, as its URL's path begins ("Kultur" on /kultur/…), names no one.
        if (words.Length == 1 && IsSectionWord(name))
            return false;
        // One word in capitals that nothing declares is a dateline's place ("WESTPORT, Wash. July 24, 2012 (AP)") or a
        // label, not a name.
        if (!declared && words.Length == 1 && name.Length > 2 && !name.Any(char.IsLower) && name.Any(char.IsUpper))
            return false;
        if (NotAName().IsMatch(name))
            return false;
        // An organisation is no person; an editorial team's name is not rejected here for its organisation's word.
        if (OrganisationShaped(name, words, exceptTeams: true))
            return false;
        if (SiteName is not null && IsSiteLike(name, SiteName) && !(declared && words.Length is >= 2 and <= 4 && NamesPersonalSite(name, fullName: true)))
            return false;
        // A person's own site is named after them (wolfgangschmale.eu): a declared full name the host spells is theirs.
        if (HostMatches(name) && !(declared && words.Length is >= 2 and <= 4 && LooksLikeName(words) && PlainName(name) && !Determiners.Contains(words[0])))
            return false;
        return true;
    }

    // A legal form, or an association's word ending a word: "e.V", "e. V.", "GmbH", "Caritasverband", "Hanns-Seidel-Stiftung",
    // "Landesanstalt".
    [GeneratedRegex(@"\be\.\s?V\b|\b(?:GmbH|AG|KG|Ltd|Inc|LLC)\b|\p{L}(?i:verband|stiftung|verein|gesellschaft|institut|anstalt)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LegalForm();

    private bool IsSectionWord(string word) => UrlParts()?.Section is { } section && section.Equals(word, StringComparison.OrdinalIgnoreCase);

    // The host holds the text, for a page whose URL has a host ("hard::page.html" has none).
    private bool OnHost(string text) => HostLabels().Count > 0 && HostMatches(text);

    private static bool HasOrganisationWord(string[] words) => words.Any(w => OrganisationWords.Contains(w.Trim('.', ',')));

    // The first letters of a name's words spell a label of the host ("Deutsche Welle", dw.com), not the second level
    // of a country's domain (co.uk, or.at).
    private bool InitialsSpellHost(string[] words)
    {
        if (words.Length > 4 || !words.All(w => char.IsLetter(w[0])))
            return false;
        var initials = string.Concat(words.Select(w => char.ToLowerInvariant(w[0])));
        return initials is not ("co" or "ac" or "or" or "ne" or "go") && HostLabels().Contains(initials);
    }

    // A word of the name, or a run of its words and their hyphenated parts, is a whole label of the host in a name not
    // written as a person's ("OÖ Volksblatt" on volksblatt.at): written so, the host may be named after the person
    // (Helge Fahrnberger on helge.at).
    private bool HostWord(string[] words)
    {
        var labels = HostLabels();
        if (labels.Count == 0 || LooksLikeName(words))
            return false;
        // Words and their hyphenated parts, of which a run may spell one label ("NEW WORK Experience" on new-work.se,
        // "Krimiblog-Archiv" on archiv.krimiblog.de).
        var parts = words.SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)).Select(Normalize).ToArray();
        if (parts.Length < 2)
            return false;
        for (var i = 0; i < parts.Length; i++)
        {
            var run = string.Empty;
            for (var j = i; j < parts.Length && run.Length < 40; j++)
            {
                run = string.Concat(run, parts[j]);
                if (run.Length >= 5 && labels.Contains(run))
                    return true;
            }
        }
        return false;
    }

    // An editorial team named as the author ("Redaktion", "auto-motor.at Redaktion", "PETA-Team", "Editorial Staff"):
    // not a person, but what the page itself declares, and not the outlet's bare name.
    [GeneratedRegex(@"(?:^|[\s\-])(?:redaktion|rédaction|redaction|redacción|redazione|redactie|redaksi|editorial|editors|staff|team|newsroom)(?:$|\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EditorialTeam();

    private static bool IsEditorialTeam(string name) => name.Length <= 60 && EditorialTeam().IsMatch(name);

    // A user name the markup declares as the author ("gnaddrig", "r23"): one token, letters first.
    // In the weaker places read last, a dot may join its parts ("robert.stitz", "Isabella.DiBiase") where each has two
    // characters or more and the last is no top-level domain; where a page declares its author first, a dotted
    // account ("edilson.la.rosa") gives way to the name a later source spells.
    // An acronym the host spells ("DITIB" on ditib.de) is the outlet's, so is a hyphenated word whose part the host
    // spells ("Krimiblog-Archiv" on archiv.krimiblog.de); an account in lower case may be the blog's own
    // ("mywakenews" on mywakenews.wordpress.com), a first name a personal site's ("Heiko" on heiko-adams.de).
    private bool IsUserName(string name, bool dotted = false) =>
        name.Length is >= 2 and <= 30 && char.IsLetter(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' || (dotted && c == '.'))
        && (!name.Contains('.', StringComparison.Ordinal) || (name.Split('.').All(part => part.Length >= 2) && !TopLevelDomains.Contains(name[(name.LastIndexOf('.') + 1)..]) && !HostMatches(name)))
        && !NotAName().IsMatch(name) && !(SiteName is not null && IsSiteLike(name, SiteName) && !(name.All(char.IsLower) && NamesPersonalSite(name, fullName: false)))
        && !(name.All(char.IsUpper) && HostLabels().Contains(Normalize(name))) && !HostWord([name]);

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
        // A name led by an article is an outlet's ("Die FURCHE" in "Achtsam durch die Krise | Die FURCHE").
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (Determiners.Contains(words[0]))
            return false;
        if (site.Length > person.Length)
            return true;
        // A site named like a person but led by a form of address is a title ("Madame Figaro").
        return fullName && !HasOrganisationWord(words) && !AddressForm().IsMatch(words[0]);
    }

    private static readonly HashSet<string> TopLevelDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "net", "org", "de", "at", "ch", "uk", "fr", "it", "es", "nl", "be", "pl", "eu", "io", "info", "biz", "co", "us", "id", "jp", "cn", "ru", "tv", "me", "blog", "online", "news",
    };

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
        "illustrierte", "edition",
    };

    private static readonly string[] BylineClassWords = ["byline", "author", "Author", "penulis", "reporter", "writer", "autor", "posted-by", "submitted"];

    private static readonly string[] BylineIdWords = ["byline", "author"];

    // A class token whose parts name an author's box: "author-bio", "wp-about-author-text", "author_box".
    private static bool IsAuthorBox(string? classes)
    {
        foreach (var token in (classes ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = token.Split('-', '_');
            if (parts.Any(p => p is "author" or "autor") && parts.Any(p => p is "bio" or "box" or "about" or "profile" or "card"))
                return true;
        }
        return false;
    }
}
