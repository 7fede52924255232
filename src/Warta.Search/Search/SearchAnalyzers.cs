using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Warta.Search;

/// <summary>
/// Per-language analysis: every article's text goes into fields named for its language (<c>text_id</c>,
/// <c>text_en</c>, or <c>text_xx</c> for any other or unknown language), each analysed with that language's
/// tokenizer, lower-casing, stopwords and stemmer (Warta's own, see <see cref="WartaAnalyzer"/>). A query is parsed once per field with the field's analyzer, so
/// "pemerintahan" finds "pemerintah" in Indonesian articles and "governments" finds "government" in English ones.
/// </summary>
internal static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static readonly string[] Suffixes = ["id", "en", "xx"];

    public static readonly string[] SearchFields = [.. Suffixes.SelectMany(s => new[] { "title_" + s, "text_" + s })];

    /// <summary>A title match weighs twice a body match: titles are short and name the subject.</summary>
    public static readonly Dictionary<string, float> Boosts = SearchFields.ToDictionary(f => f, f => f.StartsWith("title_", StringComparison.Ordinal) ? 2f : 1f, StringComparer.Ordinal);

    public static string Suffix(string? language) => language switch
    {
        "id" or "ms" => "id",
        "en" => "en",
        _ => "xx",
    };

    public static Analyzer Create()
    {
        var indonesian = new WartaAnalyzer("id");
        var english = new WartaAnalyzer("en");
        var other = new StandardAnalyzer(Version, CharArraySet.Empty);
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var field in SearchFields)
        {
            perField[field] = field.EndsWith("_id", StringComparison.Ordinal) ? indonesian : field.EndsWith("_en", StringComparison.Ordinal) ? english : other;
        }

        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }
}
