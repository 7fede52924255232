using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Warta.Cli.Tests;

/// <summary>The command-line contract other tools rely on (foundation issue), checked on the built program.</summary>
public sealed class CliContractTests : IDisposable
{
    private static readonly string[] ExtractFields = ["source", "url", "title", "text", "published", "authors", "outlet", "language", "citations", "removed"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "warta-cli-" + Guid.NewGuid().ToString("N"));

    public CliContractTests() => Directory.CreateDirectory(_directory);

    private string Data => Path.Combine(_directory, "data");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Extract_writes_one_camel_case_object_per_input_with_the_contract_fields()
    {
        var seeds = Directory.GetFiles(CliProcess.RepositoryPath(Path.Combine("data", "sample", "seeds")), "*.txt").Order(StringComparer.Ordinal).ToArray();
        var gz = Path.Combine(_directory, "copy.txt.gz");
        using (var file = File.Create(gz))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(File.ReadAllBytes(seeds[1]));
        }

        var (exit, output, _) = CliProcess.Run(["extract", seeds[0], seeds[1], gz]);

        Assert.Equal(0, exit);
        var records = Lines(output);
        Assert.Equal(3, records.Count);
        foreach (var record in records)
        {
            foreach (var field in ExtractFields)
            {
                Assert.True(record.TryGetProperty(field, out _), $"missing {field}");
            }

            Assert.Equal(JsonValueKind.Array, record.GetProperty("authors").ValueKind);
            Assert.All(record.GetProperty("citations").EnumerateArray(), c => Assert.NotNull(c.GetProperty("evidence").GetString()));
            Assert.All(record.GetProperty("removed").EnumerateArray(), r => Assert.NotNull(r.GetProperty("reason").GetString()));
            Assert.DoesNotContain("\n\n\n", record.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(seeds[0], records[0].GetProperty("source").GetString());
        Assert.Equal(gz, records[2].GetProperty("source").GetString());
        Assert.Equal("2022-01-11T05:20:00+07:00", records[0].GetProperty("published").GetString());
        Assert.Equal("Reuters", records[0].GetProperty("citations")[0].GetProperty("agency").GetString());
        Assert.Contains("\n\n", records[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(records[1].GetProperty("text").GetString(), records[2].GetProperty("text").GetString());
    }

    [Fact]
    public void Ingest_then_export_gives_the_extract_fields_plus_ids_links_and_is_idempotent()
    {
        var feed = Write("feed.jsonl", """
            {"id":"ext-1","url":"https://a.example/1","title":"Gempa guncang Cianjur","text":"Gempa bermagnitudo 5,6 mengguncang Cianjur pada Senin siang.\n\nRatusan rumah rusak.","published":"2022-11-21T13:21:00+07:00","outlet":"Antara","language":"id"}
            {"id":"ext-2","url":"https://b.example/2","title":"Gempa Cianjur","outlet":"Kompas","published":"2022-11-21T14:00:00+07:00"}
            not json at all
            """);

        var first = CliProcess.Run(["ingest", "--data", Data, feed]);
        var again = CliProcess.Run(["ingest", "--data", Data, feed]);
        var (exit, output, _) = CliProcess.Run(["export", "--data", Data]);

        Assert.Equal(1, first.Exit);
        Assert.Contains("2 stored", first.Error, StringComparison.Ordinal);
        Assert.Contains("0 stored, 2 unchanged", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        var records = Lines(output);
        Assert.Equal(2, records.Count);
        foreach (var record in records)
        {
            foreach (var field in ExtractFields.Concat(["id", "externalId", "duplicateOf", "copies", "originId", "storyId", "alterations"]))
            {
                Assert.True(record.TryGetProperty(field, out _), $"missing {field}");
            }
        }

        Assert.Equal("ext-1", records[0].GetProperty("externalId").GetString());
        Assert.Equal("Gempa Cianjur", records[1].GetProperty("title").GetString());
        Assert.Equal(records[0].GetProperty("storyId").GetInt64(), records[1].GetProperty("storyId").GetInt64());

        var stats = CliProcess.Run(["stats", "--data", Data]);
        Assert.Contains("invalid-json", stats.Out + stats.Error, StringComparison.Ordinal);
        var stories = Lines(CliProcess.Run(["stories", "--data", Data]).Out);
        Assert.Equal([1L, 2L], Assert.Single(stories).GetProperty("articleIds").EnumerateArray().Select(i => i.GetInt64()));
    }

    [Theory]
    [InlineData(2, "ingest", "--no-such-option")]
    [InlineData(4, "show", "--data", "{data}", "999")]
    [InlineData(3, "stats", "--data", "{file}")]
    public void Exit_codes_say_what_went_wrong(int expected, params string[] args)
    {
        var file = Write("not-a-directory", "x");
        var (exit, _, error) = CliProcess.Run([.. args.Select(a => a.Replace("{data}", Data, StringComparison.Ordinal).Replace("{file}", file, StringComparison.Ordinal))]);

        Assert.Equal(expected, exit);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("extract")]
    [InlineData("export")]
    [InlineData("show")]
    [InlineData("stats")]
    [InlineData("stories")]
    [InlineData("serve")]
    [InlineData("demo")]
    public void Every_command_explains_itself(string command)
    {
        var (exit, output, _) = CliProcess.Run([command, "--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.True(output.Length > 200, output);
    }

    [Fact]
    public async Task A_killed_ingest_loses_nothing_it_reported_and_a_rerun_completes_without_duplicates()
    {
        const int Articles = 20_000;
        var feed = Path.Combine(_directory, "many.jsonl");
        await using (var writer = new StreamWriter(feed))
        {
            // Large enough that the ingest outlasts the first progress line (two seconds) on a fast machine too.
            for (var i = 0; i < Articles; i++)
            {
                var n = i.ToString(CultureInfo.InvariantCulture);
                await writer.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    id = "k" + n,
                    title = $"Berita nomor {n} tentang banjir di kecamatan {n}",
                    text = $"Banjir melanda kecamatan {n} pada hari Senin. Warga nomor {n} mengungsi ke balai desa.\n\nPetugas mendata {n} rumah yang terendam.",
                    outlet = "Outlet " + (i % 7).ToString(CultureInfo.InvariantCulture),
                }));
            }
        }

        // Plain progress lines ("N stored") come every two seconds; the first one is what the run reported as stored.
        var reported = 0L;
        using (var process = CliProcess.Start("ingest", "--batch", "32", "--data", Data, feed))
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromMinutes(3) && await process.StandardError.ReadLineAsync() is { } line)
            {
                var stored = System.Text.RegularExpressions.Regex.Match(line, @"([0-9,]+) stored");
                if (stored.Success && long.Parse(stored.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) is > 0 and var count && !line.Contains("done", StringComparison.Ordinal))
                {
                    reported = count;
                    process.Kill(entireProcessTree: true);
                    break;
                }
            }

            await process.WaitForExitAsync();
        }

        Assert.True(reported > 0, "the ingest finished before it reported progress; make the feed larger");
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "warta.db")}"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
            check.CommandText = "SELECT count(*) FROM articles";
            Assert.True((long)check.ExecuteScalar()! >= reported);
        }

        var rerun = await CliProcess.RunAsync(["ingest", "--data", Data, feed]);
        Assert.Equal(0, rerun.Exit);
        var exported = Lines((await CliProcess.RunAsync(["export", "--data", Data])).Out);
        Assert.Equal(Articles, exported.Count);
        Assert.Equal(Articles, exported.Select(r => r.GetProperty("externalId").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(exported, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("storyId").ValueKind));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private static List<JsonElement> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
}
