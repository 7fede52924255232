namespace Warta.Language;

/// <summary>
/// The Porter2 ("English" Snowball) stemmer, written after the published algorithm
/// (snowballstem.org/algorithms/english/stemmer.html): special forms, regions R1/R2, steps 0–5.
/// Input is lowercased; words of one or two letters come back unchanged.
/// </summary>
public static class EnglishStemmer
{
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski",
        ["skies"] = "sky",
        ["dying"] = "die",
        ["lying"] = "lie",
        ["tying"] = "tie",
        ["idly"] = "idl",
        ["gently"] = "gentl",
        ["ugly"] = "ugli",
        ["early"] = "earli",
        ["only"] = "onli",
        ["singly"] = "singl",
        ["sky"] = "sky",
        ["news"] = "news",
        ["howe"] = "howe",
        ["atlas"] = "atlas",
        ["cosmos"] = "cosmos",
        ["bias"] = "bias",
        ["andes"] = "andes",
    };

    private static readonly HashSet<string> Step1AInvariant = new(StringComparer.Ordinal)
    {
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    };

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
        ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"),
        ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"),
        ("ogi", "og"), ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
        "al", "er", "ic",
    ];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant();
        if (w.Length <= 2 || w.Length > 64)
            return w;
        if (Exceptions.TryGetValue(w, out var exception))
            return exception;
        if (w[0] == '\'')
            w = w[1..];
        var chars = new System.Text.StringBuilder(w);
        // Y as a consonant is marked upper-case while stemming.
        if (chars.Length > 0 && chars[0] == 'y')
            chars[0] = 'Y';
        for (var i = 1; i < chars.Length; i++)
        {
            if (chars[i] == 'y' && IsVowel(chars[i - 1]))
                chars[i] = 'Y';
        }

        var s = chars.ToString();
        var r1 = R1(s);
        var r2 = RegionAfter(s, r1);
        s = Step0(s);
        s = Step1A(s, out var stop);
        if (stop)
            return s.ToLowerInvariant();
        if (Step1AInvariant.Contains(s))
            return s;
        s = Step1B(s, r1);
        s = Step1C(s);
        s = Step2(s, r1);
        s = Step3(s, r1, r2);
        s = Step4(s, r2);
        s = Step5(s, r1, r2);
        return s.Replace('Y', 'y');
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static int R1(string s)
    {
        if (s.StartsWith("gener", StringComparison.Ordinal) || s.StartsWith("arsen", StringComparison.Ordinal))
            return 5;
        if (s.StartsWith("commun", StringComparison.Ordinal))
            return 6;
        return RegionAfter(s, 0);
    }

    private static int RegionAfter(string s, int start)
    {
        for (var i = start + 1; i < s.Length; i++)
        {
            if (!IsVowel(s[i]) && IsVowel(s[i - 1]))
                return i + 1;
        }

        return s.Length;
    }

    private static bool EndsWith(string s, string suffix) => s.EndsWith(suffix, StringComparison.Ordinal);

    private static bool HasVowel(string s, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(s[i]))
                return true;
        }

        return false;
    }

    private static bool IsShortSyllableEnding(string s, int end)
    {
        // A short syllable: vowel then non-vowel other than w, x, Y, after a non-vowel; or vowel + non-vowel at the start.
        if (end == 2)
            return IsVowel(s[0]) && !IsVowel(s[1]);
        if (end < 3)
            return false;
        var c = s[end - 1];
        return !IsVowel(s[end - 3]) && IsVowel(s[end - 2]) && !IsVowel(c) && c is not ('w' or 'x' or 'Y');
    }

    private static bool IsShort(string s, int r1) => r1 >= s.Length && IsShortSyllableEnding(s, s.Length);

    private static string Step0(string s)
    {
        foreach (var suffix in (string[])["'s'", "'s", "'"])
        {
            if (EndsWith(s, suffix))
                return s[..^suffix.Length];
        }

        return s;
    }

    private static string Step1A(string s, out bool stop)
    {
        stop = false;
        if (EndsWith(s, "sses"))
            return s[..^2];
        if (EndsWith(s, "ied") || EndsWith(s, "ies"))
            return s.Length > 4 ? s[..^2] : s[..^1];
        if (EndsWith(s, "us") || EndsWith(s, "ss"))
            return s;
        if (EndsWith(s, "s") && s.Length >= 3 && HasVowel(s, s.Length - 2))
            return s[..^1];
        return s;
    }

    private static string Step1B(string s, int r1)
    {
        foreach (var suffix in (string[])["eedly", "eed"])
        {
            if (EndsWith(s, suffix))
                return s.Length - suffix.Length >= r1 ? s[..^suffix.Length] + "ee" : s;
        }

        foreach (var suffix in (string[])["ingly", "edly", "ing", "ed"])
        {
            if (!EndsWith(s, suffix))
                continue;
            var stem = s[..^suffix.Length];
            if (!HasVowel(stem, stem.Length))
                return s;
            if (EndsWith(stem, "at") || EndsWith(stem, "bl") || EndsWith(stem, "iz"))
                return stem + "e";
            if (stem.Length >= 2 && stem[^1] == stem[^2] && stem[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
                return stem[..^1];
            if (IsShort(stem, R1(stem)))
                return stem + "e";
            return stem;
        }

        return s;
    }

    private static string Step1C(string s)
    {
        if (s.Length > 2 && s[^1] is 'y' or 'Y' && !IsVowel(s[^2]))
            return s[..^1] + "i";
        return s;
    }

    private static string Step2(string s, int r1)
    {
        foreach (var (suffix, replacement) in Step2Rules)
        {
            if (!EndsWith(s, suffix))
                continue;
            if (s.Length - suffix.Length < r1)
                return s;
            if (suffix == "ogi")
                return s.Length > 3 && s[^4] == 'l' ? s[..^3] + "og" : s;
            if (suffix == "li")
                return s.Length > 2 && s[^3] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't' ? s[..^2] : s;
            return s[..^suffix.Length] + replacement;
        }

        return s;
    }

    private static string Step3(string s, int r1, int r2)
    {
        foreach (var (suffix, replacement) in Step3Rules)
        {
            if (!EndsWith(s, suffix))
                continue;
            if (s.Length - suffix.Length < r1)
                return s;
            if (suffix == "ative")
                return s.Length - suffix.Length >= r2 ? s[..^5] : s;
            return s[..^suffix.Length] + replacement;
        }

        return s;
    }

    private static string Step4(string s, int r2)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!EndsWith(s, suffix))
                continue;
            if (s.Length - suffix.Length < r2)
                return s;
            if (suffix == "ion")
                return s.Length > 3 && s[^4] is 's' or 't' ? s[..^3] : s;
            return s[..^suffix.Length];
        }

        return s;
    }

    private static string Step5(string s, int r1, int r2)
    {
        if (EndsWith(s, "e"))
        {
            var stem = s[..^1];
            if (s.Length - 1 >= r2 || (s.Length - 1 >= r1 && !IsShortSyllableEnding(stem, stem.Length)))
                return stem;
            return s;
        }

        if (EndsWith(s, "ll") && s.Length - 1 >= r2)
            return s[..^1];
        return s;
    }
}
