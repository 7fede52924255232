using BenchmarkDotNet.Attributes;
using Warta.Analysis;
using Warta.Language;
using Warta.Model;

namespace Warta.Bench.Analysis;

/// <summary>
/// Language ID and the full analysis (tokens, sentences, NER, roles, canonical names, quotes, numbers) on the two
/// seed documents, per article. Run: <c>dotnet run -c Release --project bench/Warta.Bench -- --filter '*AnalysisBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private readonly ArticleAnalyzer _analyzer = new();
    private readonly LanguageIdentifier _identifier = LanguageIdentifier.CreateDefault();
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var seeds = FindSeeds();
        _texts = [.. Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        _analyzer.Analyze(new Article { Source = "warm-up", Text = _texts[0] });
    }

    [Benchmark]
    public int IdentifyLanguage()
    {
        var n = 0;
        foreach (var text in _texts)
            n += _identifier.Identify(text)?.Length ?? 0;
        return n;
    }

    [Benchmark]
    public int AnalyzeArticle()
    {
        var n = 0;
        foreach (var text in _texts)
        {
            var article = _analyzer.Analyze(new Article { Source = "bench", Text = text, Language = _identifier.Identify(text) });
            n += article.Entities.Count + article.Quotes.Count + article.Numbers.Count;
        }

        return n;
    }

    [Benchmark]
    public int StemWords()
    {
        var n = 0;
        foreach (var token in Tokenizer.Tokenize(_texts[0]))
            n += IndonesianStemmer.Stem(token.Text).Length;
        return n;
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate))
                return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", "seeds");
            if (Directory.Exists(candidate))
                return candidate;
        }

        throw new DirectoryNotFoundException("The seed documents (../shared/seeds) were not found above " + AppContext.BaseDirectory);
    }
}
