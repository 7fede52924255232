namespace Warta.Language;

/// <summary>
/// Scripts that, in news text, belong to one language: a text mostly written in one of them is that language
/// without further evidence. Shared scripts (Latin, Cyrillic, Arabic, Devanagari) return null and go to the
/// n-gram model.
/// </summary>
internal static class ScriptLanguages
{
    // (first code point, last code point, language); Han is "zh" unless Kana also occurs (then "ja").
    private static readonly (int First, int Last, string Language)[] Ranges =
    [
        (0x0370, 0x03FF, "el"), (0x1F00, 0x1FFF, "el"),
        (0x0530, 0x058F, "hy"),
        (0x0590, 0x05FF, "he"),
        (0x0980, 0x09FF, "bn"),
        (0x0A00, 0x0A7F, "pa"),
        (0x0A80, 0x0AFF, "gu"),
        (0x0B00, 0x0B7F, "or"),
        (0x0B80, 0x0BFF, "ta"),
        (0x0C00, 0x0C7F, "te"),
        (0x0C80, 0x0CFF, "kn"),
        (0x0D00, 0x0D7F, "ml"),
        (0x0D80, 0x0DFF, "si"),
        (0x0E00, 0x0E7F, "th"),
        (0x0E80, 0x0EFF, "lo"),
        (0x0F00, 0x0FFF, "bo"),
        (0x1000, 0x109F, "my"),
        (0x10A0, 0x10FF, "ka"),
        (0x1200, 0x139F, "am"),
        (0x1780, 0x17FF, "km"),
        (0x1100, 0x11FF, "ko"), (0x3130, 0x318F, "ko"), (0xAC00, 0xD7AF, "ko"),
        (0x3040, 0x30FF, "ja"),
        (0x3400, 0x4DBF, "zh"), (0x4E00, 0x9FFF, "zh"),
    ];

    public static IEnumerable<string> All => Ranges.Select(r => r.Language).Distinct(StringComparer.Ordinal);

    /// <summary>The language of the dominant script when that script is single-language; counts letters seen.</summary>
    public static string? Dominant(ReadOnlySpan<char> text, out int letters)
    {
        letters = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var other = 0;
        var kana = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            var language = Find(c);
            if (language is null)
            {
                other++;
                continue;
            }

            if (language == "ja")
                kana++;
            counts[language] = counts.GetValueOrDefault(language) + 1;
        }

        if (counts.Count == 0)
            return null;
        var best = counts.MaxBy(kv => kv.Value);
        var key = best.Key;
        var count = best.Value;
        // Japanese mixes Kanji with Kana: any real share of Kana makes Han text Japanese.
        if (kana > 0 && (key == "zh" || key == "ja") && kana * 10 >= letters)
            return "ja";
        return count > other ? key : null;
    }

    private static string? Find(char c)
    {
        if (c < 0x0370)
            return null;
        foreach (var (first, last, language) in Ranges)
        {
            if (c >= first && c <= last)
                return language;
        }

        return null;
    }
}
