using System.Globalization;
using System.Text.RegularExpressions;
using Warta.Model;

namespace Warta.Extraction.Html;

// Published and modified dates: declared in JSON-LD and meta tags, shown in date elements and datelines, and in the
// URL; the page's own offset kept.
internal sealed partial class HtmlMetadataReader
{
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

    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})[/-](?<m>0?[1-9]|1[0-2])[/-](?<d>0?[1-9]|[12][0-9]|3[01])(?:/|$|[-_])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"/(?<y>(?:19|20)[0-9]{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12][0-9]|3[01])(?:/|[-_]|[0-9]{2,6}[/-_])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlCompactDate();

    [GeneratedRegex(@"/(?<d>0[1-9]|[12][0-9]|3[01])-(?<m>0[1-9]|1[0-2])-(?<y>(?:19|20)[0-9]{2})(?:/|$|[-_.])", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UrlDayFirstDate();

    // The best-stated visible date near the body: zoned before local time before a bare day.
    private void ReadShownDate(IReadOnlyList<string> headerLines, int leadLines)
    {
        PreferShownDeclaredDate(headerLines, leadLines);
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
                if (line.Length <= 200 && VisibleDates.Find(line) is { } other && Plausible(other.Value))
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
    }

    /// <summary>
    /// When the date chosen from the markup is shown nowhere in the document title and the article's header and
    /// footer lines while the title or the lines above the body show the day of another date its markup declares
    /// (a <c>time</c> element beside a JSON-LD date of a template or an earlier draft, a meta date beside a URL's
    /// filing day, a print edition's day in the title beside a late-evening draft time), that other date is the
    /// page's. A day stored as local midnight and written in UTC ("23:00Z" for a page that shows the next day
    /// above its body) is the day shown; no offset is guessed, the day alone is kept.
    /// </summary>
    private void PreferShownDeclaredDate(IReadOnlyList<string> headerLines, int leadLines)
    {
        if (Published is not { } chosen || _sources.GetValueOrDefault("published") is not { } source
            || source.StartsWith("text:", StringComparison.Ordinal) || source is "html:date-element" or "html:title")
            return;
        var (all, shown) = ShownDays([DocumentTitle, .. headerLines], leadLines + 1);
        if (shown.Count == 0 || all.Contains(DateOnly.FromDateTime(chosen.DateTime)))
            return;
        foreach (var (date, precision, from) in _declaredDates)
        {
            if (shown.Contains(DateOnly.FromDateTime(date.DateTime)))
            {
                Published = date;
                PublishedPrecision = precision;
                SetSource("published", from + "+shown");
                return;
            }
        }
        if (PublishedPrecision == DatePrecision.Zoned && chosen.Offset == TimeSpan.Zero && chosen.Hour >= 10 && chosen.Minute == 0 && chosen.Second == 0
            && shown.Contains(DateOnly.FromDateTime(chosen.DateTime).AddDays(1)))
        {
            Published = new DateTimeOffset(chosen.Date.AddDays(1), TimeSpan.Zero);
            PublishedPrecision = DatePrecision.Day;
            SetSource("published", source + "+shown-day");
        }
        else if (source != "url" && !SameDayAsUrl(chosen) && ShownDateline(headerLines, leadLines) is { } line && !SameInstantElsewhere(line.Value))
        {
            Published = line.Value;
            PublishedPrecision = line.Precision;
            _publishedText = line.Text;
            SetSource("published", "text:dateline+shown");
        }
    }

    // Words before a date that label it the publication date ("Erstellt am:", "Stand:", "Published:").
    private static readonly string[] PublicationLabels =
    [
        "erstellt", "erschienen", "veröffentlicht", "publiziert", "stand", "published", "posted", "publié", "mis en ligne",
        "mise en ligne", "publicado", "pubblicato", "datum", "date",
    ];

    /// <summary>
    /// A line above the body that is a date: a short one with the date alone, with its time, after a byline or
    /// place ("von eseppelt · 31. Oktober 2023", "am 20.09.2020") or after a publication label ("Erstellt am:
    /// 01.11.2023"), or a longer one that starts with it ("05.02.2020 - Redaktion: …"); a date after another label
    /// ("Termin: 21.02.2020") is an event's.
    /// </summary>
    private static DateMention? ShownDateline(IReadOnlyList<string> headerLines, int leadLines)
    {
        for (var i = 0; i < leadLines && i < headerLines.Count; i++)
        {
            var line = headerLines[i];
            if (line.Length > 200 || VisibleDates.Find(line) is not { } date || !Plausible(date.Value) || (line.Length > 40 && date.Start > 0))
                continue;
            var before = line[..date.Start];
            if (before.Contains(':', StringComparison.Ordinal) && !PublicationLabels.Any(l => before.Contains(l, StringComparison.OrdinalIgnoreCase)))
                continue;
            return date;
        }
        return null;
    }

    // A zoned instant is on the shown day somewhere on Earth (offsets -12 to +14 hours): the shown day may be the
    // page's own local day, which the wall-clock check in ReadShownDate turns into an offset, not a new date.
    private bool SameInstantElsewhere(DateTimeOffset shown) =>
        PublishedPrecision == DatePrecision.Zoned && Published is { } zoned
        && shown.Date >= zoned.UtcDateTime.AddHours(-12).Date && shown.Date <= zoned.UtcDateTime.AddHours(14).Date;

    private bool SameDayAsUrl(DateTimeOffset date) =>
        (_url ?? CanonicalLink()) is { } url && UrlDateOf(url) is { } day && day.Date == date.Date;

    // The days of every date shown in the header and footer lines, and those of the lead lines alone (above and at
    // the top of the body) that no update cue marks: what the page shows beside its headline as its date. A
    // date-class element anywhere is not counted: on trafilatura-eval it is a related teaser's or a comment's date
    // as often as the page's.
    private static (HashSet<DateOnly> All, HashSet<DateOnly> Lead) ShownDays(IReadOnlyList<string> headerLines, int leadLines)
    {
        var all = new HashSet<DateOnly>();
        var lead = new HashSet<DateOnly>();
        for (var i = 0; i < headerLines.Count; i++)
        {
            if (headerLines[i].Length > 200)
                continue;
            foreach (var mention in VisibleDates.All(headerLines[i]))
            {
                var day = DateOnly.FromDateTime(mention.Value.DateTime);
                if (i >= leadLines && InSentence(headerLines[i], mention.Start))
                    continue;
                all.Add(day);
                // "11/01/2021" reads as either day first or month first ("01.11.2023" is read day first only).
                if (day.Day <= 12 && day.Month != day.Day && mention.Text.Contains('/', StringComparison.Ordinal) && !mention.Text.Any(char.IsLetter))
                    all.Add(new DateOnly(day.Year, day.Day, day.Month));
                if (i < leadLines && !VisibleDates.AfterUpdateCue(headerLines[i], mention.Start))
                    lead.Add(day);
            }
        }
        return (all, lead);
    }

    // A date after four or more words of its line that label no publication is one a sentence talks about
    // ("Über dieses Thema berichtete Inforadio am 29. April 2020 um 09:53 Uhr."), not the page's date.
    private static bool InSentence(string line, int start)
    {
        var before = line.AsSpan(0, start);
        var words = 0;
        foreach (var range in before.SplitAny(" \u00A0"))
        {
            if (before[range].ContainsAnyExcept(" \u00A0"))
                words++;
        }
        if (words < 4)
            return false;
        foreach (var label in PublicationLabels)
        {
            if (before.Contains(label, StringComparison.OrdinalIgnoreCase))
                return false;
        }
        return true;
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

    // Every published date the markup declares, in order of trust: JSON-LD and meta tags, a WebPage node's date,
    // time and microdata elements. The first is the page's date unless the page shows another one of them.
    private readonly List<(DateTimeOffset Date, DatePrecision Precision, string Source)> _declaredDates = [];

    private void ReadDates()
    {
        foreach (var (value, source) in Candidates(("datePublished", false)).Concat(PublishedMeta.Select(k => (k, true)).SelectMany(k => Candidates(k))).Concat(Candidates(("dateCreated", false))))
        {
            if (TryParseDate(value, out var date, out var precision))
                _declaredDates.Add((date, precision, source));
        }
        // A WebPage node's datePublished (Yoast and kin).
        foreach (var value in _ldOtherDates)
        {
            if (TryParseDate(Clean(value), out var date, out var precision))
                _declaredDates.Add((date, precision, "json-ld:WebPage.datePublished"));
        }
        // time[datetime], [itemprop=datePublished], [itemprop=dateCreated], [property=schema:dateCreated],
        // [property=schema:datePublished]
        foreach (var time in Matching((e, a) => (e.LocalName == "time" && e.HasAttribute("datetime") && a.Itemprop != "dateModified")
            || a.Itemprop is "datePublished" or "dateCreated" || a.Property is "schema:dateCreated" or "schema:datePublished", 20))
        {
            var value = time.GetAttribute("datetime") ?? time.GetAttribute("content") ?? time.TextContent;
            if (TryParseDate(Clean(value), out var date, out var precision))
                _declaredDates.Add((date, precision, time.LocalName == "time" ? "html:time" : "microdata:datePublished"));
        }
        var found = _declaredDates.Count > 0;
        if (found)
        {
            (Published, PublishedPrecision, var first) = _declaredDates[0];
            SetSource("published", first);
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
        if (!found && VisibleDates.Find(DocumentTitle) is { } titleDate)
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
        foreach (var element in Matching((e, a) => e.LocalName == "time" || HasDateWord(a.Class, cache) || HasDateWord(a.Id, null), int.MaxValue))
        {
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
}
