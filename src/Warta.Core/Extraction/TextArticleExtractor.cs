using System.Text;
using System.Text.RegularExpressions;
using Warta.Model;

namespace Warta.Extraction;

/// <summary>
/// Cleans already-extracted text (the seed documents' kind) into an article: finds the title (also printed twice
/// or glued to a breadcrumb), the outlet and dateline that open the body, the byline and publication date (also
/// inside a masthead line of menu words), and removes boilerplate lines — each removal kept as a
/// <see cref="RemovedSpan"/> with a <see cref="RemovalReasons"/> code — then collapses a block printed twice.
/// </summary>
/// <remarks>
/// Nothing assumes a language: lines are judged by their shape (length, capitalisation, sentence punctuation,
/// dates) and by the multilingual phrase lists of <see cref="CleaningPhrases"/>. Stateless across documents.
/// </remarks>
public sealed partial class TextArticleExtractor
{
    private const string Title = "\u0001title";

    private readonly TextCleaningOptions _options;
    private readonly CleaningPhrases _phrases;

    public TextArticleExtractor(TextCleaningOptions? options = null)
    {
        _options = options ?? new TextCleaningOptions();
        _options.Validate();
        _phrases = _options.Phrases ?? CleaningPhrases.Default;
    }

    private const string Domain = @"[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.(?:com|net|org|id|co|info|news|tv|asia|my|sg|uk|us|au|ph|in|io)(?![\p{L}\d])";
    private const string Place = @"\p{Lu}[\p{L}.'-]*(?:\s\p{Lu}[\p{L}.'-]*){0,2}";

    // "Radartasik.com, Kazakhstan, Menteri …", "Bogordaily.net bersedia …", "Kompas.com - …"
    [GeneratedRegex(@"^(?<outlet>" + Domain + @")(?:\s*[,\-–—:|]\s*(?<place>" + Place + @")\s*[,\-–—]\s+|\s*[,\-–—:|]\s*|\s+)(?=\S)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex OutletOpening();

    // "JAKARTA, KOMPAS.com - …"
    [GeneratedRegex(@"^(?<place>" + Place + @")\s*,\s*(?<outlet>" + Domain + @")\s*[-–—]\s*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnoreCase)]
    private static partial Regex PlaceOutletOpening();

    // "Jakarta (ANTARA) - …", "Beijing, 10/1 (Xinhua) — …"
    [GeneratedRegex(@"^(?<place>" + Place + @")\s*(?:,[^()\n]{1,30}?)?\s*\((?<agency>[^()\n]{2,40})\)\s*[-–—]\s*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex PlaceAgencyOpening();

    // "JAKARTA - …", "NEW YORK, …", "HANOI, Vietnam — …" (a place in capitals)
    [GeneratedRegex(@"^(?<place>\p{Lu}{3,}(?:\s\p{Lu}{2,}){0,2}(?:,\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?)\s*[-–—]\s+(?=\S)|^(?<place>\p{Lu}{3,}(?:\s\p{Lu}{2,}){0,2}),\s+(?=\S)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CapitalPlaceOpening();

    [GeneratedRegex(@"\s*(?:\*{3,}|\((?:\*{1,3}|end|selesai|tamat)\)|\[(?:end|selesai)\])\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex EndMark();

    [GeneratedRegex(@"[ \t\u00A0\u2000-\u200B\u202F\u205F\u3000]+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    // White space other than the plain space that SplitLines collapses (with runs of spaces) into one space.
    private const string OddSpaceChars = "\t\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u202F\u205F\u3000";

    private static readonly System.Buffers.SearchValues<char> OddSpaces = System.Buffers.SearchValues.Create(OddSpaceChars);

    public Article Extract(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Extract(input, SplitLines(input.Body, _options));
    }

    /// <summary>
    /// Cleans paragraphs that would otherwise be joined into <see cref="RawInput.Body"/> with blank lines (the HTML
    /// extractor's): when each is already one line as <see cref="SplitLines"/> gives it, they are taken as they
    /// are, with no joined copy to split again; otherwise they are joined and split. <see cref="RawInput.Body"/> is
    /// not read.
    /// </summary>
    internal Article Extract(RawInput input, IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(paragraphs);
        return Extract(input, AreLines(paragraphs, _options) ? [.. paragraphs.Where(p => p.Length > 0)] : SplitLines(string.Join("\n\n", paragraphs), _options));
    }

    private Article Extract(RawInput input, List<string> lines)
    {
        var doc = new Document(lines);
        ClassifyBoilerplate(doc);
        FindPageDate(doc);
        FindBylinesAndDates(doc);
        var title = FindTitle(doc, input.Title);
        FindMastheads(doc, title);
        var (outlet, dateline) = FindOpening(doc);
        StripEndMark(doc);

        var bodyIndexes = new List<int>(doc.Lines.Count);
        for (var i = 0; i < doc.Lines.Count; i++)
        {
            if (doc.Reason[i] is null && doc.Lines[i].Length > 0)
                bodyIndexes.Add(i);
        }
        var bodyTexts = bodyIndexes.Select(i => doc.Lines[i]).ToList();
        var collapsed = RepeatCollapser.Collapse(bodyTexts);
        var body = new List<string>(bodyTexts.Count);
        for (var k = 0; k < bodyTexts.Count; k++)
        {
            if (collapsed.Dropped[k])
                doc.Remove(bodyIndexes[k], bodyTexts[k], RemovalReasons.RepeatedBlock);
            else
                body.Add(bodyTexts[k]);
        }

        var published = input.Published;
        var precision = published is null ? (DatePrecision?)null : DatePrecision.Zoned;
        if (published is null && doc.Published is { } found)
        {
            published = found.Value;
            precision = found.Precision;
        }

        return new Article
        {
            Source = input.Source,
            Url = input.Url,
            ExternalId = input.ExternalId,
            Title = input.Title ?? title,
            Text = string.Join("\n\n", body),
            Published = published,
            PublishedPrecision = precision,
            Authors = doc.Authors,
            Outlet = input.Outlet ?? outlet,
            Dateline = dateline,
            Language = input.Language,
            Removed = doc.RemovedInOrder(),
            Repeats = collapsed.Repeats,
        };
    }

    private sealed class Document(List<string> lines)
    {
        public List<string> Lines { get; } = lines;

        // Null: body; Title: the title line; otherwise the reason the whole line went.
        public string?[] Reason { get; } = new string?[lines.Count];

        // Each line as CleaningPhrases.Normalize gives it, as split (before the opening and an end mark are cut).
        public string[] Normalized { get; } = new string[lines.Count];

        public List<string> Authors { get; } = [];

        private IReadOnlyList<DateMention>?[]? _dates;
        private int[]? _words;

        // The dates in a line as split, found once for the byline, date and masthead passes.
        public IReadOnlyList<DateMention> DatesIn(int line) =>
            (_dates ??= new IReadOnlyList<DateMention>?[Lines.Count])[line] ??= DateParser.FindAll(Lines[line]);

        // Whether a line as split has at most this many words (max at most countedWords); counted once per line.
        public bool AtMostWords(int line, int max, int countedWords)
        {
            _words ??= new int[Lines.Count];
            if (_words[line] == 0)
                _words[line] = WordCount(Lines[line], countedWords) + 1;
            return _words[line] - 1 <= max;
        }

        public (DateTimeOffset Value, DatePrecision Precision)? Published { get; set; }

        private readonly List<(int Line, int Order, RemovedSpan Span)> _removed = [];

        public void Remove(int line, string text, string reason)
        {
            var trimmed = text.Trim();
            if (trimmed.Length > 0)
                _removed.Add((line, _removed.Count, new RemovedSpan(trimmed, reason)));
        }

        public void RemoveLine(int line, string reason)
        {
            Reason[line] = reason;
            Remove(line, Lines[line], reason);
        }

        public IReadOnlyList<RemovedSpan> RemovedInOrder() =>
            _removed.OrderBy(r => r.Line).ThenBy(r => r.Order).Select(r => r.Span).ToList();

        public void OfferPublished(DateTimeOffset value, DatePrecision precision)
        {
            // The first zoned date wins over an earlier vaguer one; otherwise the first found.
            if (Published is null || (Published.Value.Precision != DatePrecision.Zoned && precision == DatePrecision.Zoned))
                Published = (value, precision);
        }
    }

    private static List<string> SplitLines(string body, TextCleaningOptions options)
    {
        var text = body.Length > options.MaxInputChars ? body[..options.MaxInputChars] : body;
        var lines = new List<string>();
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty)
                continue;
            lines.Add(line.ContainsAny(OddSpaces) || line.Contains("  ", StringComparison.Ordinal)
                ? Spaces().Replace(line.ToString(), " ")
                : line.ToString());
            if (lines.Count == options.MaxLines)
                break;
        }
        return lines;
    }

    // Whether SplitLines would give these paragraphs back unchanged (empty ones aside): no line break inside, no
    // white space at either end, no run of spaces or odd space to collapse, and within the input and line limits.
    private static bool AreLines(IReadOnlyList<string> paragraphs, TextCleaningOptions options)
    {
        if (paragraphs.Count > options.MaxLines)
            return false;
        var chars = 0L;
        foreach (var p in paragraphs)
        {
            chars += p.Length + 2;
            if (p.Length == 0)
                continue;
            if (char.IsWhiteSpace(p[0]) || char.IsWhiteSpace(p[^1]) || p.AsSpan().ContainsAny(LineBreaksAndOddSpaces)
                || p.Contains("  ", StringComparison.Ordinal))
                return false;
        }
        return chars <= options.MaxInputChars;
    }

    // The line breaks EnumerateLines splits at, and the odd spaces.
    private static readonly System.Buffers.SearchValues<char> LineBreaksAndOddSpaces =
        System.Buffers.SearchValues.Create("\r\n\f\u0085\u2028\u2029" + OddSpaceChars);

    private void ClassifyBoilerplate(Document doc)
    {
        for (var i = 0; i < doc.Lines.Count; i++)
        {
            var normalized = doc.Normalized[i] = CleaningPhrases.Normalize(doc.Lines[i]);
            var reason = Boilerplate(doc.Lines[i], normalized);
            if (reason is not null)
                doc.RemoveLine(i, reason);
        }
    }

    /// <summary>The reason a line is boilerplate, or null for body text.</summary>
    /// <remarks>
    /// A related-article cue ("Baca juga", "Read more") removes the line when a separator follows the cue
    /// ("BACA JUGA: …", "Read more | …") or when the rest is a headline: at most
    /// <see cref="TextCleaningOptions.MaxTeaserWords"/> words not ending a sentence. A longer line, or one ending
    /// in a full stop, is prose that happens to start with the same words ("Baca juga buku-buku sejarahnya
    /// sebelum berkunjung ke museum, saran pemandu itu.") and stays.
    /// </remarks>
    internal string? Boilerplate(string line) => Boilerplate(line, CleaningPhrases.Normalize(line));

    private string? Boilerplate(string line, string normalized)
    {
        if (normalized.Length == 0)
            return EndMark().IsMatch(line) ? RemovalReasons.EndMark : null;
        // A normalized line is words between single spaces.
        var words = normalized.AsSpan().Count(' ') + 1;
        if (_phrases.WholeLine(normalized) is { } whole)
            return whole;
        if (_phrases.Prefix(normalized) is { } prefix)
        {
            if (prefix.Reason == RemovalReasons.RelatedTeaser)
            {
                var rest = normalized.AsSpan(prefix.Phrase.Length).TrimStart(' ');
                var separated = !rest.IsEmpty && rest[0] is ':' or '|' or '-' or '–' or '—' or '»' or '>' or '›';
                // The cue alone is the heading of a teaser box, whatever mark closes it ("Das könnte Sie auch
                // interessieren!", "Schon gelesen?").
                if (separated || rest.IsEmpty || (words <= _options.MaxTeaserWords && !EndsSentence(line)))
                    return prefix.Reason;
            }
            else if (words <= _options.MaxBoilerplateWords)
            {
                return prefix.Reason;
            }
        }
        if (words <= _options.MaxBoilerplateWords && _phrases.Contained(normalized) is { } contained)
            return contained;
        if (words >= 2 && !EndsSentence(line) && VocabularyLine(normalized) is { } vocabulary)
            return vocabulary;
        if (words <= 12 && SourceLine(normalized))
            return RemovalReasons.SourceLine;
        return null;
    }

    // Every word is a menu or share word ("Facebook Twitter WhatsApp", "Home › Berita › Dunia").
    private string? VocabularyLine(string normalized)
    {
        string? reason = null;
        var count = 0;
        foreach (var range in normalized.AsSpan().SplitAny(" |»›>/·•"))
        {
            var word = normalized[range];
            if (word.Length == 0)
                continue;
            if (_phrases.Word(word) is not { } r)
                return null;
            // A line mixing menu and share words is a menu.
            reason = reason is null || reason == r ? r : RemovalReasons.Navigation;
            count++;
        }
        if (reason == RemovalReasons.Navigation && count < 3)
            return null;
        if (reason == RemovalReasons.Navigation && normalized.AsSpan().IndexOfAny("|»›>/") >= 0)
            return RemovalReasons.Breadcrumb;
        return reason;
    }

    private bool SourceLine(string normalized)
    {
        foreach (var (cue, role) in _phrases.Cues)
        {
            if (role == RemovalReasons.SourceLine && normalized.StartsWith(cue, StringComparison.Ordinal) &&
                normalized.Length > cue.Length + 1 && normalized.AsSpan(cue.Length).TrimStart(' ') is [':', ..])
                return true;
        }
        return false;
    }

    private static void FindPageDate(Document doc)
    {
        // A date alone on the document's first line precedes the article: the page's (crawl) date, not the publication's.
        if (doc.Lines.Count > 1 && doc.Reason[0] is null && DateParser.TryParse(doc.Lines[0], out _, out _))
            doc.RemoveLine(0, RemovalReasons.PageDate);
    }

    private string? FindTitle(Document doc, string? given)
    {
        var candidates = new List<int>();
        for (var i = 0; i < doc.Lines.Count && candidates.Count < 8; i++)
        {
            if (doc.Reason[i] is null)
                candidates.Add(i);
        }

        if (given is not null)
        {
            var g = CleaningPhrases.Normalize(given);
            foreach (var i in candidates)
            {
                var n = doc.Normalized[i];
                if (n == g)
                    doc.RemoveLine(i, RemovalReasons.TitleRepeat);
                else if (GluedPrefix(n, g))
                    doc.RemoveLine(i, RemovalReasons.Breadcrumb);
            }
            return given;
        }

        // A title printed twice, or once glued to a breadcrumb ("HomeBeritaChina Tawarkan …" then "China Tawarkan …").
        var normalized = candidates.ConvertAll(i => doc.Normalized[i]);
        var shaped = candidates.ConvertAll(i => TitleShaped(doc.Lines[i]));
        for (var x = 0; x < candidates.Count; x++)
        {
            for (var y = x + 1; y < candidates.Count && y <= x + 3; y++)
            {
                int a = candidates[x], b = candidates[y];
                if (!shaped[x] && !shaped[y])
                    continue;
                var na = normalized[x];
                var nb = normalized[y];
                if (na == nb && shaped[x])
                    return TakeTitle(doc, a, b, RemovalReasons.TitleRepeat);
                if (GluedPrefix(na, nb) && shaped[y])
                    return TakeTitle(doc, b, a, RemovalReasons.Breadcrumb);
                if (GluedPrefix(nb, na) && shaped[x])
                    return TakeTitle(doc, a, b, RemovalReasons.Breadcrumb);
            }
        }

        // Otherwise the first line shaped like a title, when body text follows it.
        if (candidates.Count >= 2 && shaped[0])
        {
            doc.Reason[candidates[0]] = Title;
            return doc.Lines[candidates[0]];
        }
        return null;
    }

    private static string TakeTitle(Document doc, int title, int other, string reason)
    {
        doc.Reason[title] = Title;
        doc.RemoveLine(other, reason);
        return doc.Lines[title];
    }

    // "homeberitachina tawarkan …" ends with "china tawarkan …" after a short prefix of menu words.
    private static bool GluedPrefix(string longer, string title) =>
        longer.Length > title.Length && longer.Length - title.Length <= 60 && title.Contains(' ', StringComparison.Ordinal) &&
        longer.EndsWith(title, StringComparison.Ordinal);

    private bool TitleShaped(string line)
    {
        var words = WordCount(line);
        return words >= 2 && words <= _options.MaxTitleWords && line.Length <= 300 && !EndsSentence(line) &&
            !DateParser.TryParse(line, out _, out _);
    }

    // Byline and date lines first, so neither is taken for the title.
    private void FindBylinesAndDates(Document doc)
    {
        for (var i = 0; i < doc.Lines.Count; i++)
        {
            if (doc.Reason[i] is not null)
                continue;
            // A date line is a cue and a date; a byline at most a few names per role (both far below 25 words).
            if (doc.AtMostWords(i, 25, CountedWords))
                _ = DateLine(doc, i) || BylineLine(doc, i);
        }
    }

    private void FindMastheads(Document doc, string? title)
    {
        var titleWords = title is null ? [] : RepeatCollapser.Tokenize(title).ConvertAll(w => w.ToString());
        for (var i = 0; i < doc.Lines.Count; i++)
        {
            if (doc.Reason[i] is not null || !doc.AtMostWords(i, _options.MaxHeaderWords, CountedWords))
                continue;
            if (!MastheadLine(doc, i, titleWords) && NavigationLine(doc.Lines[i]))
                doc.RemoveLine(i, RemovalReasons.Navigation);
        }
    }

    // "Selasa, 11 Januari 2022 – 05:20 WIB", "Published: Nov. 5, 2015" on a line of their own.
    private static bool DateLine(Document doc, int i)
    {
        var line = doc.Lines[i];
        var mentions = doc.DatesIn(i);
        if (mentions.Count != 1)
            return false;
        var m = mentions[0];
        var before = line.AsSpan(0, m.Start).Trim().TrimEnd(':').Trim();
        var after = line.AsSpan(m.End);
        foreach (var ch in after)
        {
            if (char.IsLetterOrDigit(ch))
                return false;
        }
        // At most a cue of two words before the date ("Diterbitkan", "Published on").
        if (WordCount(before.ToString()) > 2 || before.IndexOfAny(".!?“”\"") >= 0)
            return false;
        doc.OfferPublished(m.Value, m.Precision);
        doc.RemoveLine(i, RemovalReasons.PublicationDate);
        return true;
    }

    // "Oleh: Esnoe Faqih Wardhana", "By Jane Doe and John Roe", "Reporter: A | Editor: B".
    private bool BylineLine(Document doc, int i)
    {
        var line = doc.Lines[i];
        var authors = new List<string>();
        var any = false;
        foreach (var segment in line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryByline(segment, out var role, out var names))
                return false;
            any = true;
            if (role == RemovalReasons.Byline)
                authors.AddRange(names);
        }
        if (!any)
            return false;
        foreach (var a in authors)
        {
            if (!doc.Authors.Contains(a, StringComparer.Ordinal))
                doc.Authors.Add(a);
        }
        doc.RemoveLine(i, RemovalReasons.Byline);
        return true;
    }

    private bool TryByline(string segment, out string role, out List<string> names)
    {
        role = string.Empty;
        names = [];
        var normalized = segment.TrimStart();
        foreach (var (cue, cueRole) in _phrases.Cues)
        {
            if (cueRole == RemovalReasons.SourceLine || normalized.Length <= cue.Length ||
                !normalized.StartsWith(cue, StringComparison.OrdinalIgnoreCase) || char.IsLetterOrDigit(normalized[cue.Length]))
                continue;
            var rest = normalized[cue.Length..].TrimStart(' ', ':', '-', '–', '—').Trim();
            var colon = normalized.AsSpan(cue.Length).TrimStart(' ') is [':', ..];
            if (rest.Length == 0 || WordCount(rest) > 10)
                return false;
            foreach (var name in rest.Split([",", "&", " dan ", " and ", ";"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var clean = name.TrimEnd('.', ' ');
                if (!colon && !Capitalized(clean))
                    return false;
                if (clean.Length > 0)
                    names.Add(clean);
            }
            role = cueRole;
            return names.Count > 0;
        }
        return false;
    }

    /// <summary>
    /// A masthead line: menu words, the title again, the author and the publication date run together with no
    /// sentence punctuation ("Home Asia Pasifik … Tawarkan Dukungan Keamanan pada Kazakhstan Esnoe Faqih Wardhana
    /// Selasa, 11 Januari 2022 – 05:20 WIB."). Split into navigation, title-repeat, byline and publication-date.
    /// </summary>
    private bool MastheadLine(Document doc, int i, List<string> titleWords)
    {
        var line = doc.Lines[i];
        var mentions = doc.DatesIn(i);
        if (mentions.Count == 0)
            return false;
        var date = mentions[^1];
        foreach (var ch in line.AsSpan(date.End))
        {
            if (char.IsLetterOrDigit(ch))
                return false;
        }
        var pre = line[..date.Start].TrimEnd();
        if (pre.AsSpan().IndexOfAny(",;:!?“”\"().") >= 0)
            return false;
        var words = pre.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
            return false;
        var capitalized = words.Count(w => char.IsUpper(w[0]));
        var menu = words.Count(w => _phrases.Word(w.ToLowerInvariant()) == RemovalReasons.Navigation);
        if (capitalized * 10 < words.Length * 7 || (menu < 2 && _phrases.Word(words[0].ToLowerInvariant()) != RemovalReasons.Navigation))
            return false;

        // The longest run of the title's words inside the line splits menu from byline.
        var (runStart, runLength) = LongestTitleRun(words, titleWords);
        var navEnd = words.Length;
        var bylineStart = words.Length;
        if (runLength >= 3)
        {
            navEnd = runStart;
            bylineStart = runStart + runLength;
        }
        var byline = words[bylineStart..];
        var isByline = byline.Length is >= 1 and <= 5 && byline.All(w => char.IsUpper(w[0]) && _phrases.Word(w.ToLowerInvariant()) is null);
        doc.Reason[i] = RemovalReasons.Navigation;
        if (navEnd > 0)
            doc.Remove(i, string.Join(' ', words[..navEnd]), RemovalReasons.Navigation);
        if (runLength >= 3)
            doc.Remove(i, string.Join(' ', words[runStart..(runStart + runLength)]), RemovalReasons.TitleRepeat);
        if (byline.Length > 0)
        {
            var text = string.Join(' ', byline);
            doc.Remove(i, text, isByline ? RemovalReasons.Byline : RemovalReasons.Navigation);
            if (isByline && !doc.Authors.Contains(text, StringComparer.Ordinal))
                doc.Authors.Add(text);
        }
        var role = date.Precision == DatePrecision.Day && date.Role == DateRole.Page ? RemovalReasons.PageDate : RemovalReasons.PublicationDate;
        doc.Remove(i, line[date.Start..], role);
        if (role == RemovalReasons.PublicationDate)
            doc.OfferPublished(date.Value, date.Precision);
        return true;
    }

    private static (int Start, int Length) LongestTitleRun(string[] words, List<string> title)
    {
        var best = (0, 0);
        for (var s = 0; s < words.Length; s++)
        {
            for (var t = 0; t < title.Count; t++)
            {
                var k = 0;
                while (s + k < words.Length && t + k < title.Count &&
                       string.Equals(words[s + k], title[t + k], StringComparison.OrdinalIgnoreCase))
                    k++;
                if (k > best.Item2)
                    best = (s, k);
            }
        }
        return best;
    }

    // A short line of capitalised menu words with no sentence punctuation ("Home Asia Pasifik Eropa Amerika").
    private bool NavigationLine(string line)
    {
        if (line.AsSpan().IndexOfAny(",;:!?“”\".") >= 0)
            return false;
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
            return false;
        var menu = words.Count(w => _phrases.Word(w.ToLowerInvariant()) == RemovalReasons.Navigation);
        return menu * 10 >= words.Length * 7;
    }

    private static (string? Outlet, string? Dateline) FindOpening(Document doc)
    {
        var first = Array.IndexOf(doc.Reason, null);
        if (first < 0)
            return (null, null);
        var line = doc.Lines[first];
        string? outlet = null;
        string? dateline = null;
        Match m;
        if ((m = OutletOpening().Match(line)).Success)
        {
            outlet = m.Groups["outlet"].Value;
            doc.Remove(first, outlet, RemovalReasons.Outlet);
            if (m.Groups["place"].Success)
            {
                dateline = m.Groups["place"].Value;
                doc.Remove(first, dateline, RemovalReasons.Dateline);
            }
        }
        else if ((m = PlaceOutletOpening().Match(line)).Success)
        {
            outlet = m.Groups["outlet"].Value;
            dateline = m.Groups["place"].Value;
            doc.Remove(first, dateline, RemovalReasons.Dateline);
            doc.Remove(first, outlet, RemovalReasons.Outlet);
        }
        else if ((m = PlaceAgencyOpening().Match(line)).Success)
        {
            dateline = m.Groups["place"].Value;
            doc.Remove(first, m.Value, RemovalReasons.Dateline);
        }
        else if ((m = CapitalPlaceOpening().Match(line)).Success)
        {
            dateline = m.Groups["place"].Value;
            doc.Remove(first, m.Value, RemovalReasons.Dateline);
        }
        else
        {
            return (null, null);
        }
        var rest = line[m.Length..].Trim();
        if (rest.Length == 0)
            doc.Reason[first] = RemovalReasons.Dateline;
        doc.Lines[first] = rest;
        return (outlet, dateline);
    }

    private static void StripEndMark(Document doc)
    {
        for (var i = doc.Lines.Count - 1; i >= 0; i--)
        {
            if (doc.Reason[i] is not null)
                continue;
            var m = EndMark().Match(doc.Lines[i]);
            if (m.Success)
            {
                doc.Remove(i, m.Value, RemovalReasons.EndMark);
                doc.Lines[i] = doc.Lines[i][..m.Index];
                if (doc.Lines[i].Length == 0)
                    doc.Reason[i] = RemovalReasons.EndMark;
            }
            return;
        }
    }

    private static bool EndsSentence(string line)
    {
        var t = line.AsSpan().TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '"' or '”' or '»' or '。';
    }

    private static bool Capitalized(string name)
    {
        foreach (var w in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!char.IsUpper(w[0]) && w is not ("de" or "van" or "bin" or "binti" or "al" or "von" or "da"))
                return false;
        }
        return name.Length > 0;
    }

    // How far the byline and masthead passes count a line's words (most body lines are longer).
    private int CountedWords => Math.Max(25, _options.MaxHeaderWords);

    private static int WordCount(string text, int stopAbove = int.MaxValue)
    {
        var count = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            var space = char.IsWhiteSpace(ch);
            if (!space && !inWord && ++count > stopAbove)
                break;
            inWord = !space;
        }
        return count;
    }
}

/// <summary>Options for <see cref="TextArticleExtractor"/>; every member has a working default.</summary>
public sealed class TextCleaningOptions
{
    /// <summary>Phrase lists; defaults to the bundled <c>Resources/cleaning/boilerplate.tsv</c>.</summary>
    public CleaningPhrases? Phrases { get; init; }

    /// <summary>Input beyond this many characters is ignored (default 1,000,000: far above any article).</summary>
    public int MaxInputChars { get; init; } = 1_000_000;

    /// <summary>Non-empty lines beyond this count are ignored (default 10,000).</summary>
    public int MaxLines { get; init; } = 10_000;

    /// <summary>A line starting with a teaser cue and at most this many words, not ending a sentence, is a teaser (default 20).</summary>
    public int MaxTeaserWords { get; init; } = 20;

    /// <summary>Prefix and contained phrases remove a line only up to this many words (default 30), so prose that quotes them stays.</summary>
    public int MaxBoilerplateWords { get; init; } = 30;

    /// <summary>The longest title in words (default 30).</summary>
    public int MaxTitleWords { get; init; } = 30;

    /// <summary>Masthead, byline and date lines are at most this many words (default 60).</summary>
    public int MaxHeaderWords { get; init; } = 60;

    public void Validate()
    {
        AtLeast(MaxInputChars, 1, nameof(MaxInputChars));
        AtLeast(MaxLines, 1, nameof(MaxLines));
        AtLeast(MaxTeaserWords, 1, nameof(MaxTeaserWords));
        AtLeast(MaxBoilerplateWords, 1, nameof(MaxBoilerplateWords));
        AtLeast(MaxTitleWords, 2, nameof(MaxTitleWords));
        AtLeast(MaxHeaderWords, 3, nameof(MaxHeaderWords));
    }

    private static void AtLeast(int value, int minimum, string name)
    {
        if (value < minimum)
            throw new ArgumentOutOfRangeException(name, value, $"must be at least {minimum}");
    }
}
