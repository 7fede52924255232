using System.Globalization;
using System.Text;
using Warta.Ingest;
using Warta.Stories;

namespace Warta.Evaluation.Linking;

/// <summary>A story item with its gold story label.</summary>
public sealed record LabelledItem(StoryItem Item, string Gold);

/// <summary>Readers for the labelled story sets: UCI News Aggregator headlines and WikiRef220 documents.</summary>
public static class LabelledHeadlines
{
    /// <summary>
    /// Reads the UCI News Aggregator CSV (ID, TITLE, URL, PUBLISHER, CATEGORY, STORY, HOSTNAME, TIMESTAMP) in
    /// timestamp order; rows that do not parse are counted in <paramref name="skipped"/>.
    /// </summary>
    public static List<LabelledItem> ReadUci(string csvPath, out int skipped)
    {
        var items = new List<LabelledItem>();
        skipped = 0;
        using var reader = new StreamReader(csvPath, Encoding.UTF8);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var fields = SplitCsv(line);
            if (fields.Count < 8 || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                || !long.TryParse(fields[7], NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
            {
                skipped++;
                continue;
            }

            var item = new StoryItem(id, fields[1], null, DateTimeOffset.FromUnixTimeMilliseconds(millis), fields[3], "en") { Url = fields[2] };
            items.Add(new LabelledItem(item, fields[5]));
        }

        items.Sort((a, b) => a.Item.Published!.Value != b.Item.Published!.Value
            ? a.Item.Published.Value.CompareTo(b.Item.Published.Value)
            : a.Item.Id.CompareTo(b.Item.Id));
        return items;
    }

    /// <summary>
    /// Reads WikiRef220: one text file per document, labelled by its file-name stem without the trailing
    /// number ("malaysia.airlines.flight.13.txt" → "malaysia.airlines.flight", "ParisAttacks2015 (7).txt" →
    /// "ParisAttacks2015"). The first line is the title; documents carry no dates, so they stream in name order.
    /// </summary>
    public static List<LabelledItem> ReadWikiRef(string directory)
    {
        var items = new List<LabelledItem>();
        var files = Directory.GetFiles(directory, "*.txt").Where(f => !Path.GetFileName(f).Equals("readme.txt", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        long id = 0;
        foreach (var file in files)
        {
            // 140 of the 220 files are windows-1252, not UTF-8: decoded as Warta decodes any text input.
            var text = TextDecoder.Decode(File.ReadAllBytes(file)).Text;
            var firstLine = text.Split('\n', 2)[0].Trim();
            var title = firstLine.Length > 200 ? firstLine[..200] : firstLine;
            items.Add(new LabelledItem(new StoryItem(++id, title, text, null, null, "en"), WikiRefLabel(Path.GetFileNameWithoutExtension(file))));
        }

        return items;
    }

    /// <summary>
    /// One half of a labelled set by story: stories numbered in order of first appearance, the even ones are half 0
    /// (where weights and thresholds are calibrated) and the odd ones half 1 (held out). Items
    /// keep their order.
    /// </summary>
    public static List<LabelledItem> StoryHalf(IReadOnlyList<LabelledItem> items, int half)
    {
        ArgumentNullException.ThrowIfNull(items);
        var number = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            number.TryAdd(item.Gold, number.Count);
        }

        return [.. items.Where(i => number[i.Gold] % 2 == half)];
    }

    /// <summary>
    /// The items without publication times, in a fixed pseudo-random order (by a hash of the id). UCI's TIMESTAMP is
    /// when the aggregator fetched a story's page: every story's headlines fall within a minute and stories never
    /// interleave, so the given order and times tell the stories apart by themselves. This view measures what the
    /// words alone achieve.
    /// </summary>
    public static List<LabelledItem> Interleaved(IEnumerable<LabelledItem> items) => Interleaved(items, 0);

    /// <summary>
    /// The interleaved view in the order numbered <paramref name="seed"/> (0 is <see cref="Interleaved(IEnumerable{LabelledItem})"/>):
    /// one order is one draw, and a streaming clusterer's score varies with it (UCI half 0: pair F1 0.873–0.917 over
    /// the first four orders), so a calibration or a comparison averages several.
    /// </summary>
    public static List<LabelledItem> Interleaved(IEnumerable<LabelledItem> items, int seed)
    {
        ArgumentNullException.ThrowIfNull(items);
        var offset = unchecked((ulong)seed * 0x632BE59BD9B4E019UL);
        return [.. items.Select(i => i with { Item = i.Item with { Published = null } })
            .OrderBy(i => unchecked(((ulong)i.Item.Id + offset) * 0x9E3779B97F4A7C15UL)).ThenBy(i => i.Item.Id)];
    }

    internal static string WikiRefLabel(string stem)
    {
        var paren = stem.IndexOf(" (", StringComparison.Ordinal);
        if (paren > 0)
        {
            return stem[..paren];
        }

        var dot = stem.LastIndexOf('.');
        return dot > 0 && stem[(dot + 1)..].All(char.IsDigit) ? stem[..dot] : stem;
    }

    internal static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"' && current.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
