// The web load benchmark: N articles generated from real Indonesian news text (IndoSum, CC BY-SA 4.0, read in place
// from ../shared/data and never copied), an in-process server on loopback, ingest running through POST /api/articles
// while C concurrent clients search and open story pages; prints latency percentiles as a markdown table.
// Usage: dotnet run -c Release --project bench/load -- [--articles 100000] [--clients 16] [--seconds 60] [--warmup 10] [--ingest-rate 50] [--data PATH] [--store DIR] [--only search|page|story] [--max-concurrent N]
//        [--store DIR]   keep the store in DIR and reuse it: a later run fills only what is missing, so the (long) fill can
//                        run once and the timed phase again on a quiet machine.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Warta.Model;
using Warta.Search;
using Warta.Server;

var articles = Arg("--articles", 100_000);
var clients = Arg("--clients", 16);
var seconds = Arg("--seconds", 60);
// The same load runs this long before the measured window, unrecorded: a server runs for days, so start-up (JIT tiers,
// caches, thread pool growth) is not what the percentiles should describe.
var warmup = Arg("--warmup", 10);
var ingestRate = Arg("--ingest-rate", 50);
var dataPath = ArgText("--data", "../shared/data/indosum/raw");
var source = LoadIndoSum(Path.GetFullPath(dataPath));
Console.Error.WriteLine($"read {source.Count} IndoSum articles from {dataPath}");

var keptStore = ArgText("--store", string.Empty);
// --only search|page|story: one kind of request, to read its cost alone (CPU per request is printed at the end).
var only = ArgText("--only", string.Empty);
// --max-concurrent N: the server's admission limit (WartaServerOptions.MaxConcurrentRequests; 0 none), default as `warta serve`.
var maxConcurrent = Arg("--max-concurrent", Environment.ProcessorCount);
var directory = keptStore.Length > 0 ? Path.GetFullPath(keptStore) : Path.Combine(Path.GetTempPath(), "warta-load-" + Guid.NewGuid().ToString("N"));
const string Key = "load-bench-key-0123456789";
var random = new Random(42);
var clock = Stopwatch.StartNew();
await using (var server = WartaServer.Build(new WartaServerOptions { DataDirectory = directory, Port = 0, ApiKey = Key, MaxConcurrentRequests = maxConcurrent }))
{
    // Stored in batches through the store, as 'warta ingest' does: linking and stories run, the index follows.
    var batch = new List<(RawInput, Article)>(512);
    var present = server.Store.Count;
    Console.Error.WriteLine($"store {directory}: {present} articles present");
    for (var i = 0; i < articles; i++)
    {
        var article = Generate(source, random, i);
        if (i < present)
        {
            continue; // generated all the same, so the random sequence and the new articles match a one-go fill
        }

        var body = article.Title + "\n\n" + article.Text;
        batch.Add((new RawInput { Source = "load#" + i.ToString(CultureInfo.InvariantCulture), Kind = InputKind.Text, Raw = Encoding.UTF8.GetBytes(body), Body = body }, article));
        if (batch.Count == batch.Capacity || i == articles - 1)
        {
            server.Store.AddBatch(batch);
            batch.Clear();
            if ((i + 1) % 10_240 < 512)
            {
                Console.Error.WriteLine($"filled {i + 1} articles in {clock.Elapsed.TotalSeconds:0} s");
            }
        }
    }

    server.Index.Commit();
    var indexSeconds = clock.Elapsed.TotalSeconds;
    if (server.Catalog.Links is Warta.Linking.LinkStore links)
    {
        // As `warta reindex` leaves a store (and a running server after its first reads): copies' alterations worked out.
        var worked = links.CompletePendingAlterations();
        Console.Error.WriteLine($"{worked} pending copy alterations worked out in {clock.Elapsed.TotalSeconds - indexSeconds:0.0} s");
    }

    Console.Error.WriteLine($"indexed {articles} articles in {indexSeconds:0.0} s");
    await server.StartAsync();

    var words = source.SelectMany(s => s.Text.Split(' ')).Where(w => w.Length >= 5 && w.All(char.IsLetter)).Distinct(StringComparer.Ordinal).ToArray();
    var storyIds = server.Catalog.Links.Stories(0, 1_000_000).Select(s => s.Id).ToArray();
    var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>(StringComparer.Ordinal);
    var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients + 2 };
    using var http = new HttpClient(handler) { BaseAddress = new Uri(server.Address) };
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(warmup + seconds));
    var measuring = Stopwatch.StartNew();
    bool Recording() => measuring.Elapsed.TotalSeconds >= warmup;
    var ingested = 0;

    async Task Measure(string route, string url)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (!Recording())
        {
            return;
        }

        if (!response.IsSuccessStatusCode)
        {
            errors.AddOrUpdate(route, 1, (_, n) => n + 1);
        }

        latencies.GetOrAdd(route, _ => []).Add(ms);
    }

    var ingest = Task.Run(async () =>
    {
        if (ingestRate <= 0)
        {
            return; // --ingest-rate 0: readers only.
        }

        var ingestRandom = new Random(7);
        var paced = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            // A steady feed of ingestRate articles a second (50/s is 4.3 million a day), not a flood that starves the readers.
            var due = TimeSpan.FromSeconds(ingested / (double)ingestRate) - paced.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var a = Generate(source, ingestRandom, articles + ingested);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
            {
                Content = new StringContent(JsonSerializer.Serialize(new { kind = "text", body = a.Title + "\n\n" + a.Text, outlet = a.Outlet, language = "id", published = a.Published }), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            if (Recording())
            {
                latencies.GetOrAdd("POST /api/articles", _ => []).Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            Interlocked.Increment(ref ingested);
        }
    });

    var cpuBefore = Environment.CpuUsage.TotalTime;
    var ingestedBefore = 0;
    var gcBefore = GcSnapshot.Now();
    var window = Task.Delay(TimeSpan.FromSeconds(warmup)).ContinueWith(_ =>
    {
        cpuBefore = Environment.CpuUsage.TotalTime;
        ingestedBefore = Volatile.Read(ref ingested);
        gcBefore = GcSnapshot.Now();
    }, TaskScheduler.Default);
    var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
    {
        var r = new Random(1000 + c);
        while (!stop.IsCancellationRequested)
        {
            var q = Uri.EscapeDataString(words[r.Next(words.Length)] + (r.Next(2) == 0 ? string.Empty : " " + words[r.Next(words.Length)]));
            var pick = r.Next(4);
            switch (only switch { "search" => 0, "page" => 1, "story" => 2, _ => pick })
            {
                case 0:
                    await Measure("GET /api/search", "/api/search?q=" + q);
                    break;
                case 1:
                    await Measure("GET /search (page)", "/search?q=" + q);
                    break;
                default:
                    await Measure("GET /stories/{id} (page)", "/stories/" + storyIds[r.Next(storyIds.Length)].ToString(CultureInfo.InvariantCulture));
                    break;
            }
        }
    })).ToArray();
    await Task.WhenAll(workers);
    await ingest;

    await window;
    ingested -= ingestedBefore;
    Console.WriteLine($"| {articles:N0} articles, {clients} clients, {seconds} s after {warmup} s of warm-up, ingest {ingested} articles ({ingested / (double)seconds:0.0}/s) during the run, {Environment.ProcessorCount} cores, admission limit {maxConcurrent} | | | | | |");
    Console.WriteLine("| route | requests | p50 ms | p95 ms | p99 ms | errors |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|");
    foreach (var (route, bag) in latencies.OrderBy(p => p.Key, StringComparer.Ordinal))
    {
        var sorted = bag.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {route} | {sorted.Length} | {P(sorted, 0.50):0.0} | {P(sorted, 0.95):0.0} | {P(sorted, 0.99):0.0} | {errors.GetValueOrDefault(route)} |"));
    }

    var requests = latencies.Values.Sum(b => b.Count);
    var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nprocess CPU (server and clients) {cpu.TotalSeconds:0.0} s over {requests} requests: {cpu.TotalMilliseconds / Math.Max(1, requests):0.0} ms a request"));
    var gc = GcSnapshot.Now() - gcBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"garbage collections gen0/gen1/gen2 {gc.Gen0}/{gc.Gen1}/{gc.Gen2}, paused {gc.Pause.TotalMilliseconds:0} ms ({gc.Pause.TotalSeconds / seconds:P1} of the run); allocated {gc.Allocated / 1e6:0} MB, {gc.Allocated / 1024.0 / Math.Max(1, requests):0} KB a request"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nindexing {articles:N0} articles before the run took {indexSeconds:0.0} s"));
}

if (keptStore.Length == 0)
{
    Directory.Delete(directory, true);
}

return 0;

static double P(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

string ArgText(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

// A new article: the title and outlet of one real article, paragraphs drawn from it and from two others of the same
// category, a date moved within the corpus's span. Varied enough that the index does not see 30 copies of each text.
static Article Generate(List<SourceArticle> source, Random random, int n)
{
    var main = source[random.Next(source.Count)];
    var paragraphs = main.Paragraphs.ToList();
    for (var k = 0; k < 2; k++)
    {
        var other = source[random.Next(source.Count)];
        paragraphs.Insert(random.Next(paragraphs.Count + 1), other.Paragraphs[random.Next(other.Paragraphs.Count)]);
    }

    return new Article
    {
        Source = "load#" + n.ToString(CultureInfo.InvariantCulture),
        Title = main.Title,
        Text = string.Join("\n\n", paragraphs),
        Outlet = main.Outlet,
        Language = "id",
        Published = main.Published.AddMinutes(random.Next(-60 * 24 * 30, 60 * 24 * 30)),
    };
}

static List<SourceArticle> LoadIndoSum(string directory)
{
    var seen = new HashSet<string>(StringComparer.Ordinal);
    var result = new List<SourceArticle>();
    foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal))
    {
        foreach (var line in File.ReadLines(file))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var id = root.GetProperty("id").GetString()!;
            if (!seen.Add(id))
            {
                continue;
            }

            var paragraphs = root.GetProperty("paragraphs").EnumerateArray()
                .Select(p => string.Join(' ', p.EnumerateArray().Select(s => string.Join(' ', s.EnumerateArray().Select(t => t.GetString())))))
                .Where(p => p.Length > 0).ToList();
            if (paragraphs.Count == 0)
            {
                continue;
            }

            var dash = id.IndexOf('-', StringComparison.Ordinal);
            var stamp = dash > 0 && long.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 1_500_000_000;
            var title = dash > 0 ? id[(dash + 1)..].Replace('-', ' ') : id;
            result.Add(new SourceArticle(title, paragraphs, root.GetProperty("source").GetString() ?? "?", DateTimeOffset.FromUnixTimeSeconds(stamp)));
        }
    }

    return result;
}

internal sealed record SourceArticle(string Title, List<string> Paragraphs, string Outlet, DateTimeOffset Published)
{
    public string Text => string.Join(' ', Paragraphs);
}

/// <summary>The process's garbage-collector counters at one moment; the difference of two is what a run cost.</summary>
internal readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated)
{
    public static GcSnapshot Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    public static GcSnapshot operator -(GcSnapshot a, GcSnapshot b) => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Pause - b.Pause, a.Allocated - b.Allocated);
}
