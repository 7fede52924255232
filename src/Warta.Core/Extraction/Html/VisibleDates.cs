using System.Globalization;
using System.Text.RegularExpressions;
using Warta.Model;

namespace Warta.Extraction.Html;

/// <summary>
/// Finds a date written out on a page in many languages: first <see cref="DateParser"/> (Indonesian and English
/// with time zones, numeric and ISO dates), then day–month–year and month–day–year with month names in German,
/// French, Spanish, Italian, Portuguese, Dutch, the Nordic languages, Polish, Finnish and Russian ("2. November
/// 2021", "15 septembre 2009", "15 августа 2016, 13:43"), and CJK "2020年2月14日".
/// </summary>
internal static partial class VisibleDates
{
    private static readonly Dictionary<string, int> MonthByName = BuildMonths();

    // The year may run into a time, as text nodes join ("3 de mayo de 202221:25"): the time is read after it.
    [GeneratedRegex(@"(?<![\p{L}0-9])(?<d>[0-9]{1,2})(?:\.|er|º)?\s*(?:de\s+|di\s+)?(?<mon>\p{L}{3,12})\.?,?\s+(?:de\s+|del\s+)?(?<y>(?:19|20)[0-9]{2})(?:(?![0-9])|(?=[0-9]{2}:[0-9]{2}(?![0-9])))",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<![\p{L}])(?<mon>\p{L}{3,12})\.?\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th|\.)?,?\s+(?<y>(?:19|20)[0-9]{2})(?:(?![0-9])|(?=[0-9]{2}:[0-9]{2}(?![0-9])))",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"(?<y>(?:19|20)[0-9]{2})\s*年\s*(?<m>[0-9]{1,2})\s*月\s*(?<d>[0-9]{1,2})\s*日",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Cjk();

    // A day-first numeric date glued to the word before it, as text nodes join ("Erstellt am09.02.2022",
    // "Tanja Karrasch3.11.2023", "Brasília03/05/2022"), with a two-digit month and year ("23.09.22", "2.11.22"; not "1.2.10"; the year
    // is 20yy; glued to a time too: "macbacchi28.09.1912:44" is 2019), spaced with a full year ("4. 2. 2022", thin
    // spaces in the markup), or split by bars ("26 | 01 | 2022").
    [GeneratedRegex(@"(?<=\p{L})(?<d>[0-9]{1,2})\.(?<m>[0-9]{2})\.(?<yy>[0-9]{2})(?=[0-9]{2}:[0-9]{2}(?![0-9]))|(?<=\p{L})(?<d>[0-9]{1,2})(?<sep>[./])(?<m>[0-9]{1,2})\k<sep>(?<y>(?:19|20)[0-9]{2})(?![0-9])|(?<![\p{L}0-9.,])(?<d>[0-9]{1,2})\.(?<m>[0-9]{2})\.(?<yy>[0-9]{2})(?![0-9]|\.[0-9])|(?<![\p{L}0-9.,])(?<d>[0-9]{1,2})\.\s(?<m>[0-9]{1,2})\.\s(?<y>(?:19|20)[0-9]{2})(?![0-9])|(?<![0-9])(?<d>[0-9]{1,2})\s?\|\s?(?<m>[0-9]{1,2})\s?\|\s?(?<y>(?:19|20)[0-9]{2})(?![0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DayFirstNumeric();

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9]{2})[/.](?<m>[0-9]{1,2})[/.](?<d>[0-9]{1,2})(?![0-9])",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex YearFirst();

    // A time right after a date: "13:43", ", um 13:56 Uhr", "à 10h20", "- 14:49".
    [GeneratedRegex(@"^\s*(?:[,|/–—-]\s*)?(?:um\s+|à\s+|a\s+las\s+|alle\s+|at\s+|kl\.?\s+|klo\s+|в\s+)?(?<h>[0-9]{1,2})[:h.](?<mi>[0-9]{2})(?![0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex TimeAfter();

    // Words before a date that make it a modification date ("Letzte Änderung: …") or the day of the site's current
    // edition in its masthead ("Édition du 12 octobre 2020"), not the article's publication date.
    private static readonly string[] UpdateCues =
    [
        "update", "aktualisiert", "geändert", "änderung", "modifié", "mis à jour", "actualizado", "actualización",
        "aggiornato", "atualizado", "bijgewerkt", "diperbarui", "edited", "revised", "modified", "édition du",
    ];

    /// <summary>
    /// The first date in a short text that is not marked as a modification date, or null; text past 300
    /// characters is not read.
    /// </summary>
    public static DateMention? Find(string text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (text.Length > 300)
            text = text[..300];
        for (var from = 0; from < text.Length;)
        {
            var found = FindFirst(text[from..]);
            if (found is null)
                return null;
            var start = from + found.Start;
            if (!AfterUpdateCue(text, start))
                return found with { Start = start, End = from + found.End };
            from += found.End;
        }
        return null;
    }

    /// <summary>Whether the 30 characters before a date mark it as a modification date.</summary>
    public static bool AfterUpdateCue(string text, int start)
    {
        var before = text.AsSpan(Math.Max(0, start - 30), Math.Min(30, start));
        foreach (var cue in UpdateCues)
        {
            if (before.Contains(cue, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>Every date in a short text, modification dates included; text past 300 characters is not read.</summary>
    public static List<DateMention> All(string text)
    {
        var all = new List<DateMention>();
        if (text.Length > 300)
            text = text[..300];
        for (var from = 0; from < text.Length;)
        {
            if (FindFirst(text[from..]) is not { } found)
                break;
            all.Add(found with { Start = from + found.Start, End = from + found.End });
            from += found.End;
        }
        return all;
    }

    private static DateMention? FindFirst(string text)
    {
        // DateParser's date wins unless another pattern's starts before it ("sábado 07 de mayo del 2022
        // Actualizado 07 May 2022": the Spanish date is the first).
        DateMention? best = null;
        try
        {
            var known = DateParser.FindAll(text);
            if (known.Count > 0)
                best = known[0];
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // DateParser rejects non-ASCII digits; the patterns below read only ASCII digits too.
        }
        if (best?.Start == 0)
            return best;
        foreach (var regex in (Regex[])[DayMonthYear(), MonthDayYear(), Cjk(), YearFirst(), DayFirstNumeric()])
        {
            for (var m = regex.Match(text); m.Success && (best is null || m.Index < best.Start); m = m.NextMatch())
            {
                if (Build(text, m) is { } found)
                {
                    if (best is null || found.Start < best.Start)
                        best = found;
                    break;
                }
            }
        }
        return best;
    }

    private static DateMention? Build(string text, Match m)
    {
        var year = m.Groups["yy"].Success
            ? 2000 + int.Parse(m.Groups["yy"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture)
            : int.Parse(m.Groups["y"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        int month;
        if (m.Groups["m"].Success)
            month = int.Parse(m.Groups["m"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        else if (!MonthByName.TryGetValue(m.Groups["mon"].Value.ToLowerInvariant(), out month))
            return null;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        var end = m.Index + m.Length;
        var value = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        var precision = DatePrecision.Day;
        var time = TimeAfter().Match(text[end..]);
        if (time.Success)
        {
            var h = int.Parse(time.Groups["h"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            var mi = int.Parse(time.Groups["mi"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (h < 24 && mi < 60)
            {
                value = value.AddHours(h).AddMinutes(mi);
                precision = DatePrecision.LocalTime;
                end += time.Length;
            }
        }
        return new DateMention(text[m.Index..end], m.Index, end, value, precision, DateRole.Publication);
    }

    private static Dictionary<string, int> BuildMonths()
    {
        // Full names, genitive forms and common abbreviations; a name shared by two languages means the same month
        // in both ("mai", "juni", "april"), so one table serves every language.
        string[][] months =
        [
            ["january", "januari", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januarie", "stycznia", "styczeń", "tammikuuta", "tammikuu", "января", "январь", "jan", "janv", "jän", "ene", "gen"],
            ["february", "februari", "februar", "feber", "février", "fevrier", "febrero", "febbraio", "fevereiro", "lutego", "luty", "helmikuuta", "helmikuu", "февраля", "февраль", "feb", "febr", "févr", "fevr", "fev"],
            ["march", "maret", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "marts", "marca", "marzec", "maaliskuuta", "maaliskuu", "марта", "март", "mar", "mär", "mrz", "mrt"],
            ["april", "avril", "abril", "aprile", "kwietnia", "kwiecień", "huhtikuuta", "huhtikuu", "апреля", "апрель", "apr", "avr", "abr"],
            ["may", "mei", "mai", "mayo", "maggio", "maio", "maj", "maja", "toukokuuta", "toukokuu", "мая", "май", "mag"],
            ["june", "juni", "juin", "junio", "giugno", "junho", "czerwca", "czerwiec", "kesäkuuta", "kesäkuu", "июня", "июнь", "jun", "giu"],
            ["july", "juli", "juillet", "julio", "luglio", "julho", "lipca", "lipiec", "heinäkuuta", "heinäkuu", "июля", "июль", "jul", "juil", "lug"],
            ["august", "agustus", "août", "aout", "agosto", "augustus", "augusti", "sierpnia", "sierpień", "elokuuta", "elokuu", "августа", "август", "aug", "ago", "agu", "agt"],
            ["september", "septembre", "septiembre", "setiembre", "settembre", "setembro", "września", "wrzesień", "syyskuuta", "syyskuu", "сентября", "сентябрь", "sep", "sept", "set"],
            ["october", "oktober", "octobre", "octubre", "ottobre", "outubro", "października", "październik", "lokakuuta", "lokakuu", "октября", "октябрь", "oct", "okt", "ott", "out"],
            ["november", "novembre", "noviembre", "novembro", "listopada", "listopad", "marraskuuta", "marraskuu", "ноября", "ноябрь", "nov"],
            ["december", "desember", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro", "grudnia", "grudzień", "joulukuuta", "joulukuu", "декабря", "декабрь", "dec", "dez", "déc", "dic", "des"],
        ];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < months.Length; i++)
        {
            foreach (var name in months[i])
                map[name] = i + 1;
        }
        return map;
    }
}
