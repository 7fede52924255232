using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Warta.Language;

namespace Warta.Search;

/// <summary>
/// Lucene analysis with Warta's own language pieces: Lucene's standard tokenizer, lower-casing, the language's
/// stopwords (<see cref="Stopwords.For"/>) and its stemmer (<see cref="IndonesianStemmer"/> or
/// <see cref="EnglishStemmer"/>), so search conflates words exactly as the rest of the engine does.
/// </summary>
internal sealed class WartaAnalyzer(string language) : Analyzer
{
    private readonly CharArraySet _stopwords = new(SearchAnalyzers.Version, Stopwords.For(language).ToList(), false);
    private readonly StemCache? _stem = language switch
    {
        "id" => StemCache.Indonesian,
        "en" => StemCache.English,
        _ => null,
    };

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(SearchAnalyzers.Version, reader);
        TokenStream stream = new LowerCaseFilter(SearchAnalyzers.Version, tokenizer);
        if (_stopwords.Count > 0)
        {
            stream = new StopFilter(SearchAnalyzers.Version, stream, _stopwords);
        }

        if (_stem is not null)
        {
            stream = new StemFilter(stream, _stem);
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    private sealed class StemFilter(TokenStream input, StemCache stem) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var word = _term.Buffer.AsSpan(0, _term.Length);
            var stemmed = stem.Stem(word);
            if (!word.SequenceEqual(stemmed))
            {
                _term.SetEmpty().Append(stemmed);
            }

            return true;
        }
    }
}
