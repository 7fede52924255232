using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Warta.Extraction;
using Warta.Model;

namespace Warta.Tests.Extraction;

/// <summary>
/// The two seed documents against their golden expectations (<c>fixtures/seeds/*.expected.json</c>): title, outlet,
/// dateline, date, authors, citations, every removed span with its reason, the collapsed repeat and the exact body
/// paragraphs, compared line by line. Set WARTA_UPDATE_GOLDEN=1 to rewrite the expectations after a deliberate change.
/// </summary>
public class SeedGoldenTests
{
    public static TheoryData<string> Seeds => new() { "000_16d752799582dfe6", "001_f3d4b3f224281650" };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Cleaning_a_seed_matches_its_golden_expectation(string seed)
    {
        var actual = Render(Clean(SeedText(seed)));
        var goldenPath = Path.Combine(RepoRoot(), "tests", "Warta.Core.Tests", "fixtures", "seeds", seed + ".expected.json");
        if (Environment.GetEnvironmentVariable("WARTA_UPDATE_GOLDEN") == "1")
            File.WriteAllText(goldenPath, actual, new UTF8Encoding(false));

        var expectedLines = File.ReadAllText(goldenPath).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var actualLines = actual.TrimEnd('\n').Split('\n');
        for (var i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
            Assert.True(expectedLines[i] == actualLines[i], $"{seed} line {i + 1}:\n expected: {expectedLines[i]}\n actual:   {actualLines[i]}");
        Assert.Equal(expectedLines.Length, actualLines.Length);
    }

    [Fact]
    public void The_fixture_copies_of_the_seeds_equal_the_shared_seeds()
    {
        var shared = Path.Combine(RepoRoot(), "..", "shared", "seeds");
        if (!Directory.Exists(shared))
            return; // A checkout without the shared folder tests against its fixture copies alone.
        foreach (var seed in new[] { "000_16d752799582dfe6", "001_f3d4b3f224281650" })
        {
            var name = seed + ".txt";
            Assert.Equal(File.ReadAllBytes(Path.Combine(shared, name)), File.ReadAllBytes(FixturePath(name)));
        }
    }

    [Fact]
    public void Seed_000_keeps_the_outlet_out_of_the_text_without_inventing_the_missing_word()
    {
        var article = Clean(SeedText("000_16d752799582dfe6"));

        Assert.Equal("Bogordaily.net", article.Outlet);
        Assert.StartsWith("bersedia meningkatkan kerjasama “penegakan hukum dan keamanan”", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bogordaily", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("China bersedia", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_000_publication_date_is_the_masthead_date_not_the_page_or_event_date()
    {
        var article = Clean(SeedText("000_16d752799582dfe6"));

        Assert.Equal(new DateTimeOffset(2022, 1, 11, 5, 20, 0, TimeSpan.FromHours(7)), article.Published);
        Assert.Equal(TimeSpan.FromHours(7), article.Published!.Value.Offset);
        Assert.Equal(DatePrecision.Zoned, article.PublishedPrecision);
        Assert.Contains(new RemovedSpan("Monday, 6 May 2024", RemovalReasons.PageDate), article.Removed);
    }

    [Fact]
    public void Seed_000_repeat_is_collapsed_to_the_copy_with_keamanan()
    {
        var article = Clean(SeedText("000_16d752799582dfe6"));

        var repeat = Assert.Single(article.Repeats);
        Assert.Contains("penegakan hukum dan keamanan", repeat.Kept, StringComparison.Ordinal);
        Assert.Contains("word 'keamanan' present only in the kept copy", repeat.Differences);
        Assert.Equal(1, CountOccurrences(article.Text, "Seperti dilaporkan Reuters"));
    }

    [Fact]
    public void Seed_001_has_no_publication_date_and_cites_rt_once()
    {
        var article = Clean(SeedText("001_f3d4b3f224281650"));

        Assert.Null(article.Published);
        Assert.Null(article.PublishedPrecision);
        var citation = Assert.Single(article.Citations);
        Assert.Equal(new Citation("RT", "dikutip dari Russian Today"), citation);
        Assert.Contains(new RemovedSpan("Sumber: russian today", RemovalReasons.SourceLine), article.Removed);
    }

    internal static Article Clean(string body, string? title = null)
    {
        var input = new RawInput
        {
            Source = "test",
            Kind = InputKind.Text,
            Raw = Encoding.UTF8.GetBytes(body),
            Body = body,
            Title = title,
        };
        var article = new TextArticleExtractor().Extract(input);
        return article with { Citations = CitationFinder.CreateDefault().Find(article.Text, article.Removed) };
    }

    private static string Render(Article a)
    {
        var node = new JsonObject
        {
            ["title"] = a.Title,
            ["outlet"] = a.Outlet,
            ["dateline"] = a.Dateline,
            ["published"] = a.Published?.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["publishedPrecision"] = a.PublishedPrecision?.ToString(),
            ["authors"] = new JsonArray([.. a.Authors.Select(x => (JsonNode?)x)]),
            ["citations"] = new JsonArray([.. a.Citations.Select(c => (JsonNode?)new JsonObject { ["agency"] = c.Agency, ["evidence"] = c.Evidence })]),
            ["removed"] = new JsonArray([.. a.Removed.Select(r => (JsonNode?)new JsonObject { ["reason"] = r.Reason, ["text"] = r.Text })]),
            ["repeats"] = new JsonArray([.. a.Repeats.Select(r => (JsonNode?)new JsonObject
            {
                ["kept"] = new JsonArray([.. r.Kept.Split("\n\n").Select(p => (JsonNode?)p)]),
                ["dropped"] = new JsonArray([.. r.Dropped.Split("\n\n").Select(p => (JsonNode?)p)]),
                ["differences"] = new JsonArray([.. r.Differences.Select(d => (JsonNode?)d)]),
            })]),
            ["paragraphs"] = new JsonArray([.. a.Text.Split("\n\n").Select(p => (JsonNode?)p)]),
        };
        return node.ToJsonString(new JsonSerializerOptions(WartaJson.Options) { WriteIndented = true }) + "\n";
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>The seed from <c>../shared/seeds</c> beside the repository, or the fixture copy when that is absent.</summary>
    internal static string SeedText(string seed)
    {
        var shared = Path.Combine(RepoRoot(), "..", "shared", "seeds", seed + ".txt");
        return File.ReadAllText(File.Exists(shared) ? shared : FixturePath(seed + ".txt"), Encoding.UTF8);
    }

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "seeds", name);

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Warta.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("no Warta.slnx above " + AppContext.BaseDirectory);
    }
}
