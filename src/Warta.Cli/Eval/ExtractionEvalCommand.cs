using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Warta.Evaluation.Extraction;
using Warta.Extraction;

namespace Warta.Cli.Eval;

/// <summary>
/// <c>warta eval extraction</c>: runs Warta's HTML extractor and the peers on every gold set, scores them with the
/// same code, prints a table and writes it to bench/RESULTS-extraction.md.
/// </summary>
internal static class ExtractionEvalCommand
{
    // Untimed passes before Warta's timed ones: at least three, and then until the JIT is done with the set's code (two
    // passes in a row compile fewer than WarmMethodsPerPass methods each, on any thread), at most MaxWarmupPasses.
    private const int MinWarmupPasses = 3;
    private const int MaxWarmupPasses = 30;
    private const int WarmMethodsPerPass = 10;

    // Timed passes over a set after the warm-up; the median pass by CPU time is reported.
    private const int TimedPasses = 3;

    public static Command Create()
    {
        var sets = new Option<string>("--sets") { Description = $"Comma-separated sets ({string.Join(",", ExtractionCorpora.Names)}); default: all." };
        var peers = new Option<bool>("--peers") { Description = "Run the peers (Readability.js+jsdom, readability-lxml) on the same pages (default)." };
        var noPeers = new Option<bool>("--no-peers") { Description = "Score Warta only." };
        var limit = new Option<int>("--limit") { Description = "At most this many pages per set (0: all)." };
        var data = new Option<string>("--data") { Description = "The shared data folder.", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var results = new Option<string?>("--results") { Description = "Where to write the markdown table (default bench/RESULTS-extraction.md when run from the repository, and only for full runs)." };
        var debug = new Option<string?>("--debug") { Description = "Write Warta's per-page scores and metadata misses (gold vs extracted) to this file, worst recall first; with peers, their per-page scores too (lines starting with peer)." };
        var command = new Command("extraction", "Body precision/recall/F1 and metadata accuracy of HTML extraction, with peers and speed.")
        {
            sets, peers, noPeers, limit, data, results, debug,
        };
        command.SetAction(parse =>
        {
            var chosen = (parse.GetValue(sets) ?? string.Join(",", ExtractionCorpora.Names)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var runPeers = !parse.GetValue(noPeers);
            var max = parse.GetValue(limit);
            var resultsPath = parse.GetValue(results) ?? (max == 0 && Directory.Exists("bench") ? Path.Combine("bench", "RESULTS-extraction.md") : null);
            return Run(parse.GetValue(data)!, chosen, runPeers, max, resultsPath, parse.GetValue(debug), string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
        });
        return command;
    }

    private sealed class SystemScore(string name)
    {
        public string Name { get; } = name;

        public ExtractionScorer Scorer { get; } = new();

        public double Milliseconds { get; set; }

        public double ColdMilliseconds { get; set; }

        /// <summary>CPU time (user + system) of the timed run: unlike elapsed time, not inflated by other load.</summary>
        public double CpuMilliseconds { get; set; }

        public long PeakBytes { get; set; }

        public string? Error { get; set; }

        public int WarmupPasses { get; set; }

        public double WarmupCpuMilliseconds { get; set; }

        public long WarmupJitMethods { get; set; }

        public double WarmupJitMilliseconds { get; set; }

        public long TimedJitMethods { get; set; }

        public int Listings { get; set; }

        public int ListingsRight { get; set; }
    }

    private static int Run(string dataDir, string[] sets, bool runPeers, int limit, string? resultsPath, string? debugPath, string commandLine)
    {
        using var debug = debugPath is null ? null : new StreamWriter(debugPath, append: false, new UTF8Encoding(false));
        var peersDir = Path.Combine("bench", "peers");
        if (runPeers && !Directory.Exists(peersDir))
        {
            Console.Error.WriteLine("eval: bench/peers not found; run from the repository root or pass --no-peers");
            return 2;
        }
        if (runPeers && PeerRunner.EnsureInstalled(peersDir) is { } installError)
        {
            Console.Error.WriteLine($"eval: {installError}; continuing without peers");
            runPeers = false;
        }

        var report = new StringBuilder();
        report.Append("# HTML extraction: Warta vs peers\n\n");
        report.Append(CultureInfo.InvariantCulture, $"Command: `./warta {commandLine}` (from the repository root; data in `../shared/data`).\n");
        report.Append(CultureInfo.InvariantCulture, $"Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, one thread per system.\n\n");
        report.Append("Body: full-text gold scored by token 4-gram shingles (per-page precision and recall averaged, F1 of the averages);\n");
        report.Append("trafilatura's set by its with/without snippets (summed over pages, as trafilatura's own evaluation). Metadata: right/total over pages with gold.\n\n");
        report.Append("| set | system | pages | precision | recall | F1 | title | author | date | site | pages/s | pages/CPU-s | peak MB |\n");
        report.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        var speed = new List<(string Set, string System, double PagesPerSecond, double PagesPerCpuSecond)>();
        var notes = new StringBuilder();
        var extractor = new HtmlArticleExtractor();
        foreach (var set in sets)
        {
            List<ExtractionPage> pages;
            try
            {
                pages = ExtractionCorpora.Load(dataDir, set, limit);
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"eval: set {set} skipped: {e.Message}");
                continue;
            }
            var systems = new List<SystemScore>();
            var warta = new SystemScore("Warta");
            systems.Add(warta);
            var outputs = new List<ExtractionOutput>(pages.Count);
            // Untimed passes over the set first: the timed pass measures the steady state a long ingest runs at, not
            // JIT compilation and tiering. Tiering recompiles hot methods on a background thread (tier 0, then
            // instrumented, then optimised with the profile) for many passes after the extracting thread's own
            // elapsed time stops improving, so the warm-up runs until the JIT compiles (almost) nothing in a pass:
            // stopping on elapsed time left that compilation, on another core, in the timed passes' CPU time. The
            // first pass's rate, the warm-up and any compilation during the timed passes are reported.
            var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var jitTime = System.Runtime.JitInfo.GetCompilationTime();
            var warmCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var quietPasses = 0;
            for (var pass = 0; pass < MaxWarmupPasses; pass++)
            {
                var warm = Stopwatch.StartNew();
                var methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
                foreach (var page in pages)
                    TryExtract(extractor, page);
                if (pass == 0)
                    warta.ColdMilliseconds = warm.Elapsed.TotalMilliseconds;
                warta.WarmupPasses = pass + 1;
                quietPasses = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore < WarmMethodsPerPass ? quietPasses + 1 : 0;
                if (pass >= MinWarmupPasses - 1 && quietPasses >= 2)
                    break;
            }
            warta.WarmupCpuMilliseconds = (Process.GetCurrentProcess().TotalProcessorTime - warmCpu).TotalMilliseconds;
            warta.WarmupJitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods;
            warta.WarmupJitMilliseconds = (System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds;
            jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
            // Three timed passes; the middle one (by CPU time) is reported, as one pass of 150 pages takes about a
            // CPU-second and a collection or a descheduling in it moves its rate by a fifth on a shared machine.
            var passes = new List<(double Ms, double CpuMs)>();
            for (var pass = 0; pass < TimedPasses - 1; pass++)
            {
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var timer = Stopwatch.StartNew();
                foreach (var page in pages)
                    TryExtract(extractor, page);
                passes.Add((timer.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds));
            }
            var pageTicks = new long[pages.Count];
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            foreach (var page in pages)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var a = extractor.Extract(page.Html, page.Url);
                    outputs.Add(new ExtractionOutput(a.Text, a.Title, a.Authors, a.Published, a.Metadata?.SiteName));
                    if (page.IsListing || page.GoldText is not null || page.With is not null)
                    {
                        warta.Listings += page.IsListing ? 1 : 0;
                        warta.ListingsRight += page.IsListing && a.Metadata?.PageType == "listing" ? 1 : 0;
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Console.Error.WriteLine($"eval: {set} {page.Id}: {e.GetType().Name}: {e.Message}");
                    outputs.Add(ExtractionOutput.Empty);
                }
                pageTicks[outputs.Count - 1] = Stopwatch.GetTimestamp() - started;
            }
            passes.Add((stopwatch.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds));
            warta.TimedJitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods;
            passes.Sort((a, b) => a.CpuMs.CompareTo(b.CpuMs));
            (warta.Milliseconds, warta.CpuMilliseconds) = passes[passes.Count / 2];
            warta.PeakBytes = Process.GetCurrentProcess().PeakWorkingSet64;
            for (var i = 0; i < pages.Count; i++)
                warta.Scorer.Add(pages[i], outputs[i]);
            if (debug is not null)
            {
                WriteDebug(debug, pages, outputs);
                foreach (var i in Enumerable.Range(0, pages.Count).OrderByDescending(i => pageTicks[i]).Take(10))
                    debug.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slow\t{set}\t{pages[i].Id}\t{Stopwatch.GetElapsedTime(0, pageTicks[i]).TotalMilliseconds:0.0} ms\t{pages[i].Html.Length / 1024} KB"));
            }

            if (runPeers)
            {
                var work = Path.Combine(Path.GetTempPath(), "warta-eval-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture), set);
                try
                {
                    foreach (var (name, program, script) in PeerRunner.Peers)
                    {
                        var run = PeerRunner.RunPeer(name, program, Path.Combine(peersDir, script), pages, work);
                        var score = new SystemScore(name) { Milliseconds = run.Milliseconds, CpuMilliseconds = run.CpuMilliseconds, PeakBytes = run.PeakBytes, Error = run.Error };
                        for (var i = 0; i < pages.Count; i++)
                        {
                            score.Scorer.Add(pages[i], run.Outputs[i]);
                            if (debug is not null)
                                WritePeerDebug(debug, name, pages[i], run.Outputs[i]);
                        }
                        systems.Add(score);
                        if (run.Error is not null)
                            Console.Error.WriteLine($"eval: {run.Error}");
                    }
                }
                finally
                {
                    Directory.Delete(work, recursive: true);
                }
            }

            foreach (var s in systems)
            {
                var sc = s.Scorer;
                var pps = s.Milliseconds > 0 ? pages.Count / (s.Milliseconds / 1000) : 0;
                var ppcs = s.CpuMilliseconds > 0 ? pages.Count / (s.CpuMilliseconds / 1000) : 0;
                speed.Add((set, s.Name, pps, ppcs));
                var body = sc.TextPages > 0 || sc.HasSnippets
                    ? string.Create(CultureInfo.InvariantCulture, $"{sc.Precision:0.000} | {sc.Recall:0.000} | {sc.F1:0.000}")
                    : "– | – | –";
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"| {set} | {s.Name}{(s.Error is null ? string.Empty : " (failed)")} | {pages.Count} | {body} | {Field(sc, "title")} | {Field(sc, "author")} | {Field(sc, "date")} | {Field(sc, "site")} | {pps:0.0} | {ppcs:0.0} | {s.PeakBytes / 1048576.0:0} |\n");
                report.Append(line);
                Console.Out.Write(line);
            }
            if (warta.ColdMilliseconds > 0)
                notes.Append(CultureInfo.InvariantCulture, $"- {set}: Warta's first, untimed pass (cold: JIT compiling, tier-0 code) ran at {pages.Count / (warta.ColdMilliseconds / 1000):0.0} pages/s; the warm-up took {warta.WarmupPasses} passes and {warta.WarmupCpuMilliseconds / 1000:0.0} CPU-s, in which the JIT compiled {warta.WarmupJitMethods} methods in {warta.WarmupJitMilliseconds / 1000:0.0} s; {warta.TimedJitMethods} more during the timed passes.\n");
            if (warta.Listings > 0)
                notes.Append(CultureInfo.InvariantCulture, $"- {set}: Warta marks {warta.ListingsRight}/{warta.Listings} index pages as listings.\n");
        }
        report.Append('\n').Append(notes);

        report.Append("\n## Speed ratio (Warta ÷ peer, same pages, same run)\n\n");
        report.Append("Elapsed: pages/s over wall-clock time. CPU: pages per CPU-second (user + system of the extracting process),\n");
        report.Append("which other work on a shared machine does not inflate.\n\n| set | peer | elapsed ratio | CPU ratio |\n|---|---|---:|---:|\n");
        foreach (var group in speed.GroupBy(s => s.Set, StringComparer.Ordinal))
        {
            var w = group.First(s => s.System == "Warta");
            foreach (var peer in group.Where(s => s.System != "Warta" && s.PagesPerSecond > 0))
            {
                var cpuRatio = peer.PagesPerCpuSecond > 0 ? string.Create(CultureInfo.InvariantCulture, $"{w.PagesPerCpuSecond / peer.PagesPerCpuSecond:0.0}×") : "–";
                report.Append(CultureInfo.InvariantCulture, $"| {group.Key} | {peer.System} | {w.PagesPerSecond / peer.PagesPerSecond:0.0}× | {cpuRatio} |\n");
            }
        }
        report.Append("\nWarta is timed on three passes after its warm-up (untimed passes until the JIT compiles fewer than 10 methods in each of two in a row) and the median pass (by CPU time) is reported; each peer on one pass.\n");
        report.Append("\nPeak MB: the peer's own process peak RSS; for Warta the eval process's peak working set, which also holds the loaded gold set.\n");
        var text = report.ToString();
        Console.Out.WriteLine();
        Console.Out.Write(text[text.IndexOf("## Speed", StringComparison.Ordinal)..]);
        if (resultsPath is not null)
        {
            File.WriteAllText(resultsPath, WithKeptNotes(text, File.Exists(resultsPath) ? File.ReadAllText(resultsPath) : null));
            Console.Out.WriteLine($"wrote {resultsPath} (the table and speed ratios replaced; the file's other sections kept)");
        }
        return 0;
    }

    /// <summary>
    /// The new report followed by the sections of the old file this command does not write (its notes, from the first
    /// second-level heading other than the speed ratios), so a rerun replaces the table but keeps what people wrote.
    /// </summary>
    internal static string WithKeptNotes(string report, string? existing)
    {
        if (existing is null)
            return report;
        var lines = existing.Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal) && !l.StartsWith("## Speed ratio", StringComparison.Ordinal));
        return first < 0 ? report : report.TrimEnd('\n') + "\n\n" + string.Join('\n', lines[first..]);
    }

    // Per page: recall and precision (shingles or snippets), then each metadata field that missed, gold → ours.
    private static void WriteDebug(StreamWriter debug, List<ExtractionPage> pages, List<ExtractionOutput> outputs)
    {
        var rows = new List<(double Recall, string Line)>();
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var output = outputs[i];
            var one = new ExtractionScorer();
            one.Add(page, output);
            var line = new StringBuilder();
            line.Append(CultureInfo.InvariantCulture, $"{page.Set}\t{page.Id}\tR={one.Recall:0.000}\tP={one.Precision:0.000}\t{page.Url}");
            var text = Spaced(output.Text);
            foreach (var snippet in page.With ?? [])
            {
                if (!text.Contains(Spaced(snippet), StringComparison.Ordinal))
                    line.Append(CultureInfo.InvariantCulture, $"\n    missed: {snippet}");
            }
            foreach (var snippet in page.Without ?? [])
            {
                if (text.Contains(Spaced(snippet), StringComparison.Ordinal))
                    line.Append(CultureInfo.InvariantCulture, $"\n    leaked: {snippet}");
            }
            foreach (var field in (string[])["title", "author", "date", "site"])
            {
                if (one.Field(field) is { Right: 0 })
                    line.Append(CultureInfo.InvariantCulture, $"\n    {field}: {GoldOf(page, field)} → {OursOf(output, field)}");
            }
            rows.Add((one.Recall, line.ToString()));
        }
        foreach (var (_, line) in rows.OrderBy(r => r.Recall))
            debug.WriteLine(line);
    }

    // One line per page for a peer, beside Warta's: its recall and precision on the same page.
    private static void WritePeerDebug(StreamWriter debug, string peer, ExtractionPage page, ExtractionOutput output)
    {
        var one = new ExtractionScorer();
        one.Add(page, output);
        debug.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peer\t{peer}\t{page.Set}\t{page.Id}\tR={one.Recall:0.000}\tP={one.Precision:0.000}"));
    }

    private static string Spaced(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string GoldOf(ExtractionPage page, string field) => field switch
    {
        "title" => page.GoldTitle ?? string.Empty,
        "author" => string.Join("; ", page.GoldAuthors ?? []),
        "date" => page.GoldInstant?.ToString("o", CultureInfo.InvariantCulture) ?? page.GoldDay ?? string.Empty,
        _ => page.GoldSiteName ?? string.Empty,
    };

    private static string OursOf(ExtractionOutput output, string field) => field switch
    {
        "title" => output.Title ?? "(none)",
        "author" => output.Authors.Count == 0 ? "(none)" : string.Join("; ", output.Authors),
        "date" => output.Published?.ToString("o", CultureInfo.InvariantCulture) ?? "(none)",
        _ => output.SiteName ?? "(none)",
    };

    private static void TryExtract(HtmlArticleExtractor extractor, ExtractionPage page)
    {
        try
        {
            extractor.Extract(page.Html, page.Url);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Reported when the page is extracted for real.
        }
    }

    private static string Field(ExtractionScorer scorer, string name) =>
        scorer.Field(name) is { } f ? string.Create(CultureInfo.InvariantCulture, $"{f.Right}/{f.Total}") : "–";
}
