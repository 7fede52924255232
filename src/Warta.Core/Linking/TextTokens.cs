using System.Globalization;
using System.Text;

namespace Warta.Linking;

/// <summary>
/// Word tokens for fingerprints and similarity: casefolded letters and digits only, so punctuation, quotes and
/// whitespace never decide whether two texts are copies.
/// </summary>
public static class TextTokens
{
    /// <summary>Casefolded word tokens of <paramref name="text"/>, at most <paramref name="maxTokens"/> of them.</summary>
    public static List<string> Words(string? text, int maxTokens = int.MaxValue)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var current = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                current.Append(char.ToLowerInvariant(ch));
                continue;
            }

            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
                if (words.Count >= maxTokens)
                {
                    return words;
                }
            }
        }

        if (current.Length > 0 && words.Count < maxTokens)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>
    /// Tokens as written (case kept), with their character offsets; used where capitalisation and numbers matter.
    /// </summary>
    public static List<(string Text, int Start)> RawWords(string text)
    {
        var result = new List<(string, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i])
                || (start >= 0 && i + 1 < text.Length && (text[i] is '.' or ',' or '-' or '\'')
                    && char.IsLetterOrDigit(text[i + 1]) && (char.IsDigit(text[i - 1]) == char.IsDigit(text[i + 1]))
                    && (text[i] is not '.' and not ',' || char.IsDigit(text[i + 1]))));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                result.Add((text[start..i], start));
                start = -1;
            }
        }

        return result;
    }

    /// <summary>True when the token starts with an upper-case letter (a likely name or place).</summary>
    public static bool IsCapitalised(string token) => token.Length > 0 && char.IsUpper(token[0]);

    /// <summary>True when the token is a number ("225", "1.500", "3,5").</summary>
    public static bool IsNumber(string token) => token.Length > 0 && char.IsDigit(token[0]) && char.IsDigit(token[^1]);

    /// <summary>Splits text into sentences at ., ! or ? followed by space and an upper-case letter or quote, and at line breaks.</summary>
    public static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var end = -1;
            if (ch == '\n')
            {
                end = i;
            }
            else if (ch is '.' or '!' or '?' && i + 2 < text.Length && char.IsWhiteSpace(text[i + 1])
                && (char.IsUpper(text[i + 2]) || text[i + 2] is '"' or '“' or '\'')
                && !IsAbbreviation(text, i))
            {
                end = i + 1;
            }

            if (end >= 0)
            {
                AddSentence(sentences, text[start..end]);
                start = end;
            }
        }

        AddSentence(sentences, text[start..]);
        return sentences;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        // A single capital before the dot ("H. Wang") or a short title ("Dr.", "Prof.", "Jl.") is not a sentence end.
        var wordStart = dot;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var length = dot - wordStart;
        return length == 1 || (length is > 0 and <= 4 && char.IsUpper(text[wordStart]) && text[dot] == '.'
            && Abbreviations.Contains(text[wordStart..dot]));
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Dr", "Prof", "Jl", "Mr", "Mrs", "Ms", "St", "Jr", "Sr", "No", "Kol", "Brigjen", "Irjen", "Kec", "Kab",
    };

    private static void AddSentence(List<string> sentences, string candidate)
    {
        var trimmed = candidate.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }

    /// <summary>Casefolded text with only letters and digits, words separated by one space.</summary>
    public static string Normalise(string? text) => string.Join(' ', Words(text));

    internal static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
