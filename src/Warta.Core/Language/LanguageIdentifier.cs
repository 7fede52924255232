using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.InteropServices;
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

    // Reading stops once one language leads the next by this log-likelihood margin, checked every CheckEvery grams
    // after the first FirstCheck (about 100 characters, so a name or a quoted phrase at the start cannot decide):
    // most articles are decided within their first few hundred characters. On the 1,220 evaluation articles a
    // margin of 40 keeps 100%; 25 misreads two Indonesian articles that open with an English name, and a first
    // check at 60 grams misreads one. Headlines are too short to stop early.
    private const float StopMargin = 40;
    private const int FirstCheck = 200;
    private const int CheckEvery = 30;

    private static readonly Lazy<LanguageIdentifier> Default = new(() => new LanguageIdentifier(NgramProfiles.LoadBundled()));

    // Log-likelihood added per function word in a short text (FunctionWords). Calibrated on headlines-tune.tsv
    // (bench/peers/lang/make-eval.py --tune: 6,372 held-out headlines, not the evaluation items): 98.46% without,
    // 98.52 / 98.62 / 98.71 / 98.81 / 98.82 / 98.78 / 98.71% at 1 / 2 / 4 / 6 / 8 / 10 / 16; 6 is the smallest on the plateau.
    private const double WordBonus = 6;

    private readonly NgramProfiles _profiles;
    private readonly Dictionary<string, int> _indexOf;

    internal LanguageIdentifier(NgramProfiles profiles)
    {
        _profiles = profiles;
        _indexOf = profiles.Languages.Select((language, k) => (language, k)).ToDictionary(x => x.language, x => x.k, StringComparer.Ordinal);
    }

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
        if (span.Length <= FunctionWords.MaxChars)
        {
            FunctionWords.Scan(span, languages =>
            {
                foreach (var language in languages)
                {
                    if (_indexOf.TryGetValue(language, out var k))
                        scores[k] += WordBonus;
                }
            });
        }

        var ranked = Normalise(scores);
        // Javanese and Sundanese have no profile of their own and land on Indonesian or Tagalog.
        if (ranked[0].Language is "id" or "tl" && MalayicDiscriminator.Decide(span) is { } malayic && malayic != ranked[0].Language)
            ranked = [new LanguageScore(malayic, ranked[0].Probability), .. ranked.Skip(1).Where(s => s.Language != malayic)];

        return ranked;
    }

    private double[]? Score(ReadOnlySpan<char> text)
    {
        var n = _profiles.Languages.Count;
        Span<float> scores = stackalloc float[_profiles.Stride];
        scores.Clear();
        var grams = 0;
        var nextCheck = FirstCheck;
        ulong window = 0;
        var filled = 0;
        var previous = ' ';
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? NgramProfiles.NormaliseChar(text[i]) : ' ';
            if (c == ' ' && previous == ' ')
                continue;
            previous = c;
            // The last three characters, 16 bits each; a bigram is the low 32 bits.
            window = ((window << 16) | c) & 0xFFFF_FFFF_FFFF;
            filled++;
            // Single letters are left out: on headlines they add noise, not evidence (-0.25 points).
            if (filled >= 2)
                grams += _profiles.Add(window & 0xFFFF_FFFF, scores);
            if (filled >= 3)
                grams += _profiles.Add(window, scores);
            if (grams >= nextCheck)
            {
                if (Leads(scores))
                    break;
                nextCheck = grams + CheckEvery;
            }
        }

        if (grams == 0)
            return null;
        var result = new double[n];
        for (var k = 0; k < n; k++)
            result[k] = scores[k];
        return result;
    }

    /// <summary>Whether the best language leads the second by <see cref="StopMargin"/> (log-odds) already.</summary>
    private bool Leads(ReadOnlySpan<float> scores)
    {
        float best = float.MinValue, second = float.MinValue;
        foreach (var s in scores[.._profiles.Languages.Count])
        {
            if (s > best)
            {
                second = best;
                best = s;
            }
            else if (s > second)
                second = s;
        }

        return best - second >= StopMargin;
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

    // A gram found in this many languages or more is stored as a dense row and added with vector instructions;
    // rarer grams keep (language, weight) lists. On the bundled profiles a few thousand common grams are dense.
    private const int DenseFrom = 12;

    private readonly UInt64Index _index;
    private readonly int[] _offsets;
    private readonly int[] _denseRows;
    private readonly float[] _dense;
    private readonly byte[] _entryLanguages;
    private readonly float[] _entryWeights;

    private NgramProfiles(List<string> languages, Dictionary<string, (int Language, double LogProbability)[]> grams)
    {
        Languages = languages;
        Stride = (languages.Count + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        var keys = new ulong[grams.Count];
        _offsets = new int[grams.Count + 1];
        _denseRows = new int[grams.Count];
        var sparse = grams.Values.Where(e => e.Length < DenseFrom).Sum(e => e.Length);
        _dense = new float[grams.Values.Count(e => e.Length >= DenseFrom) * Stride];
        _entryLanguages = new byte[sparse];
        _entryWeights = new float[sparse];
        var row = 0;
        var at = 0;
        var dense = 0;
        foreach (var (gram, byLanguage) in grams)
        {
            keys[row] = Pack(gram);
            _offsets[row] = at;
            _denseRows[row] = -1;
            if (byLanguage.Length >= DenseFrom)
            {
                _denseRows[row] = dense;
                foreach (var (language, logProbability) in byLanguage)
                    _dense[dense + language] = (float)logProbability;
                dense += Stride;
            }
            else
            {
                foreach (var (language, logProbability) in byLanguage)
                {
                    _entryLanguages[at] = (byte)language;
                    _entryWeights[at++] = (float)logProbability;
                }
            }

            row++;
        }

        _offsets[row] = at;
        _index = new UInt64Index(keys);
    }

    /// <summary>The length of a score vector: the language count rounded up to whole SIMD vectors.</summary>
    public int Stride { get; }

    public IReadOnlyList<string> Languages { get; }

    public int GramCount => _index.Count;

    /// <summary>A gram of up to three characters as one key, 16 bits per character, the last character lowest.</summary>
    public static ulong Pack(ReadOnlySpan<char> gram)
    {
        ulong key = 0;
        foreach (var c in gram)
            key = (key << 16) | c;
        return key;
    }

    /// <summary>Adds a packed gram's log-probabilities to <paramref name="scores"/>; 1 when the gram is known, else 0.</summary>
    public int Add(ulong gram, Span<float> scores)
    {
        var row = _index.Find(gram);
        if (row < 0)
            return 0;
        var dense = _denseRows[row];
        if (dense >= 0)
        {
            ref var add = ref _dense[dense];
            ref var sum = ref MemoryMarshal.GetReference(scores);
            for (nuint k = 0; k < (nuint)Stride; k += (nuint)Vector<float>.Count)
                (Vector.LoadUnsafe(ref sum, k) + Vector.LoadUnsafe(ref add, k)).StoreUnsafe(ref sum, k);
            return 1;
        }

        var languages = _entryLanguages;
        var weights = _entryWeights;
        for (var k = _offsets[row]; k < _offsets[row + 1]; k++)
            scores[languages[k]] += weights[k];
        return 1;
    }

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
    public static char NormaliseChar(char c) => char.IsLetter(c) ? CaseFolding.ToLower(c) : ' ';
}
