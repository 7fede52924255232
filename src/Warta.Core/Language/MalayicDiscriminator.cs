namespace Warta.Language;

/// <summary>
/// Tells Indonesian from Malay, Javanese and Sundanese, which share most character n-grams, by function words and
/// spellings that only one of them uses ("bahwa"/"bahawa", "karena"/"kerana", "ing"/"lan"/"sing", "nu"/"jeung").
/// A text stays Indonesian unless another language's markers clearly outnumber Indonesian's.
/// </summary>
internal static class MalayicDiscriminator
{
    public static readonly string[] Languages = ["id", "ms", "jv", "su"];

    private static readonly Dictionary<string, string> Markers = Build();

    /// <summary>The language whose markers win, or null when the text has too few markers to say.</summary>
    public static string? Decide(ReadOnlySpan<char> text)
    {
        Span<int> hits = stackalloc int[Languages.Length];
        var lookup = Markers.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var word in new LowercaseWords(text, stackalloc char[32]))
        {
            if (lookup.TryGetValue(word, out var language))
                hits[Array.IndexOf(Languages, language)]++;
        }

        var best = 0;
        for (var i = 1; i < hits.Length; i++)
        {
            if (hits[i] > hits[best])
                best = i;
        }

        // Two markers at least, and twice Indonesian's: a borrowed word or a quoted phrase does not flip a text.
        if (best == 0)
            return hits[0] >= 2 ? "id" : null;
        return hits[best] >= 2 && hits[best] >= 2 * hits[0] ? Languages[best] : null;
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string language, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                map[w] = language;
        }

        Add("id", "bahwa karena saja pemerintah uang bisa sudah belum tidak mengatakan kata dengan juga sangat kemudian "
            + "sejak masih harus seperti hingga oleh terhadap antara tersebut menjadi dapat akan para banyak");
        // Not "wang" (money): it is also a common Chinese surname, and two mentions of Wang Yi made text Malay.
        Add("ms", "bahawa kerana sahaja kerajaan boleh iaitu mahupun sebarang selepas manakala polis semalam "
            + "baharu tentera ramai sekiranya kakitangan jabatan cuba percuma kereta");
        Add("jv", "ing lan sing iku ora wis karo kanggo dadi uga saka marang menyang kudu isih sawise banjur amarga "
            + "utawa kabeh dening ngandika kang punika wonten ingkang kaliyan");
        Add("su", "nu jeung teu ieu éta anu kana pikeun ku urang geus dina sareng ogé kitu mah téh kalawan "
            + "ngeunaan sanggeus pisan");
        return map;
    }
}
