using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Warta.Language;

/// <summary>A candidate language with its posterior probability (the candidates of one text sum to 1).</summary>
public sealed record LanguageScore(string Language, double Probability);

/// <summary>
/// Identifies the language of a text offline, in three steps: a script that only one language uses decides at
/// once (Hangul, Kana, Thai, Georgian, the Indic scripts, …); otherwise a naive-Bayes model over character
/// 1–3-grams (langdetect's algorithm, made deterministic, over its Apache-2.0 profiles) ranks the languages of
/// the text's script; when that lands on Indonesian, <see cref="MalayicDiscriminator"/> tells Indonesian, Malay,
/// Javanese and Sundanese apart by their function words, which character n-grams cannot do reliably.
/// </summary>
public sealed class LanguageIdentifier
{
    /// <summary>
    /// Only this many characters are read: an article's head decides its language (100% on the 1,220 evaluation
    /// articles with 1,000 as with 2,000), and time stays bounded.
    /// </summary>
    public const int MaxChars = 1000;


    private static readonly Lazy<LanguageIdentifier> Default = new(() => new LanguageIdentifier(NgramProfiles.LoadBundled()));

    private readonly NgramProfiles _profiles;

    internal LanguageIdentifier(NgramProfiles profiles) => _profiles = profiles;

    /// <summary>The identifier over the bundled profiles, loaded once on first use.</summary>
    public static LanguageIdentifier CreateDefault() => Default.Value;

    /// <summary>Every language code this identifier can answer.</summary>
    public IReadOnlyList<string> Languages =>
        [.. _profiles.Languages.Concat(ScriptLanguages.All).Concat(MalayicDiscriminator.Languages).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The most probable language's ISO 639-1 code, or null when the text has too few letters to tell.</summary>
    public string? Identify(string text) => Detect(text) is [var best, ..] ? best.Language : null;

    /// <summary>The candidate languages, most probable first; empty when the text has no letters.</summary>
    public IReadOnlyList<LanguageScore> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        var script = ScriptLanguages.Dominant(span, out var letters);
        if (letters == 0)
            return [];
        if (script is not null)
            return [new LanguageScore(script, 1.0)];

        var scores = Score(span);
        if (scores is null)
            return [];
        var ranked = Normalise(scores);
        // Javanese and Sundanese have no profile of their own and land on Indonesian or Tagalog.
        if (ranked[0].Language is "id" or "tl" && MalayicDiscriminator.Decide(span) is { } malayic && malayic != ranked[0].Language)
            ranked = [new LanguageScore(malayic, ranked[0].Probability), .. ranked.Skip(1).Where(s => s.Language != malayic)];

        return ranked;
    }

    private double[]? Score(ReadOnlySpan<char> text)
    {
        var n = _profiles.Languages.Count;
        var scores = new double[n];
        var lookup = _profiles.Lookup;
        Span<char> window = stackalloc char[3];
        var filled = 0;
        var grams = 0;
        var previous = ' ';
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? NgramProfiles.NormaliseChar(text[i]) : ' ';
            if (c == ' ' && previous == ' ')
                continue;
            previous = c;
            if (filled < 3)
                window[filled++] = c;
            else
            {
                window[0] = window[1];
                window[1] = window[2];
                window[2] = c;
            }

            for (var len = 1; len <= Math.Min(filled, 3); len++)
            {
                var gram = window.Slice(filled - len, len);
                // Single letters are left out: on headlines they add noise, not evidence (-0.25 points).
                if (len == 1)
                    continue;
                if (!lookup.TryGetValue(gram, out var entries))
                    continue;
                // Every language pays the floor for every gram; only the differences above it change the ranking.
                grams++;
                foreach (var (language, logProbability) in entries)
                    scores[language] += logProbability;
            }
        }

        return grams == 0 ? null : scores;
    }

    private List<LanguageScore> Normalise(double[] scores)
    {
        var max = scores.Max();
        var total = 0.0;
        var probabilities = new double[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            probabilities[i] = Math.Exp(scores[i] - max);
            total += probabilities[i];
        }

        var list = new List<LanguageScore>();
        for (var i = 0; i < scores.Length; i++)
        {
            var p = probabilities[i] / total;
            if (p >= 1e-4)
                list.Add(new LanguageScore(_profiles.Languages[i], p));
        }

        list.Sort((a, b) => b.Probability.CompareTo(a.Probability));
        return list;
    }
}

/// <summary>
/// Character n-gram log-probabilities per language from langdetect's profiles, stored above the floor that a
/// language without the gram gets, so a gram only touches the languages that have it.
/// </summary>
internal sealed class NgramProfiles
{
    // Added to each n-gram's probability: langdetect's 0.5 / 10,000. On the 7,811 headlines of
    // bench/peers/lang/make-eval.py it scores 97.6% (5e-6: 96.4%, 5e-4: 96.1%).
    private const double Smoothing = 0.5 / 10_000;

    private readonly Dictionary<string, (int Language, double LogProbability)[]> _grams;

    private NgramProfiles(List<string> languages, Dictionary<string, (int, double)[]> grams)
    {
        Languages = languages;
        _grams = grams;
        Lookup = grams.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Languages { get; }

    public Dictionary<string, (int Language, double LogProbability)[]>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

    public int GramCount => _grams.Count;

    public static NgramProfiles LoadBundled()
    {
        using var stream = typeof(NgramProfiles).Assembly.GetManifestResourceStream("Warta.Resources.lang/profiles.tsv.gz")
            ?? throw new InvalidOperationException("The bundled language profiles (Resources/lang/profiles.tsv.gz) are missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return Load(reader);
    }

    /// <summary>
    /// Reads "@lang\tn1\tn2\tn3" headers, each followed by "gram\tcount" lines; grams are folded to lowercase
    /// (their counts summed) to match <see cref="NormaliseChar"/>.
    /// </summary>
    public static NgramProfiles Load(TextReader reader)
    {
        var languages = new List<string>();
        var totals = new List<long[]>();
        var counts = new Dictionary<string, Dictionary<int, long>>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
                continue;
            if (line[0] == '@' && tab > 1)
            {
                languages.Add(line[1..tab]);
                totals.Add([.. line[(tab + 1)..].Split('\t').Select(p => Math.Max(1, long.Parse(p, CultureInfo.InvariantCulture)))]);
                continue;
            }

            if (languages.Count == 0 || tab > 3)
                continue;
            var gram = line[..tab].ToLowerInvariant();
            var count = long.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
            if (!counts.TryGetValue(gram, out var byLanguage))
                counts[gram] = byLanguage = [];
            byLanguage[languages.Count - 1] = byLanguage.GetValueOrDefault(languages.Count - 1) + count;
        }

        var grams = counts.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Select(e => (e.Key, Math.Log(((double)e.Value / totals[e.Key][Math.Min(kv.Key.Length, 3) - 1]) + Smoothing) - Math.Log(Smoothing))).ToArray(),
            StringComparer.Ordinal);
        return new NgramProfiles(languages, grams);
    }

    /// <summary>
    /// Letters pass lowercased (title-case headlines otherwise read as German); everything else is a space.
    /// </summary>
    public static char NormaliseChar(char c) => char.IsLetter(c) ? char.ToLowerInvariant(c) : ' ';
}
