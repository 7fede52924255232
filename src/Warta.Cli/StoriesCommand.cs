using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Warta.Linking;
using Warta.Model;
using Warta.Stories;

namespace Warta.Cli;

/// <summary>
/// <c>warta stories --data DIR</c>: the stories in the store, one JSON object per story (clustered during ingest).
/// With FILE arguments it instead clusters the JSONL records of those files or folders in memory without a store:
/// each line needs <c>title</c> or <c>text</c>; <c>id</c>, <c>url</c>, <c>outlet</c>, <c>published</c> and
/// <c>language</c> are optional, so headline-only input works.
/// </summary>
internal static class StoriesCommand
{
    /// <summary>Lines longer than this are reported and skipped: one record never holds the batch hostage.</summary>
    private const int MaxLineChars = 4_000_000;

    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var files = new Argument<string[]>("files")
        {
            Description = "JSONL files or folders to cluster in memory instead of reading the store.",
            Arity = ArgumentArity.ZeroOrMore,
        }.RejectingOptionLikePaths();
        var threshold = new Option<double?>("--threshold") { Description = "Override the story threshold (in-memory mode)." };
        var command = new Command("stories", """
            Write the stories to stdout, one JSON object per story: id, label, articleIds, first, last, outlets,
            languages, keyEntities, originIds. Stories are built while 'warta ingest' runs.
            Example: warta stories --data ./news > stories.jsonl
            """) { data, files, threshold };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files) ?? [];
            return paths.Length == 0 ? FromStore(parse.GetValue(data)!) : FromFiles(paths, parse.GetValue(threshold));
        });
        return command;
    }

    private static int FromStore(string dataDirectory)
    {
        using var store = CliSupport.OpenStore(dataDirectory, "stories");
        if (store is null)
        {
            return CliSupport.StoreError;
        }

        using var links = LinkStore.Open(store);
        using var output = new StreamWriter(Console.OpenStandardOutput());
        foreach (var story in links.AllStories())
        {
            output.WriteLine(WartaJson.Serialize(new
            {
                id = story.Id,
                label = story.Label,
                articleIds = story.ArticleIds,
                first = story.First,
                last = story.Last,
                outlets = story.Outlets,
                languages = story.Languages,
                keyEntities = story.Entities,
                originIds = story.OriginIds,
            }));
        }

        return CliSupport.Ok;
    }

    private static int FromFiles(string[] paths, double? threshold)
    {
        var missing = paths.FirstOrDefault(p => !Directory.Exists(p) && !File.Exists(p));
        if (missing is not null)
        {
            Console.Error.WriteLine($"stories: error: {missing} does not exist");
            return CliSupport.UsageError;
        }

        var options = threshold is { } t ? new StoryClustererOptions { Threshold = t } : new StoryClustererOptions();
        var (items, ids) = Read(paths);

        // Streams in publication order; items without a time keep their input position relative to each other, last.
        var order = Enumerable.Range(0, items.Count)
            .OrderBy(i => items[i].Published is null)
            .ThenBy(i => items[i].Published ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i)
            .ToList();
        var clusterer = new StoryClusterer(options);
        clusterer.Retired += story => Write(story, ids);
        foreach (var i in order)
        {
            clusterer.Add(items[i]);
        }

        foreach (var story in clusterer.ActiveStories())
        {
            Write(story, ids);
        }

        return CliSupport.Ok;
    }

    private static void Write(Story story, List<string> ids) => Console.Out.WriteLine(WartaJson.Serialize(new
    {
        id = story.Id,
        label = story.Label,
        articleIds = story.ArticleIds.Select(i => ids[(int)i]).ToList(),
        first = story.First,
        last = story.Last,
        outlets = story.Outlets,
        languages = story.Languages,
        keyEntities = story.KeyEntities,
    }));

    private static (List<StoryItem> Items, List<string> Ids) Read(string[] paths)
    {
        var items = new List<StoryItem>();
        var ids = new List<string>();
        var files = paths.SelectMany<string, string>(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [p]);
        foreach (var file in files)
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var where = $"{file}#line={lineNumber.ToString(CultureInfo.InvariantCulture)}";
                if (line.Length > MaxLineChars)
                {
                    Console.Error.WriteLine($"{where}: skipped, line longer than {MaxLineChars} characters");
                    continue;
                }

                try
                {
                    using var doc = JsonDocument.Parse(line);
                    var root = doc.RootElement;
                    var title = Text(root, "title");
                    var text = Text(root, "text");
                    if (title is null && text is null)
                    {
                        Console.Error.WriteLine($"{where}: skipped, neither title nor text");
                        continue;
                    }

                    DateTimeOffset? published = null;
                    if (Text(root, "published") is { } p)
                    {
                        if (DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                        {
                            published = parsed;
                        }
                        else
                        {
                            Console.Error.WriteLine($"{where}: unreadable published '{p}', treated as unknown");
                        }
                    }

                    var index = items.Count;
                    ids.Add(Text(root, "id") ?? Text(root, "url") ?? where);
                    items.Add(new StoryItem(index, title, text, published, Text(root, "outlet"), Text(root, "language")) { Url = Text(root, "url") });
                }
                catch (JsonException e)
                {
                    Console.Error.WriteLine($"{where}: skipped, invalid JSON ({e.Message})");
                }
            }
        }

        return (items, ids);
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
