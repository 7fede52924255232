using System.Collections.Frozen;
using System.Globalization;
using Warta.Language;
using Warta.Model;

namespace Warta.Analysis;

/// <summary>
/// Finds numbers with what they count and their qualifier ("sedikitnya 225 orang tewas" → 225, "orang tewas",
/// "at least"), in digits with the language's separators (Indonesian "1.770" and "3,5"; English "1,770" and
/// "3.5"), with scale words ("1,5 juta", "2 million") or in words ("puluhan ribu", "tiga bulan"); and dates
/// ("10 Januari 2022" → 20220110, counts "date").
/// </summary>
internal static class NumberFinder
{
    private static readonly FrozenDictionary<string, double> Words = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["satu"] = 1,
        ["dua"] = 2,
        ["tiga"] = 3,
        ["empat"] = 4,
        ["lima"] = 5,
        ["enam"] = 6,
        ["tujuh"] = 7,
        ["delapan"] = 8,
        ["sembilan"] = 9,
        ["sepuluh"] = 10,
        ["sebelas"] = 11,
        ["seratus"] = 100,
        ["seribu"] = 1000,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["twenty"] = 20,
        ["fifty"] = 50,
        ["hundred"] = 100,
        ["dozen"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words for an indefinite amount: the value is the order of magnitude ("puluhan" → 10).</summary>
    private static readonly FrozenDictionary<string, (double Value, string Qualifier)> Vague = new Dictionary<string, (double Value, string Qualifier)>(StringComparer.Ordinal)
    {
        ["puluhan"] = (10, "tens of"),
        ["ratusan"] = (100, "hundreds of"),
        ["ribuan"] = (1000, "thousands of"),
        ["jutaan"] = (1e6, "millions of"),
        ["dozens"] = (12, "dozens of"),
        ["hundreds"] = (100, "hundreds of"),
        ["thousands"] = (1000, "thousands of"),
        ["millions"] = (1e6, "millions of"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double> Scales = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["puluh"] = 10,
        ["belas"] = 10,
        ["ratus"] = 100,
        ["ribu"] = 1e3,
        ["juta"] = 1e6,
        ["miliar"] = 1e9,
        ["milyar"] = 1e9,
        ["triliun"] = 1e12,
        ["thousand"] = 1e3,
        ["million"] = 1e6,
        ["billion"] = 1e9,
        ["trillion"] = 1e12,
        ["rb"] = 1e3,
        ["jt"] = 1e6,
        ["m"] = 1e6,
        ["bn"] = 1e9,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Qualifiers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sedikitnya"] = "at least",
        ["setidaknya"] = "at least",
        ["minimal"] = "at least",
        ["paling"] = "at least",
        ["sekitar"] = "about",
        ["kira-kira"] = "about",
        ["kurang"] = "about",
        ["hampir"] = "almost",
        ["nyaris"] = "almost",
        ["lebih"] = "more than",
        ["hingga"] = "up to",
        ["sampai"] = "up to",
        ["maksimal"] = "at most",
        ["least"] = "at least",
        ["about"] = "about",
        ["around"] = "about",
        ["approximately"] = "about",
        ["nearly"] = "almost",
        ["almost"] = "almost",
        ["over"] = "more than",
        ["than"] = "more than",
        ["up"] = "up to",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["januari"] = 1,
        ["februari"] = 2,
        ["maret"] = 3,
        ["april"] = 4,
        ["mei"] = 5,
        ["juni"] = 6,
        ["juli"] = 7,
        ["agustus"] = 8,
        ["september"] = 9,
        ["oktober"] = 10,
        ["november"] = 11,
        ["desember"] = 12,
        ["january"] = 1,
        ["february"] = 2,
        ["march"] = 3,
        ["may"] = 5,
        ["june"] = 6,
        ["july"] = 7,
        ["august"] = 8,
        ["october"] = 10,
        ["december"] = 12,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Units = new HashSet<string>(StringComparer.Ordinal)
    {
        "km", "m", "cm", "mm", "kg", "g", "ton", "mil", "miles", "persen", "percent", "%", "hektare", "ha", "liter",
        "derajat", "meter", "kilometer", "dolar", "rupiah", "rp", "usd", "us$", "$", "tahun", "bulan", "hari", "jam",
        "menit", "detik", "minggu", "pekan", "years", "months", "days", "hours", "minutes", "weeks",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The shortest and longest keys of Words and Vague ("dua", "thousands"); a test checks them against the tables.
    internal const int MinWordLength = 3;
    internal const int MaxWordLength = 9;

    internal static IEnumerable<string> NumberWords => Words.Keys.Concat(Vague.Keys);

    /// <summary>
    /// For each length, the first letters (bit c - 'a') of the number words that long: a word whose length and
    /// first letter no number word shares is passed over without lowercasing it or asking the tables.
    /// </summary>
    private static readonly uint[] FirstLetters = NumberWords.Aggregate(new uint[MaxWordLength + 1], (bits, word) =>
    {
        bits[word.Length] |= 1u << (word[0] - 'a');
        return bits;
    });

    public static List<NumberMention> Find(TextUnits units, string? language)
    {
        var tokens = units.Tokens;
        var english = language == "en";
        var found = new List<NumberMention>();
        var stop = Stopwords.For(language);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // Most tokens are neither digits nor number words: a length check spares them the lookups.
            if (token.Kind == TokenKind.Punctuation || (token.Kind == TokenKind.Word && (token.Text.Length is < MinWordLength or > MaxWordLength || !MayBeNumberWord(token.Text))))
                continue;
            var lower = units.Lower(i);
            double value;
            string? qualifier = null;
            var first = i;
            var last = i;
            if (token.Kind == TokenKind.Number)
            {
                if (TryDate(units, i, out var date, out var dateEnd))
                {
                    found.Add(new NumberMention(units.Slice(date.First, dateEnd), date.Value, "date", null, tokens[date.First].Start, tokens[dateEnd - 1].End));
                    i = dateEnd - 1;
                    continue;
                }

                if (!TryParse(token.Text, english, out value))
                    continue;
            }
            else if (Words.TryGetValue(lower, out value))
            {
            }
            else if (Vague.TryGetValue(lower, out var vague))
            {
                value = vague.Value;
                qualifier = vague.Qualifier;
            }
            else
                continue;

            // Scale words multiply: "1,5 juta", "puluhan ribu", "tiga ratus".
            while (last + 1 < tokens.Count && Scales.TryGetValue(units.Lower(last + 1), out var scale)
                && (tokens[last + 1].Text.Length > 1 || token.Kind == TokenKind.Number))
            {
                value = units.Lower(last + 1) is "belas" ? value + 10 : value * scale;
                last++;
            }

            if (token.Kind != TokenKind.Number && last == i && qualifier is null && !NextIsCountable(units, i, stop))
                continue;
            qualifier ??= QualifierBefore(units, i);
            var counts = Counts(units, last + 1, stop);
            found.Add(new NumberMention(units.Slice(first, last + 1), value, counts, qualifier, tokens[first].Start, tokens[last].End));
            i = last;
        }

        return found;
    }

    private static bool MayBeNumberWord(string word)
    {
        var first = CaseFolding.ToLower(word[0]);
        return first is >= 'a' and <= 'z' && (FirstLetters[word.Length] & (1u << (first - 'a'))) != 0;
    }

    /// <summary>Parses digits with the language's separators; a lone separator followed by three digits groups thousands.</summary>
    internal static bool TryParse(string text, bool english, out double value)
    {
        value = 0;
        var end = 0;
        while (end < text.Length && (char.IsDigit(text[end]) || text[end] is '.' or ','))
            end++;
        if (end == 0 || end < text.Length)
            return false;
        var (group, decimalMark) = english ? (',', '.') : ('.', ',');
        var s = text[..end];
        var dot = s.IndexOf(decimalMark, StringComparison.Ordinal);
        // "3.5" in Indonesian text (or "3,5" in English) is still a decimal when the tail is not three digits.
        if (dot < 0)
        {
            var lastGroup = s.LastIndexOf(group);
            if (lastGroup >= 0 && s.Length - lastGroup - 1 != 3 && s.Count(c => c == group) == 1)
                s = s.Replace(group, decimalMark);
        }

        s = s.Replace(group.ToString(), string.Empty, StringComparison.Ordinal).Replace(decimalMark, '.');
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryDate(TextUnits units, int i, out (int First, double Value) date, out int end)
    {
        var tokens = units.Tokens;
        date = default;
        end = i;
        if (i + 2 >= tokens.Count || !int.TryParse(tokens[i].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 31)
            return false;
        if (!Months.TryGetValue(units.Lower(i + 1), out var month))
            return false;
        if (!int.TryParse(tokens[i + 2].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1000 or > 2999)
            return false;
        date = (i, (year * 10_000) + (month * 100) + day);
        end = i + 3;
        return true;
    }

    private static bool NextIsCountable(TextUnits units, int i, IReadOnlySet<string> stop) =>
        i + 1 < units.Tokens.Count && units.Tokens[i + 1].Kind == TokenKind.Word
        && (Units.Contains(units.Lower(i + 1)) || !stop.Contains(units.Lower(i + 1)));

    private static string? QualifierBefore(TextUnits units, int i)
    {
        var tokens = units.Tokens;
        for (var k = i - 1; k >= Math.Max(0, i - 3); k--)
        {
            var lower = units.Lower(k);
            if (Qualifiers.TryGetValue(lower, out var q))
            {
                // "lebih dari 100" / "more than 100" / "at least" / "up to": the pair decides.
                if (lower is "lebih" && k + 1 < tokens.Count && units.Lower(k + 1) is not ("dari" or "daripada"))
                    continue;
                if (lower is "paling" && k + 1 < tokens.Count && units.Lower(k + 1) is "banyak" or "tinggi")
                    return "at most";
                return q;
            }

            if (tokens[k].Kind != TokenKind.Word || !(lower is "dari" or "at" or "to" or "more" or "tidak" or "sedikit"))
                return null;
        }

        return null;
    }

    /// <summary>What the number counts: a unit, or up to two words after it that are not stopwords (the first always).</summary>
    private static string? Counts(TextUnits units, int i, IReadOnlySet<string> stop)
    {
        var tokens = units.Tokens;
        if (i >= tokens.Count)
            return null;
        var first = units.Lower(i);
        if (Units.Contains(first))
            return first;
        if (tokens[i].Kind != TokenKind.Word || char.IsUpper(tokens[i].Text[0]) || stop.Contains(first) && first is not ("orang" or "warga"))
            return null;
        if (i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Word && !char.IsUpper(tokens[i + 1].Text[0])
            && !stop.Contains(units.Lower(i + 1)) && !Units.Contains(first))
            return first + " " + units.Lower(i + 1);
        return first;
    }
}
