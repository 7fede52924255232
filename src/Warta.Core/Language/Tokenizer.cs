namespace Warta.Language;

/// <summary>What a token is made of.</summary>
public enum TokenKind
{
    Word,
    Number,
    Punctuation,
}

/// <summary>A token of a text; offsets are UTF-16 indices into that text, end exclusive.</summary>
public readonly record struct Token(string Text, int Start, int End, TokenKind Kind);

/// <summary>
/// Splits news text into words, numbers and punctuation. Keeps abbreviations with their dot ("Dr.", "Jl.",
/// "U.S."), initials ("H."), numbers with separators ("1.770", "3,5", "10.000,50"), hyphenated words
/// ("Kassym-Jomart", "buku-buku") and elisions ("don't") whole.
/// </summary>
public static class Tokenizer
{
    /// <summary>Abbreviations that end with a dot in Indonesian and English news; lowercase, without the dot.</summary>
    public static IReadOnlySet<string> Abbreviations => AbbreviationSet;

    private static readonly HashSet<string> AbbreviationSet = new(StringComparer.Ordinal)
    {
        "dr", "drs", "dra", "ir", "prof", "jl", "jln", "no", "tn", "ny", "nn", "sdr", "bpk", "kh", "st", "mr", "mrs",
        "ms", "jr", "sr", "gen", "lt", "col", "sgt", "capt", "rep", "sen", "gov", "pres", "inc", "ltd", "co", "corp",
        "vs", "etc", "dll", "dsb", "dkk", "tsb", "yth", "hlm", "kab", "kec", "kel", "prov", "tbk", "pt", "cv", "sh",
        "se", "mm", "msi", "ak", "mt", "mba", "phd", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "aug", "sep",
        "sept", "okt", "oct", "nov", "des", "dec", "fig", "vol", "est", "approx", "ave", "ft", "hal", "mayjen",
        "brigjen", "letjen", "kombes", "ipda", "aiptu", "kapt", "kol", "irjen", "komjen", "ust",
    };

    /// <summary>Abbreviations that often end a sentence ("dan lain-lain"), so a capital after them starts one.</summary>
    internal static readonly IReadOnlySet<string> SentenceFinalAbbreviations = new HashSet<string>(StringComparer.Ordinal)
    {
        "dll", "dsb", "dkk", "etc", "inc", "ltd", "co", "corp", "tbk",
    };

    // One string per single-character mark below U+2030 (ASCII, Latin-1, the dashes, quotes and ellipsis of general
    // punctuation), made on first use: a mark is a token in every sentence, and needs no string of its own each time.
    private static readonly string?[] Marks = new string?[0x2030];

    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>((text.Length / 5) + 4);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsDigit(c))
            {
                i = ScanNumber(text, i);
                // "2022-an", "10km": a number glued to letters stays one token.
                tokens.Add(new Token(text[start..i], start, i, TokenKind.Number));
                continue;
            }

            if (char.IsLetter(c) || char.IsSurrogate(c))
            {
                i = ScanWord(text, i);
                var end = i;
                if (end < text.Length && text[end] == '.' && TakesDot(text, start, end))
                    end = i = end + 1;
                tokens.Add(new Token(text[start..end], start, end, TokenKind.Word));
                continue;
            }

            // "..." and "…" are one token; every other mark stands alone.
            if (c == '.' && i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.')
                i += 3;
            else
                i++;
            tokens.Add(new Token(i == start + 1 && c < Marks.Length ? Marks[c] ??= c.ToString() : text[start..i], start, i, TokenKind.Punctuation));
        }

        return tokens;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsDigit(text[i]))
                i++;
            else if ((text[i] is '.' or ',' or ':') && i + 1 < text.Length && char.IsDigit(text[i + 1]))
                i++;
            else if (char.IsLetter(text[i]))
                i = ScanWord(text, i);
            else
                break;
        }

        return i;
    }

    private static int ScanWord(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark)
                i++;
            else if ((c is '-' or '\'' or '’' or '.') && i + 1 < text.Length && char.IsLetter(text[i + 1])
                && (c != '.' || IsDottedAcronym(text, i)))
                i++;
            else
                break;
        }

        return i;
    }

    // "U.S", "a.n": a dot joins single letters only.
    private static bool IsDottedAcronym(string text, int dot) =>
        dot >= 1 && char.IsLetter(text[dot - 1]) && (dot < 2 || !char.IsLetter(text[dot - 2]))
        && (dot + 2 >= text.Length || !char.IsLetter(text[dot + 2]));

    private static bool TakesDot(string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start);
        if (word.Length == 1 && char.IsUpper(word[0]))
            return true;
        if (word.Contains('.'))
            return true;
        Span<char> lower = stackalloc char[Math.Min(word.Length, 16)];
        if (word.Length > 16)
            return false;
        word.ToLowerInvariant(lower);
        return AbbreviationSet.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
    }
}
