using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Warta.Extraction;

namespace Warta.Bench.Extraction;

/// <summary>
/// HTML extraction against the floor (AngleSharp parsing alone) on the id-news-html article pages. The peer
/// ratios (Readability.js + jsdom, readability-lxml) come from <c>./warta eval extraction</c>, which runs them on the
/// same pages in the same run; see bench/RESULTS-extraction.md.
/// Run: <c>dotnet run -c Release --project bench/Warta.Bench -- --filter '*HtmlExtraction*'</c> from the repository root.
/// </summary>
[MemoryDiagnoser]
public class HtmlExtractionBench
{
    private readonly HtmlArticleExtractor _extractor = new();
    private string[] _pages = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(FindRepositoryRoot(), "..", "shared", "data", "id-news-html", "pages");
        _pages = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*singlepage*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray()
            : throw new DirectoryNotFoundException($"id-news-html pages not found at {folder}");
    }

    [Benchmark(Baseline = true, Description = "AngleSharp parse only")]
    public int ParseOnly()
    {
        var n = 0;
        var parser = new HtmlParser();
        foreach (var page in _pages)
            n += parser.ParseDocument(page).All.Length;
        return n;
    }

    [Benchmark(Description = "Warta extract (parse + body + metadata + line cleaning)")]
    public int Extract()
    {
        var n = 0;
        foreach (var page in _pages)
            n += _extractor.Extract(page, null).Text.Length;
        return n;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Warta.slnx")))
                return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
