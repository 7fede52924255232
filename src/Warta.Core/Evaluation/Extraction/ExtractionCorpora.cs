using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Warta.Extraction.Html;

namespace Warta.Evaluation.Extraction;

/// <summary>
/// Loads the HTML gold sets from the shared data folder, reading the tarballs in place (never unpacked into the
/// repository): trafilatura-eval, mozilla-readability-testpages, dragnet-data, html-cleaning and id-news-html.
/// </summary>
public static partial class ExtractionCorpora
{
    public static readonly IReadOnlyList<string> Names = ["trafilatura", "mozilla", "dragnet", "cleaneval", "id-news"];

    [GeneratedRegex(@"<\s*[hpl]\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CleanEvalMarkup();

    static ExtractionCorpora() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Loads one set's pages; <paramref name="limit"/> caps the page count (0: all).</summary>
    public static List<ExtractionPage> Load(string dataDir, string set, int limit)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        return set switch
        {
            "trafilatura" => Trafilatura(dataDir, limit),
            "mozilla" => Mozilla(dataDir, limit),
            "dragnet" => PairedFolders(dataDir, "dragnet-data.tar.gz", "dragnet", "dragnet_data/", limit, cleanEval: false),
            "cleaneval" => PairedFolders(dataDir, "html-cleaning.tar.gz", "cleaneval", string.Empty, limit, cleanEval: true),
            "id-news" => IdNews(dataDir, limit),
            _ => throw new ArgumentException($"unknown set '{set}'; known: {string.Join(", ", Names)}", nameof(set)),
        };
    }

    private static Dictionary<string, byte[]> ReadTar(string path, Func<string, bool> wanted)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var stream = File.OpenRead(path);
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null || !wanted(entry.Name))
                continue;
            using var ms = new MemoryStream();
            entry.DataStream.CopyTo(ms);
            files[entry.Name] = ms.ToArray();
        }
        return files;
    }

    private static string Decode(byte[] bytes) => HtmlCharset.Decode(bytes, null, out _);

    // Dragnet's gold gives the main content, then a line of symbols and "COMMENTS", then the readers' comments; the
    // dragnet paper scores content alone against the part before it, and comments are boilerplate here too.
    [GeneratedRegex(@"^[!@#$%^&*() ]{5,}\s*COMMENTS\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex DragnetCommentsMarker();

    private static string DecodeText(byte[] bytes)
    {
        // A few gold files are UTF-16 with a byte-order mark.
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes, 2, bytes.Length - 2);
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    private static List<ExtractionPage> Trafilatura(string dataDir, int limit)
    {
        var files = ReadTar(Path.Combine(dataDir, "trafilatura-eval.tar.gz"), n => n.EndsWith(".html", StringComparison.Ordinal) || n.EndsWith("evaldata.json", StringComparison.Ordinal));
        var byFile = files.Where(kv => kv.Key.EndsWith(".html", StringComparison.Ordinal)).GroupBy(kv => Path.GetFileName(kv.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        using var json = JsonDocument.Parse(files.First(kv => kv.Key.EndsWith("evaldata.json", StringComparison.Ordinal)).Value);
        var pages = new List<ExtractionPage>();
        foreach (var item in json.RootElement.EnumerateObject())
        {
            var v = item.Value;
            var file = Str(v, "file");
            if (file is null || !byFile.TryGetValue(file, out var html))
                continue;
            var author = Str(v, "author");
            pages.Add(new ExtractionPage
            {
                Set = "trafilatura",
                Id = file,
                Url = item.Name,
                Html = Decode(html),
                With = Strings(v, "with"),
                Without = Strings(v, "without"),
                GoldTitle = Str(v, "title"),
                GoldAuthors = string.IsNullOrWhiteSpace(author) ? null : author.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                GoldDay = GoldDayOf(Str(v, "date")),
                GoldSiteName = Str(v, "sitename"),
            });
            if (limit > 0 && pages.Count >= limit)
                break;
        }
        return pages;
    }

    /// <summary>
    /// A trafilatura-eval gold day as yyyy-MM-dd. Two golds are malformed and have one reading only: "2022-29-11"
    /// and "2022-25-10" name no 29th or 25th month, so they are read year, day, month; "2022-01.26" has a dot for
    /// its second dash. Anything else is kept as written ("2022-11-1" is ambiguous and matches no output).
    /// </summary>
    internal static string? GoldDayOf(string? gold)
    {
        if (gold is not { Length: 10 } || gold[4] != '-' || gold[7] is not ('-' or '.'))
            return gold;
        var fixedSeparator = string.Concat(gold.AsSpan(0, 7), "-", gold.AsSpan(8));
        if (!int.TryParse(gold.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(gold.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
            return gold;
        return month > 12 && day <= 12 ? string.Concat(gold.AsSpan(0, 5), gold.AsSpan(8, 2), "-", gold.AsSpan(5, 2)) : fixedSeparator;
    }

    private static List<ExtractionPage> Mozilla(string dataDir, int limit)
    {
        var files = ReadTar(Path.Combine(dataDir, "mozilla-readability-testpages.tar.gz"), n => n.Contains("/test-pages/", StringComparison.Ordinal));
        var parser = new HtmlParser();
        var pages = new List<ExtractionPage>();
        foreach (var group in files.GroupBy(kv => Path.GetDirectoryName(kv.Key)!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var entries = group.ToDictionary(kv => Path.GetFileName(kv.Key), kv => kv.Value, StringComparer.Ordinal);
            if (!entries.TryGetValue("source.html", out var source) || !entries.TryGetValue("expected.html", out var expected))
                continue;
            var goldText = BlockText(parser.ParseDocument(Encoding.UTF8.GetString(expected)).Body);
            string? title = null, byline = null, site = null, published = null;
            if (entries.TryGetValue("expected-metadata.json", out var metaBytes))
            {
                using var meta = JsonDocument.Parse(metaBytes);
                title = Str(meta.RootElement, "title");
                byline = Str(meta.RootElement, "byline");
                site = Str(meta.RootElement, "siteName");
                published = Str(meta.RootElement, "publishedTime");
            }
            pages.Add(new ExtractionPage
            {
                Set = "mozilla",
                Id = Path.GetFileName(group.Key),
                Html = Decode(source),
                GoldText = goldText,
                GoldTitle = title,
                GoldAuthors = byline is null ? null : [byline],
                GoldDay = published is { Length: >= 10 } ? published[..10] : null,
                GoldSiteName = site,
            });
            if (limit > 0 && pages.Count >= limit)
                break;
        }
        return pages;
    }

    /// <summary>
    /// Text of an element as a reader sees it, for the gold side: a block boundary (and a line break or cell) is a
    /// space, an inline element is not, so a word or a run of CJK text split over spans, links or bold stays one.
    /// </summary>
    internal static string BlockText(AngleSharp.Dom.IElement? element)
    {
        if (element is null)
            return string.Empty;
        var text = new StringBuilder();
        var stack = new Stack<AngleSharp.Dom.INode>();
        stack.Push(element);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is AngleSharp.Dom.IText t)
            {
                text.Append(t.Data);
                continue;
            }
            if (ReferenceEquals(node, BlockEnd))
            {
                text.Append(' ');
                continue;
            }
            if (node is not AngleSharp.Dom.IElement e)
                continue;
            var breaks = e.LocalName is "br" or "td" or "th" || BlockWalker.IsBlockTag(e.LocalName);
            if (breaks)
            {
                text.Append(' ');
                stack.Push(BlockEnd);
            }
            for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
                stack.Push(e.ChildNodes[i]);
        }
        return text.ToString();
    }

    // A marker on the walk's stack, below a block's children: the space after the block.
    private static readonly AngleSharp.Dom.INode BlockEnd = new HtmlParser().ParseDocument(string.Empty).CreateComment(string.Empty);

    private static List<ExtractionPage> PairedFolders(string dataDir, string tarball, string set, string prefix, int limit, bool cleanEval)
    {
        var files = ReadTar(Path.Combine(dataDir, tarball), n => n.EndsWith(".html", StringComparison.Ordinal) || n.EndsWith(".txt", StringComparison.Ordinal));
        var pages = new List<ExtractionPage>();
        foreach (var (name, bytes) in files.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!name.Contains(string.Concat(prefix, "input/"), StringComparison.Ordinal) || !name.EndsWith(".html", StringComparison.Ordinal))
                continue;
            var goldName = name.Replace("/input/", "/GoldStandard/", StringComparison.Ordinal)[..^".html".Length] + ".txt";
            if (!files.TryGetValue(goldName, out var goldBytes))
                continue;
            var gold = DecodeText(goldBytes);
            if (!cleanEval && DragnetCommentsMarker().Match(gold) is { Success: true } marker)
                gold = gold[..marker.Index];
            if (cleanEval)
                gold = CleanEvalGold(gold);
            pages.Add(new ExtractionPage { Set = set, Id = name, Html = Decode(bytes), GoldText = gold });
            if (limit > 0 && pages.Count >= limit)
                break;
        }
        return pages;
    }

    /// <summary>
    /// A CleanEval gold file's text: without its first line, the page's address ("URL: http://…", or "URL:" with the
    /// address on the next line), which no page shows; a byte-order mark or blank lines may come first (all of
    /// CleanPortalEval's files start with a blank line). Without the markup tags, character references decoded.
    /// </summary>
    internal static string CleanEvalGold(string gold)
    {
        gold = gold.TrimStart('\uFEFF', '\r', '\n', ' ', '\t');
        if (gold.StartsWith("URL:", StringComparison.Ordinal))
        {
            var lines = gold.Split('\n');
            var skip = lines.Length > 1 && lines[0].Trim() == "URL:" ? 2 : 1;
            gold = string.Join('\n', lines.Skip(skip));
        }
        // Part of the gold (CleanPortalEval's tv.msnbc.com pages) kept the pages' character references
        // ("today&#8217;s"); every system's output is decoded text, so the gold is decoded too.
        return System.Net.WebUtility.HtmlDecode(CleanEvalMarkup().Replace(gold, "\n"));
    }

    private static List<ExtractionPage> IdNews(string dataDir, int limit)
    {
        var folder = Path.Combine(dataDir, "id-news-html");
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "expected.json")));
        var pages = new List<ExtractionPage>();
        var articleFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in json.RootElement.EnumerateArray())
        {
            var fixture = Str(item, "fixture")!;
            articleFiles.Add(Path.GetFullPath(Path.Combine(folder, fixture)));
            var date = item.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeMilliseconds(d.GetInt64()) : (DateTimeOffset?)null;
            pages.Add(new ExtractionPage
            {
                Set = "id-news",
                Id = fixture,
                Url = Str(item, "url"),
                Html = Decode(File.ReadAllBytes(Path.Combine(folder, fixture))),
                GoldText = Str(item, "content"),
                GoldTitle = Str(item, "title"),
                GoldInstant = date,
            });
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "pages"), "*mainpage*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            pages.Add(new ExtractionPage { Set = "id-news", Id = Path.GetRelativePath(folder, file), Html = Decode(File.ReadAllBytes(file)), IsListing = true });
        return limit > 0 ? pages.Take(limit).ToList() : pages;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string>? Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : null;
}
