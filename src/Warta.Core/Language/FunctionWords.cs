using System.Collections.Frozen;

namespace Warta.Language;

/// <summary>
/// Word-level evidence for short text. Character n-grams need a few hundred characters; a headline of eight words,
/// half of them names ("Israel Tutup Masjid Al-Aqsa bagi Muslim", "Mt. Gox files for US bankruptcy"), gives the
/// names' grams as much say as the language's own. Function words are the language's own: each one found adds a
/// fixed log-likelihood to every language it belongs to. The lists cover the languages that news headlines are
/// most often confused between (Indonesian and Tagalog; English and the Germanic, Romance and Baltic languages
/// whose grams its title-case headlines share). A language without a list gets no bonus; the bonus decides
/// between close n-gram scores, and texts longer than <see cref="MaxChars"/> get none, so it never overrides an
/// article's n-gram verdict.
/// </summary>
internal static class FunctionWords
{
    /// <summary>Texts up to this many characters get word evidence; longer texts are decided by n-grams alone.</summary>
    public const int MaxChars = 300;

    private static readonly FrozenDictionary<string, string[]> Languages = Build();

    /// <summary>The languages a lowercase word is a function word of, or null.</summary>
    public static string[]? Of(ReadOnlySpan<char> lowercaseWord) =>
        Languages.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(lowercaseWord, out var languages) ? languages : null;

    /// <summary>Calls <paramref name="found"/> with the languages of each function word in <paramref name="text"/>.</summary>
    public static void Scan(ReadOnlySpan<char> text, Action<string[]> found)
    {
        foreach (var word in new LowercaseWords(text, stackalloc char[16]))
        {
            if (Of(word) is { } languages)
                found(languages);
        }
    }

    private static FrozenDictionary<string, string[]> Build()
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string language, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!map.TryGetValue(w, out var list))
                    map[w] = list = [];
                list.Add(language);
            }
        }

        Add("en", "the of and to for with from by after over says said will are was were has have had its their this "
            + "that these those amid into about what how why who than been more not but new");
        Add("id", "yang dan di ke dari untuk dengan pada dalam ini itu akan tidak ada juga atau oleh karena bisa sudah "
            + "belum saat jadi soal usai kata hingga bagi apa begini ternyata siapa bakal");
        Add("tl", "ang ng mga sa na si ay ni kay para hindi ito nang pag");
        Add("nl", "de het een van en is op te dat niet met voor zijn aan er ook bij wordt naar");
        Add("de", "der die das und ist nicht mit von zu den dem ein eine für auf im auch sich wird");
        Add("fr", "le la les des du et est une un pour dans sur pas qui avec au aux par ce");
        Add("es", "el la los las del y es una un por para con que en se al más");
        Add("it", "il lo la gli le dei della di del e è che per con una un non sono alla");
        Add("pt", "o os as do da dos das e é um uma para com não que em no na ao");
        Add("af", "die en van is het nie op in te vir met wat ook");
        Add("sv", "och att det som en är på för med av till inte har den");
        Add("da", "og at det som en er på for med af til ikke har den");
        Add("ca", "el la els les i és que per amb una un del dels al");
        Add("et", "ja on ei see et kui ka oli mis aga või");
        Add("ro", "și în de la cu pe nu este o un care din pentru");
        return map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
