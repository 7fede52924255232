using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Warta.Search;

/// <summary>
/// The query the classic multi-field parser builds for plain words (letters and digits separated by spaces: what
/// nearly every search box receives), built directly: every word must match (AND), in any language's title (boosted)
/// or text field. The classic parser costs far more than the analysis it wraps (its generated tokenizer signals the
/// end of input by throwing an exception), about a tenth of a search's CPU. Anything else — operators, quotes,
/// wildcards, fields, punctuation, a word the analysis splits or drops entirely — returns null and goes to the parser.
/// </summary>
internal static class PlainQuery
{
    private const int MaxWords = 32;

    public static Query? TryBuild(Analyzer analyzer, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > MaxWords || !words.All(IsPlainWord))
        {
            return null;
        }

        var clauses = new List<Query>(words.Length);
        foreach (var word in words)
        {
            var perField = new BooleanQuery(disableCoord: true);
            foreach (var field in SearchAnalyzers.SearchFields)
            {
                switch (Analyze(analyzer, field, word))
                {
                    case null:
                        return null; // more than one token: the parser decides how they combine
                    case "":
                        continue; // a stopword in this field's language
                    case var term:
                        perField.Add(new TermQuery(new Term(field, term)) { Boost = SearchAnalyzers.Boosts[field] }, Occur.SHOULD);
                        break;
                }
            }

            if (perField.Clauses.Count == 0)
            {
                return null; // dropped in every field: the parser's handling of an empty clause applies
            }

            clauses.Add(perField);
        }

        if (clauses.Count == 1)
        {
            return clauses[0];
        }

        var all = new BooleanQuery();
        foreach (var clause in clauses)
        {
            all.Add(clause, Occur.MUST);
        }

        return all;
    }

    private static bool IsPlainWord(string word) =>
        word is not ("AND" or "OR" or "NOT") && word.All(char.IsLetterOrDigit);

    /// <summary>The word's only token in <paramref name="field"/>; "" when it has none, null when it has several.</summary>
    private static string? Analyze(Analyzer analyzer, string field, string word)
    {
        using var stream = analyzer.GetTokenStream(field, word);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        string? token = null;
        while (stream.IncrementToken())
        {
            if (token is not null)
            {
                stream.End();
                return null;
            }

            token = term.ToString();
        }

        stream.End();
        return token ?? string.Empty;
    }
}
