using BenchmarkDotNet.Attributes;
using Warta.Extraction;
using Warta.Model;

namespace Warta.Bench.Extraction;

/// <summary>
/// The already-extracted-text path over the two seed documents: cleaning alone, citations alone, both together,
/// and date finding. The target is 5,000 articles/s end to end on 2 cores, i.e. well under 400 µs per article per
/// core for everything; run with
/// <c>dotnet run -c Release --project bench/Warta.Bench -- --filter '*TextCleaning*'</c>.
/// </summary>
[MemoryDiagnoser]
public class TextCleaningBenchmarks
{
    private readonly TextArticleExtractor _extractor = new();
    private readonly CitationFinder _citations = CitationFinder.CreateDefault();
    private RawInput[] _inputs = [];
    private Article[] _cleaned = [];

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(RepoRoot(), "tests", "Warta.Core.Tests", "fixtures", "seeds");
        _inputs = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(path =>
        {
            var bytes = File.ReadAllBytes(path);
            return new RawInput { Source = path, Kind = InputKind.Text, Raw = bytes, Body = System.Text.Encoding.UTF8.GetString(bytes) };
        }).ToArray();
        _cleaned = _inputs.Select(_extractor.Extract).ToArray();
    }

    /// <summary>Both seeds cleaned (two articles per operation).</summary>
    [Benchmark(Baseline = true)]
    public int Clean()
    {
        var total = 0;
        foreach (var input in _inputs)
            total += _extractor.Extract(input).Text.Length;
        return total;
    }

    /// <summary>Both seeds' citations, from already cleaned text.</summary>
    [Benchmark]
    public int Citations()
    {
        var total = 0;
        foreach (var article in _cleaned)
            total += _citations.Find(article.Text, article.Removed).Count;
        return total;
    }

    /// <summary>Both seeds cleaned and cited: the text path up to language identification.</summary>
    [Benchmark]
    public int CleanAndCite()
    {
        var total = 0;
        foreach (var input in _inputs)
        {
            var article = _extractor.Extract(input);
            total += _citations.Find(article.Text, article.Removed).Count + article.Text.Length;
        }
        return total;
    }

    /// <summary>Every date mention of both raw seeds.</summary>
    [Benchmark]
    public int FindDates()
    {
        var total = 0;
        foreach (var input in _inputs)
            total += DateParser.FindAll(input.Body).Count;
        return total;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Warta.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("no Warta.slnx above " + AppContext.BaseDirectory);
    }
}
