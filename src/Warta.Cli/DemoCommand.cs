using System.CommandLine;
using System.Globalization;
using Warta.Pipeline;
using Warta.Server;
using Warta.Storage;

namespace Warta.Cli;

/// <summary><c>warta demo</c>: ingest the bundled sample corpus into a data directory, print what was found, then serve it.</summary>
internal static class DemoCommand
{
    /// <summary>The bundled corpus, relative to the repository root.</summary>
    private static readonly string SampleFolder = Path.Combine("data", "sample");

    public static Command Create()
    {
        var data = CliSupport.DataOption();
        data.DefaultValueFactory = _ => Path.Combine(ArticleStore.DefaultDataDirectory(), "demo");
        data.Description = "The data directory for the demo. Default: a 'demo' folder inside the default data directory.";
        var port = ServeCommand.PortOption();
        var host = ServeCommand.HostOption();
        var inputs = new Option<string[]>("--input") { Description = $"Files or folders to ingest instead of the bundled corpus ({SampleFolder}/).", AllowMultipleArgumentsPerToken = true };
        var noServe = new Option<bool>("--no-serve") { Description = "Ingest and print the summary, then exit instead of serving." };
        var command = new Command("demo", """
            The quickest way to see Warta: ingest the bundled sample corpus (Indonesian and English news, the two seed
            articles, HTML pages), print what was found (languages, outlets, copies, the largest stories), then serve the
            web UI and the API over it. Running it again reuses the data directory and ingests only what is new.
            """) { data, port, host, inputs, noServe };
        command.SetAction(async (parse, cancel) =>
        {
            string[] paths;
            if (parse.GetValue(inputs) is { Length: > 0 } given)
            {
                paths = given;
            }
            else if (FindSample() is { } sample)
            {
                paths = [sample];
            }
            else
            {
                await Console.Error.WriteLineAsync($"demo: error: the bundled corpus ({SampleFolder}/) was not found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}; run from the repository, or pass --input PATH").ConfigureAwait(false);
                return CliSupport.UsageError;
            }

            var options = new WartaServerOptions { DataDirectory = parse.GetValue(data), Port = parse.GetValue(port), Host = parse.GetValue(host)! };
            if (parse.GetValue(noServe))
            {
                var server = WartaServer.Build(options);
                await using (server.ConfigureAwait(false))
                {
                    await IngestAsync(server, paths, cancel).ConfigureAwait(false);
                }

                return CliSupport.Ok;
            }

            return await ServeCommand.RunAsync(options, server => IngestAsync(server, paths, cancel).GetAwaiter().GetResult(), cancel).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Ingests <paramref name="paths"/> through the ingest runner (linking and indexing follow) and prints a summary.</summary>
    internal static async Task IngestAsync(WartaServer server, IReadOnlyList<string> paths, CancellationToken cancel)
    {
        Console.Out.WriteLine($"demo: ingesting {string.Join(", ", paths)} into {server.DataDirectory}");
        var runner = new IngestRunner(server.Store);
        IngestProgress result;
        using (var reporter = ProgressReporter.Start("demo"))
        {
            result = await runner.RunAsync(paths, reporter.Report, cancel).ConfigureAwait(false);
            reporter.Finish(result);
        }

        server.Index.Commit();
        PrintSummary(server);
    }

    private static void PrintSummary(WartaServer server)
    {
        var stats = server.Store.Stats();
        var links = server.Catalog.Links;
        var stories = 0L;
        var top = new List<StoryRecord>();
        foreach (var story in links is Linking.LinkStore store ? store.AllStories() : [])
        {
            stories++;
            top.Add(story);
            if (top.Count > 50)
            {
                top = [.. top.OrderByDescending(s => s.ArticleIds.Count).ThenBy(s => s.Id).Take(5)];
            }
        }

        var copies = 0;
        var altered = 0;
        foreach (var article in AllArticles(server.Catalog))
        {
            copies += article.Links.Copies.Count > 0 ? 1 : 0;
            altered += article.Links.Alterations.Count > 0 ? 1 : 0;
        }

        var w = Console.Out;
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo: {stats.Articles} articles, {stats.Rejections} rejected inputs, {stories} stories"));
        w.WriteLine("demo: languages: " + string.Join(", ", stats.Languages.Take(6).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"))));
        w.WriteLine("demo: outlets:   " + string.Join(", ", stats.Outlets.Take(6).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}"))));
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"demo: copies:    {copies} articles copy or are copied by another; {altered} copies altered their origin"));
        w.WriteLine("demo: largest stories:");
        foreach (var story in top.OrderByDescending(s => s.ArticleIds.Count).ThenBy(s => s.Id).Take(5))
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {story.ArticleIds.Count,4} articles, {story.Outlets.Count,3} outlets  {story.Label}"));
        }
    }

    private static IEnumerable<ServedArticle> AllArticles(IArticleCatalog catalog)
    {
        long after = 0;
        while (catalog.All(after, 1_000) is { Count: > 0 } page)
        {
            foreach (var article in page)
            {
                yield return article;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>The bundled corpus: searched upwards from the executable (it lives under the repository) and the working directory.</summary>
    private static string? FindSample()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, SampleFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
