using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Warta.Evaluation.Linking;
using Warta.Stories;

namespace Warta.Cli.Eval;

/// <summary>
/// <c>warta eval clustering</c>: streaming story clustering on UCI News Aggregator headlines and WikiRef220, scored
/// pairwise and BCubed, beside scikit-learn TF-IDF + agglomerative clustering on the same input. Options are
/// calibrated on half 0 of each set's stories (<see cref="LabelledHeadlines.StoryHalf"/>); half 1 is reported apart.
/// The half-0 rows are printed too, so a calibration (the mean pair F1 of UCI half 0 in the given order and
/// interleaved) is reproducible from the command itself rather than from a lab harness.
/// </summary>
internal static class ClusteringEvalCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The shared data folder.", DefaultValueFactory = _ => "../shared/data" };
        var threshold = new Option<double?>("--threshold") { Description = "Override both story join thresholds (with and without bodies)." };
        var sweep = new Option<bool>("--sweep") { Description = "Also print F1 for a range of thresholds (calibration)." };
        var noPeer = new Option<bool>("--no-peer") { Description = "Skip the scikit-learn baseline." };
        var orders = new Option<int>("--orders")
        {
            Description = "Interleaved orders averaged for the 'mean of N orders' rows (0 leaves them out).",
            DefaultValueFactory = _ => 16,
        };
        var command = new Command("clustering", "Score streaming story clustering against gold story labels.") { data, threshold, sweep, noPeer, orders };
        command.SetAction(parse => Run(parse.GetValue(data)!, parse.GetValue(threshold), parse.GetValue(sweep), !parse.GetValue(noPeer), parse.GetValue(orders)));
        return command;
    }

    private static int Run(string dataDir, double? threshold, bool sweep, bool runPeer, int orders)
    {
        // Each row names the calibration half of its set: the peer's distance threshold is chosen there, as warta's are.
        var sets = new List<(string Name, List<LabelledItem> Items, List<LabelledItem> Calibration)>();
        // One interleaved order is one draw (UCI half 0: pair F1 0.873–0.917 over the first four): these sets are
        // scored as the mean over `orders` orders, warta only (the peer does not depend on the order).
        var averaged = new List<(string Name, List<LabelledItem> Items)>();
        var uci = Path.Combine(dataDir, "uci-news-aggregator", "dev.csv");
        if (File.Exists(uci))
        {
            var items = LabelledHeadlines.ReadUci(uci, out var skipped);
            Console.Error.WriteLine($"uci-news-aggregator: {items.Count} headlines, {skipped} rows skipped");
            var (half0, half1) = (LabelledHeadlines.StoryHalf(items, 0), LabelledHeadlines.StoryHalf(items, 1));
            sets.Add(("uci-news-aggregator (headlines)", items, half0));
            sets.Add(("uci half 0 (calibration)", half0, half0));
            sets.Add(("uci half 1 (held out)", half1, half0));

            // The given order and times separate UCI's stories by themselves (see Interleaved): the words alone.
            sets.Add(("uci interleaved, no times", LabelledHeadlines.Interleaved(items), half0));
            sets.Add(("uci half 0 interleaved, no times", LabelledHeadlines.Interleaved(half0), half0));
            sets.Add(("uci half 1 interleaved, no times", LabelledHeadlines.Interleaved(half1), half0));
            averaged.Add(("uci", items));
            averaged.Add(("uci half 0", half0));
            averaged.Add(("uci half 1", half1));
        }

        var wikiref = Path.Combine(dataDir, "wikiref220", "app", "data_processing", "test_data", "wikiref", "WikiRef220");
        if (Directory.Exists(wikiref))
        {
            var items = LabelledHeadlines.ReadWikiRef(wikiref);
            var half0 = LabelledHeadlines.StoryHalf(items, 0);
            sets.Add(("wikiref220 (full text)", items, half0));
            sets.Add(("wikiref220 half 0 (calibration)", half0, half0));
            sets.Add(("wikiref220 half 1 (held out)", LabelledHeadlines.StoryHalf(items, 1), half0));
        }

        if (sets.Count == 0)
        {
            Console.Error.WriteLine($"no evaluation sets under {dataDir}");
            return 2;
        }

        Console.WriteLine("| set | system | items | clusters (gold) | pair P | pair R | pair F1 | BCubed P | BCubed R | BCubed F1 | seconds |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        // An override sets both join thresholds (with and without bodies), so it acts on headline sets too.
        var options = threshold is { } t ? new StoryClustererOptions { Threshold = t, HeadlineThreshold = t } : new StoryClustererOptions();
        var peerThresholds = new Dictionary<List<LabelledItem>, double?>(ReferenceEqualityComparer.Instance);
        foreach (var (name, items, calibration) in sets)
        {
            var watch = Stopwatch.StartNew();
            var score = Cluster(items, options);
            Print(name, "warta StoryClusterer", score, watch.Elapsed.TotalSeconds);
            if (runPeer)
            {
                watch.Restart();
                if (!peerThresholds.TryGetValue(calibration, out var peerThreshold))
                {
                    peerThresholds[calibration] = peerThreshold = CalibratePeer(calibration, name);
                    watch.Restart();
                }

                if (peerThreshold is { } chosen && SklearnPeer(items, [chosen])?[0] is { } peer)
                {
                    Print(name, string.Create(CultureInfo.InvariantCulture, $"sklearn TF-IDF + agglomerative (distance {chosen})"), peer, watch.Elapsed.TotalSeconds);
                }
            }

            if (sweep)
            {
                foreach (var candidate in new[] { 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3 })
                {
                    var swept = Cluster(items, new StoryClustererOptions { Threshold = candidate, HeadlineThreshold = candidate });
                    Print(name, "warta threshold " + candidate.ToString(CultureInfo.InvariantCulture), swept, 0);
                }
            }
        }

        foreach (var (name, items) in orders > 0 ? averaged : [])
        {
            var watch = Stopwatch.StartNew();
            var scores = Enumerable.Range(0, orders).Select(seed => Cluster(LabelledHeadlines.Interleaved(items, seed), options)).ToList();
            var mean = Mean(scores);
            var sd = orders < 2 ? 0 : Math.Sqrt(scores.Sum(s => (s.PairF1 - mean.PairF1) * (s.PairF1 - mean.PairF1)) / (orders - 1));
            Print(string.Create(CultureInfo.InvariantCulture, $"{name} interleaved, mean of {orders} orders (pair F1 sd {sd:0.000})"), "warta StoryClusterer", mean, watch.Elapsed.TotalSeconds / orders);
        }

        return 0;
    }

    /// <summary>Each measure averaged over runs of the same items (the F1 columns are means of F1, not F1 of means).</summary>
    internal static ClusteringScore Mean(IReadOnlyList<ClusteringScore> scores) => new(
        scores[0].Items,
        (int)Math.Round(scores.Average(s => s.PredictedClusters)),
        scores[0].GoldClusters,
        scores.Average(s => s.PairPrecision),
        scores.Average(s => s.PairRecall),
        scores.Average(s => s.PairF1),
        scores.Average(s => s.BCubedPrecision),
        scores.Average(s => s.BCubedRecall),
        scores.Average(s => s.BCubedF1));

    internal static ClusteringScore Cluster(List<LabelledItem> items, StoryClustererOptions options)
    {
        var clusterer = new StoryClusterer(options);
        foreach (var item in items)
        {
            clusterer.Add(item.Item);
        }

        // Final membership: stories merged after an article joined count as one.
        var storyOf = clusterer.Stories().SelectMany(s => s.ArticleIds.Select(a => (Article: a, Story: s.Id))).ToDictionary(p => p.Article, p => p.Story);
        return ClusteringScore.Of(items.Select(i => storyOf[i.Item.Id]).ToList(), items.Select(i => i.Gold).ToList());
    }

    private static void Print(string set, string system, ClusteringScore s, double seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {set} | {system} | {s.Items} | {s.PredictedClusters} ({s.GoldClusters}) | {s.PairPrecision:0.000} | {s.PairRecall:0.000} | {s.PairF1:0.000} | {s.BCubedPrecision:0.000} | {s.BCubedRecall:0.000} | {s.BCubedF1:0.000} | {seconds:0.0} |"));

    /// <summary>The peer's distance thresholds tried on each set's calibration half (cosine distance, average linkage).</summary>
    private static readonly double[] PeerGrid = [0.8, 0.85, 0.875, 0.9, 0.91, 0.92, 0.925, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98];

    /// <summary>
    /// The peer's distance threshold with the best pair F1 on a calibration half (the first on ties), so the baseline
    /// gets its best shot on each set as warta's thresholds do; null when the peer cannot run.
    /// </summary>
    private static double? CalibratePeer(List<LabelledItem> calibration, string setName)
    {
        var scores = SklearnPeer(calibration, PeerGrid);
        if (scores is null)
        {
            return null;
        }

        var best = Enumerable.Range(0, PeerGrid.Length).MaxBy(i => scores[i].PairF1);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sklearn peer for '{setName}' and its set: distance threshold {PeerGrid[best]} chosen on the calibration half (pair F1 {scores[best].PairF1:0.000}; tried {string.Join(", ", PeerGrid)})"));
        return PeerGrid[best];
    }

    /// <summary>
    /// Runs bench/peers/linking/sklearn_stories.py (installing Debian python3-sklearn if absent) on the same items,
    /// once per distance threshold; null when the peer cannot run, with the reason on stderr.
    /// </summary>
    private static ClusteringScore[]? SklearnPeer(List<LabelledItem> items, double[] thresholds)
    {
        var script = PeerScript("sklearn_stories.py");
        if (script is null)
        {
            Console.Error.WriteLine("peer skipped: bench/peers/linking/sklearn_stories.py not found");
            return null;
        }

        if (!InstallPeers())
        {
            Console.Error.WriteLine("peer skipped: python3-sklearn is not installed and bench/peers/linking/install.sh could not install it (run it by hand to see why)");
            return null;
        }

        var input = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(input))
            {
                foreach (var item in items)
                {
                    writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, string>
                    {
                        ["title"] = item.Item.Title ?? string.Empty,
                        // The peer gets the URL slug words too, the evidence warta uses (as body text, not weighted as title).
                        ["text"] = (item.Item.Text is { Length: > 3000 } t ? t[..3000] : item.Item.Text ?? string.Empty) + " " + string.Join(' ', UrlSlug.Words(item.Item.Url)),
                    }));
                }
            }

            var list = string.Join(',', thresholds.Select(t => t.ToString(CultureInfo.InvariantCulture)));
            var start = new ProcessStartInfo("/usr/bin/python3", [script, input, list]) { RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            // One line per item: its cluster label under each threshold, space-separated.
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).ToList();
            process.WaitForExit();
            if (process.ExitCode != 0 || lines.Count != items.Count || lines.Any(l => l.Length != thresholds.Length))
            {
                Console.Error.WriteLine($"peer failed: exit {process.ExitCode}, {lines.Count} label lines for {items.Count} items");
                return null;
            }

            var gold = items.Select(i => i.Gold).ToList();
            return [.. Enumerable.Range(0, thresholds.Length).Select(k => ClusteringScore.Of(lines.Select(l => l[k]).ToList(), gold))];
        }
        finally
        {
            File.Delete(input);
        }
    }

    internal static string? PeerScript(string name)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "bench", "peers", "linking", name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    private static readonly Lazy<bool> PeersInstalled = new(InstallPeersOnce);

    /// <summary>Installs the linking peers (npm minhash, Debian python3-sklearn) when absent, once a run; true when the script succeeded.</summary>
    internal static bool InstallPeers() => PeersInstalled.Value;

    private static bool InstallPeersOnce()
    {
        var install = PeerScript("install.sh");
        if (install is null)
        {
            Console.Error.WriteLine("peer skipped: bench/peers/linking/install.sh not found (run from the repository)");
            return false;
        }

        Console.Error.WriteLine("checking the linking peers (npm minhash, python3-sklearn); installing what is missing …");
        return RunPeer("sh", install) is not null;
    }

    /// <summary>
    /// Runs a peer tool; its trimmed stdout on success, null when it fails or is not installed — then the reason
    /// (the exit code and the last line the tool wrote to stderr) goes to stderr.
    /// </summary>
    internal static string? RunPeer(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd().Trim();
            error.Wait();
            process.WaitForExit();
            if (process.ExitCode == 0)
            {
                return output;
            }

            var lastLine = error.Result.TrimEnd().Split('\n')[^1];
            Console.Error.WriteLine($"peer failed: {file} {string.Join(' ', args)} exited with {process.ExitCode}: {lastLine}");
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"peer not run: {file}: {e.Message}");
            return null;
        }
    }
}
