using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Warta.Model;
using Warta.Stories;

namespace Warta.Cli;

/// <summary>
/// <c>warta stories --data DIR</c>: clusters the articles of every JSONL file under DIR into stories and prints one
/// JSON object per story. Each line needs <c>title</c> or <c>text</c>; <c>id</c>, <c>url</c>, <c>outlet</c>,
/// <c>published</c> and <c>language</c> are optional, so headline-only input works.
/// </summary>
internal static class StoriesCommand
{
    /// <summary>Lines longer than this are reported and skipped: one record never holds the batch hostage.</summary>
    private const int MaxLineChars = 4_000_000;

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Folder of JSONL article files (searched recursively).", Required = true };
        var threshold = new Option<double?>("--threshold") { Description = "Override the story threshold." };
        var command = new Command("stories", "Cluster articles into stories; one JSON object per story.") { data, threshold };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(data)!;
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"error: {dir} is not a folder");
                return 2;
            }

            var options = parse.GetValue(threshold) is { } t ? new StoryClustererOptions { Threshold = t } : new StoryClustererOptions();
            var (items, ids) = Read(dir);

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

            return 0;
        });
        return command;
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

    private static (List<StoryItem> Items, List<string> Ids) Read(string dir)
    {
        var items = new List<StoryItem>();
        var ids = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
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
                    items.Add(new StoryItem(index, title, text, published, Text(root, "outlet"), Text(root, "language")));
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
