using System.Globalization;
using System.Text.RegularExpressions;
using Warta.Model;

namespace Warta.Extraction;

/// <summary>What a date mention is to its document.</summary>
public enum DateRole
{
    /// <summary>The page's own date above the article: a date alone on the document's first line (crawl or page date).</summary>
    Page,

    /// <summary>When the article was published: a date alone on a header line, next to a time, or after a cue ("Published", "Diterbitkan").</summary>
    Publication,

    /// <summary>A date inside the prose: when something happened ("Senin 10 Januari 2022").</summary>
    Event,
}

/// <summary>One date found in a text; <see cref="Start"/> and <see cref="End"/> are UTF-16 offsets, end exclusive.</summary>
public sealed record DateMention(string Text, int Start, int End, DateTimeOffset Value, DatePrecision Precision, DateRole Role);

/// <summary>
/// Parses and finds dates written in Indonesian and English: day and month names or abbreviations
/// ("Selasa, 11 Januari 2022 – 05:20 WIB", "Monday, 6 May 2024", "Nov. 5, 2015", "5 Agt 2015 14:33"), numeric
/// day-first dates ("05/11/2015 14:33") and ISO 8601, with zones WIB (+07:00), WITA (+08:00), WIT (+09:00),
/// GMT/UTC/Z and numeric offsets.
/// </summary>
/// <remarks>
/// Offsets are never invented. A date with a time and a zone is <see cref="DatePrecision.Zoned"/>. A time with no
/// zone keeps its wall-clock value at +00:00 and is <see cref="DatePrecision.LocalTime"/>; a day alone is 00:00 at
/// +00:00 and <see cref="DatePrecision.Day"/>. Consumers that know the outlet's zone may re-anchor those two; the
/// parser does not guess. Numeric dates are read day first (Indonesian and most non-US usage) unless the first
/// number cannot be a month's day and the second can, or the second exceeds 12.
/// </remarks>
public static partial class DateParser
{
    private const string DayNames =
        "senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|" +
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";

    private const string MonthNames =
        "januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|" +
        "january|february|march|may|june|july|august|october|december|" +
        "jan|feb|mar|apr|jun|jul|agu|agt|ags|aug|sept|sep|okt|oct|nov|des|dec";

    private const string Time =
        @"(?:\s*(?:[-–—,|/]|pukul|jam|at|@)?\s*(?<h>[0-9]{1,2})[:.](?<mi>[0-9]{2})(?:[:.](?<s>[0-9]{2}))?(?![0-9])(?:\s*(?<ampm>[ap]\.?m\.?)(?![\p{L}]))?)?";

    private const string Zone =
        @"(?:\s*\(?(?<zone>WITA|WIB|WIT|(?:GMT|UTC)(?:\s*[+-]\s*[0-9]{1,2}(?::?[0-9]{2})?)?|[+-][0-9]{2}:?[0-9]{2})\)?(?![\p{L}0-9]))?";

    private static readonly (string Name, int Month)[] Months =
    [
        ("januari", 1), ("january", 1), ("jan", 1),
        ("februari", 2), ("pebruari", 2), ("february", 2), ("feb", 2),
        ("maret", 3), ("march", 3), ("mar", 3),
        ("april", 4), ("apr", 4),
        ("mei", 5), ("may", 5),
        ("juni", 6), ("june", 6), ("jun", 6),
        ("juli", 7), ("july", 7), ("jul", 7),
        ("agustus", 8), ("august", 8), ("agu", 8), ("agt", 8), ("ags", 8), ("aug", 8),
        ("september", 9), ("sept", 9), ("sep", 9),
        ("oktober", 10), ("october", 10), ("okt", 10), ("oct", 10),
        ("november", 11), ("nov", 11),
        ("desember", 12), ("december", 12), ("des", 12), ("dec", 12),
    ];

    private static readonly Dictionary<string, int> MonthByName =
        Months.ToDictionary(m => m.Name, m => m.Month, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] PublicationCues =
    [
        "diterbitkan", "dipublikasikan", "terbit", "diperbarui", "published", "posted", "updated", "tanggal",
    ];

    [GeneratedRegex(@"(?<![\p{L}0-9])(?:(?<dn>" + DayNames + @")\.?,?\s+)?(?<d>[0-9]{1,2})\s+(?<mon>" + MonthNames + @")\.?,?\s+(?<y>[0-9]{4})(?![0-9])" + Time + Zone,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<![\p{L}0-9])(?:(?<dn>" + DayNames + @")\.?,?\s+)?(?<mon>" + MonthNames + @")\.?\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?,?\s+(?<y>[0-9]{4})(?![0-9])" + Time + Zone,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"(?<![\p{L}0-9./-])(?<d>[0-9]{1,2})(?<sep>[/.-])(?<m>[0-9]{1,2})\k<sep>(?<y>[0-9]{4})(?![0-9])" + Time + Zone,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"(?<![\p{L}0-9])(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})(?:[T ](?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:\.[0-9]{1,9})?)?(?<zone>Z|[+-][0-9]{2}:?[0-9]{2})?)?(?![0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Iso();

    /// <summary>Parses a string that is one date and nothing else (surrounding spaces and a final period allowed).</summary>
    public static bool TryParse(string text, out DateTimeOffset value, out DatePrecision precision)
    {
        value = default;
        precision = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
            return false;
        var trimmed = text.Trim().TrimEnd('.').Trim();
        if (Scan(trimmed) is not { } found)
            return false;
        foreach (var candidate in found)
        {
            if (candidate.Start == 0 && candidate.End == trimmed.Length)
            {
                value = candidate.Value;
                precision = candidate.Precision;
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Every date in <paramref name="text"/>, in order, with its role judged from its line: a date alone on the
    /// first line is the <see cref="DateRole.Page"/> date; a date alone on a later short line, one with a time on a
    /// line that is not prose, or one after a publication cue is a <see cref="DateRole.Publication"/> date; the
    /// rest are <see cref="DateRole.Event"/> dates.
    /// </summary>
    public static IReadOnlyList<DateMention> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = Scan(text);
        if (found is not { Count: > 0 })
            return [];
        var result = new List<DateMention>(found.Count);
        foreach (var c in found)
            result.Add(new DateMention(text[c.Start..c.End], c.Start, c.End, c.Value, c.Precision, RoleOf(text, c)));
        return result;
    }

    internal static DateRole RoleOf(string text, int start, int end, DatePrecision precision) =>
        RoleOf(text, new Candidate(start, end, default, precision));

    private static DateRole RoleOf(string text, Candidate c)
    {
        var lineStart = c.Start == 0 ? 0 : text.LastIndexOf('\n', c.Start - 1) + 1;
        var lineEnd = text.IndexOf('\n', c.End);
        if (lineEnd < 0)
            lineEnd = text.Length;
        var before = text.AsSpan(lineStart, c.Start - lineStart);
        var after = text.AsSpan(c.End, lineEnd - c.End);
        if (IsBare(before) && IsBare(after))
            return text.AsSpan(0, lineStart).Trim().IsEmpty ? DateRole.Page : DateRole.Publication;
        var window = before.Length > 40 ? before[^40..] : before;
        foreach (var cue in PublicationCues)
        {
            if (window.Contains(cue, StringComparison.OrdinalIgnoreCase))
                return DateRole.Publication;
        }
        if (c.Precision != DatePrecision.Day && !LooksLikeProse(before))
            return DateRole.Publication;
        return DateRole.Event;
    }

    // Nothing but spaces and punctuation: the date stands alone on its line.
    private static bool IsBare(ReadOnlySpan<char> s)
    {
        foreach (var ch in s)
        {
            if (char.IsLetterOrDigit(ch))
                return false;
        }
        return true;
    }

    // Prose has sentence punctuation; a masthead ("Home … Esnoe Faqih Wardhana Selasa, 11 Januari 2022") does not.
    private static bool LooksLikeProse(ReadOnlySpan<char> s) => s.IndexOfAny(".!?“”\"") >= 0;

    private readonly record struct Candidate(int Start, int End, DateTimeOffset Value, DatePrecision Precision);

    // Every pattern contains a four-digit year, so only the one pattern that fits what surrounds a year (19xx,
    // 20xx) runs, in a window around it: text without a year costs one pass over its characters. The window
    // spans the longest day-month prefix ("Wednesday, 30 September ") and time-zone suffix (" – 05:20 WITA",
    // "T14:33:00.000+07:00").
    private const int WindowBefore = 40;
    private const int WindowAfter = 32;

    private static List<Candidate>? Scan(string text)
    {
        // Null when no year is in the text, as on most lines.
        List<Candidate>? all = null;
        for (var i = text.AsSpan().IndexOfAnyInRange('0', '9'); i >= 0;)
        {
            var run = i;
            while (run < text.Length && char.IsAsciiDigit(text[run]))
                run++;
            if (run - i == 4 && (text[i] == '1' && text[i + 1] == '9' || text[i] == '2' && text[i + 1] == '0'))
                ScanAroundYear(text, i, all ??= []);
            var next = text.AsSpan(run).IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : run + next;
        }
        if (all is null)
            return null;
        if (all.Count <= 1)
            return all;
        // Overlaps: the earliest wins, then the longest.
        all.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var kept = new List<Candidate>(all.Count);
        foreach (var c in all)
        {
            if (kept.Count == 0 || c.Start >= kept[^1].End)
                kept.Add(c);
        }
        return kept;
    }

    private static void ScanAroundYear(string text, int year, List<Candidate> into)
    {
        var end = Math.Min(text.Length, year + 4 + WindowAfter);
        if (year + 4 < text.Length && text[year + 4] == '-')
        {
            Collect(Iso().Match(text, year, end - year), numericMonth: true, into);
            return;
        }
        var start = Math.Max(0, year - WindowBefore);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            start--;
        var before = year - 1;
        while (before >= 0 && text[before] is ' ' or ',' or '\u00A0')
            before--;
        if (before < 0)
            return;
        var regex = text[before] switch
        {
            '/' or '.' or '-' when before > 0 && char.IsAsciiDigit(text[before - 1]) => Numeric(),
            _ when char.IsAsciiDigit(text[before]) || OrdinalDay(text, before) => MonthDayYear(),
            _ when char.IsLetter(text[before]) || text[before] == '.' => DayMonthYear(),
            _ => null,
        };
        if (regex is not null)
            Collect(regex.Match(text, start, end - start), numericMonth: regex == Numeric(), into);
    }

    // "5th", "22nd": a day with an English ordinal suffix ends just before the year.
    private static bool OrdinalDay(string text, int last) =>
        last >= 2 && char.IsAsciiLetter(text[last]) && char.IsAsciiLetter(text[last - 1]) && char.IsAsciiDigit(text[last - 2]);

    private static void Collect(Match m, bool numericMonth, List<Candidate> into)
    {
        for (; m.Success; m = m.NextMatch())
        {
            if (TryBuild(m, numericMonth, out var value, out var precision, out var end))
                into.Add(new Candidate(m.Index, end, value, precision));
        }
    }

    private static bool TryBuild(Match m, bool numericMonth, out DateTimeOffset value, out DatePrecision precision, out int end)
    {
        value = default;
        precision = DatePrecision.Day;
        end = m.Index + m.Length;
        var year = Int(m.Groups["y"].ValueSpan);
        var day = Int(m.Groups["d"].ValueSpan);
        int month;
        if (numericMonth)
        {
            month = Int(m.Groups["m"].ValueSpan);
            if (m.Groups["sep"].Success && (month > 12 || day > 31) && day <= 12)
                (day, month) = (month, day);
        }
        else if (!MonthByName.TryGetValue(m.Groups["mon"].Value, out month))
        {
            return false;
        }
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;

        var hour = 0;
        var minute = 0;
        var second = 0;
        var dateEnd = Math.Max(GroupEnd(m.Groups["y"]), GroupEnd(m.Groups["d"]));
        var hasTime = m.Groups["h"].Success;
        if (hasTime)
        {
            hour = Int(m.Groups["h"].ValueSpan);
            minute = Int(m.Groups["mi"].ValueSpan);
            second = m.Groups["s"].Success ? Int(m.Groups["s"].ValueSpan) : 0;
            var ampm = m.Groups["ampm"];
            if (ampm.Success && hour is >= 1 and <= 12)
                hour = hour % 12 + (ampm.ValueSpan[0] is 'p' or 'P' ? 12 : 0);
            if (hour > 23 || minute > 59 || second > 59)
            {
                // Not a time after all ("2022, 10.75 persen"): keep the day alone.
                hour = minute = second = 0;
                hasTime = false;
            }
        }

        var offset = TimeSpan.Zero;
        var zone = m.Groups["zone"];
        var zoned = hasTime && zone.Success && TryZone(zone.Value, out offset);
        if (!hasTime)
            end = dateEnd;
        else if (zone.Success && !zoned)
            end = zone.Index;
        if (hasTime && !zoned)
            end = TrimEnd(m, end);
        precision = hasTime ? (zoned ? DatePrecision.Zoned : DatePrecision.LocalTime) : DatePrecision.Day;
        value = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        return true;
    }

    private static int GroupEnd(Group g) => g.Index + g.Length;

    // A matched time may end in spaces swallowed by the optional zone group; the span ends at the last digit or letter.
    private static int TrimEnd(Match m, int end)
    {
        var s = m.Value.AsSpan(0, end - m.Index).TrimEnd();
        return m.Index + s.Length;
    }

    private static bool TryZone(string zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        var z = zone.Replace(" ", string.Empty, StringComparison.Ordinal);
        switch (z.ToUpperInvariant())
        {
            case "WIB":
                offset = TimeSpan.FromHours(7);
                return true;
            case "WITA":
                offset = TimeSpan.FromHours(8);
                return true;
            case "WIT":
                offset = TimeSpan.FromHours(9);
                return true;
            case "Z" or "GMT" or "UTC":
                return true;
        }
        var signAt = z.IndexOfAny(['+', '-']);
        if (signAt < 0)
            return false;
        var sign = z[signAt] == '-' ? -1 : 1;
        var digits = z[(signAt + 1)..].Replace(":", string.Empty, StringComparison.Ordinal);
        int hours;
        var minutes = 0;
        if (digits.Length <= 2)
        {
            hours = Int(digits);
        }
        else if (digits.Length == 4)
        {
            hours = Int(digits.AsSpan(0, 2));
            minutes = Int(digits.AsSpan(2, 2));
        }
        else
        {
            return false;
        }
        if (hours > 14 || minutes > 59)
            return false;
        offset = sign * new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static int Int(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
}
