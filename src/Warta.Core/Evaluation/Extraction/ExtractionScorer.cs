using System.Globalization;
using System.Text;

namespace Warta.Evaluation.Extraction;

/// <summary>
/// Scores extracted pages against gold. Full-text gold: token 4-gram shingles (multisets), per page precision and
/// recall, averaged over pages, F1 of the averages. Snippet gold: trafilatura's scheme (a "with" snippet found is a
/// true positive, missing a false negative; a "without" snippet found is a false positive), summed over the set.
/// Metadata: exact after normalisation (case, spacing, punctuation), authors as a set, dates by day or instant.
/// </summary>
public sealed class ExtractionScorer
{
    private const int ShingleSize = 4;

    private double _precisionSum;
    private double _recallSum;
    private int _textPages;
    private int _snipTp;
    private int _snipFp;
    private int _snipFn;
    private int _snipTn;
    private readonly Dictionary<string, (int Right, int Total)> _fields = new(StringComparer.Ordinal);

    public int Pages { get; private set; }

    public int TextPages => _textPages;

    public double Precision => _textPages > 0 ? _precisionSum / _textPages : SnippetPrecision;

    public double Recall => _textPages > 0 ? _recallSum / _textPages : SnippetRecall;

    public double F1 => Harmonic(Precision, Recall);

    public double SnippetPrecision => _snipTp + _snipFp == 0 ? 0 : (double)_snipTp / (_snipTp + _snipFp);

    public double SnippetRecall => _snipTp + _snipFn == 0 ? 0 : (double)_snipTp / (_snipTp + _snipFn);

    public double SnippetAccuracy => _snipTp + _snipFp + _snipFn + _snipTn == 0 ? 0 : (double)(_snipTp + _snipTn) / (_snipTp + _snipFp + _snipFn + _snipTn);

    public bool HasSnippets => _snipTp + _snipFp + _snipFn + _snipTn > 0;

    /// <summary>Right/total for a metadata field (title, author, date, site), or null when no page had gold.</summary>
    public (int Right, int Total)? Field(string name) => _fields.TryGetValue(name, out var v) ? v : null;

    public void Add(ExtractionPage page, ExtractionOutput output)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(output);
        Pages++;
        if (page.GoldText is not null)
        {
            var (p, r) = ShinglePrecisionRecall(output.Text, page.GoldText);
            _precisionSum += p;
            _recallSum += r;
            _textPages++;
        }
        if (page.With is not null || page.Without is not null)
        {
            var text = MatchForm(output.Text);
            foreach (var s in page.With ?? [])
            {
                if (text.Contains(MatchForm(s), StringComparison.Ordinal))
                    _snipTp++;
                else
                    _snipFn++;
            }
            foreach (var s in page.Without ?? [])
            {
                if (text.Contains(MatchForm(s), StringComparison.Ordinal))
                    _snipFp++;
                else
                    _snipTn++;
            }
        }
        if (!string.IsNullOrWhiteSpace(page.GoldTitle))
            Count("title", Key(output.Title) == Key(page.GoldTitle));
        if (page.GoldAuthors is { Count: > 0 } authors)
            Count("author", AuthorsMatch(output.Authors, authors));
        if (page.GoldInstant is { } instant)
            Count("date", output.Published == instant);
        else if (!string.IsNullOrWhiteSpace(page.GoldDay))
            Count("date", output.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == page.GoldDay);
        if (!string.IsNullOrWhiteSpace(page.GoldSiteName))
            Count("site", Key(output.SiteName) == Key(page.GoldSiteName));
    }

    private void Count(string field, bool right)
    {
        _fields.TryGetValue(field, out var v);
        _fields[field] = (v.Right + (right ? 1 : 0), v.Total + 1);
    }

    /// <summary>Shingle precision and recall of one page; an empty output scores 0 and 0.</summary>
    public static (double Precision, double Recall) ShinglePrecisionRecall(string predicted, string gold)
    {
        var goldShingles = Shingles(gold);
        var predictedShingles = Shingles(predicted);
        int goldCount = goldShingles.Values.Sum(), predictedCount = predictedShingles.Values.Sum();
        if (goldCount == 0)
            return predictedCount == 0 ? (1, 1) : (0, 1);
        if (predictedCount == 0)
            return (0, 0);
        var tp = 0;
        foreach (var (shingle, n) in predictedShingles)
        {
            if (goldShingles.TryGetValue(shingle, out var g))
                tp += Math.Min(n, g);
        }
        return ((double)tp / predictedCount, (double)tp / goldCount);
    }

    /// <summary>
    /// Lower-cased word tokens (letters and digits) of a text. Invisible format characters (a soft hyphen in
    /// "Vladi\u00ADmir", a zero-width joiner) are not text: they neither break a word nor belong to it, so a text
    /// that keeps them and one that drops them read the same.
    /// </summary>
    public static List<string> Tokens(string text)
    {
        text = Composed(text);
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (IsFormat(c))
                continue;
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0)
            tokens.Add(sb.ToString());
        return tokens;
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        // An array: string.Join(char, List, int, int) binds to Join(char, params object[]) and joins the list's type
        // name with the two numbers, which made every shingle its position and the score a comparison of lengths.
        var tokens = Tokens(text).ToArray();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var size = Math.Min(ShingleSize, tokens.Length);
        for (var i = 0; size > 0 && i + size <= tokens.Length; i++)
        {
            var key = string.Join(' ', tokens, i, size);
            result[key] = result.GetValueOrDefault(key) + 1;
        }
        return result;
    }

    // Authors as a set of names: gold bylines are free text ("Lars Fischer und Alina Schadwinkel", "A, B & C"),
    // so both sides are split at list separators and connectives before comparing keys.
    private static bool AuthorsMatch(IReadOnlyList<string> predicted, IReadOnlyList<string> gold)
    {
        var p = predicted.SelectMany(SplitNames).Select(Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var g = gold.SelectMany(SplitNames).Select(Key).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        return g.Count > 0 && p.SetEquals(g);
    }

    // A byline cue left at the start of a name ("Von Roland Brockmann", "By Jane Doe"), in the gold or an output, is
    // not part of the name.
    private static IEnumerable<string> SplitNames(string byline) =>
        System.Text.RegularExpressions.Regex.Split(byline, @"\s*(?:[,;&/|]|\s(?:and|und|et|y|dan|e)\s)\s*",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
        .Select(name => System.Text.RegularExpressions.Regex.Replace(name, @"^\s*(?:by|von|oleh|par|por|door|av)\s+", string.Empty,
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    /// <summary>A comparison key: letters and digits only, lower-cased.</summary>
    public static string Key(string? text) =>
        text is null ? string.Empty : new string(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>
    /// The form a snippet is looked for in: canonically composed (NFC: one spelling of a letter with its marks, as
    /// "য়" is stored both as one code point and as two), without invisible format characters (soft hyphens,
    /// zero-width joiners), spaces collapsed. The same on both sides, so no system gains from how it spells the text.
    /// </summary>
    public static string MatchForm(string text)
    {
        text = Composed(text);
        if (text.Any(IsFormat))
            text = string.Concat(text.Where(c => !IsFormat(c)));
        return NormalizeSpaces(text);
    }

    private static string Composed(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    private static bool IsFormat(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static string NormalizeSpaces(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static double Harmonic(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}
