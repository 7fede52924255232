using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Warta.Evaluation.Extraction;
using Warta.Evaluation.Linking;
using Warta.Linking;
using Warta.Model;

namespace Warta.Cli.Eval;

/// <summary>
/// <c>warta eval dedup</c>: copy detection, provenance and alterations on copy families generated from real articles
/// (IndoSum text, and the id-news-html and dragnet-data pages through the HTML extractor).
/// </summary>
internal static class DedupEvalCommand
{
    private static readonly string[] SetNames = ["indosum", "id-news", "dragnet"];

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The shared data folder.", DefaultValueFactory = _ => "../shared/data" };
        var articles = new Option<int>("--articles") { Description = "Real articles to read from each set; half of them get copies.", DefaultValueFactory = _ => 3000 };
        var copies = new Option<int>("--copies") { Description = "Copies per family.", DefaultValueFactory = _ => 3 };
        var sets = new Option<string>("--sets")
        {
            Description = "Comma-separated sources of real articles: indosum (extracted text), id-news and dragnet (HTML pages taken through Warta's extractor).",
            DefaultValueFactory = _ => string.Join(',', SetNames),
        };
        var command = new Command("dedup", "Score near-duplicate, partial-copy, origin and alteration detection on copy families generated from real articles.") { data, articles, copies, sets };
        command.SetAction(parse =>
        {
            var dataDir = parse.GetValue(data)!;
            var chosen = parse.GetValue(sets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (chosen.FirstOrDefault(s => !SetNames.Contains(s)) is { } unknown)
            {
                Console.Error.WriteLine($"unknown set '{unknown}'; known: {string.Join(", ", SetNames)}");
                return 2;
            }

            Console.WriteLine("| set | articles | families | true pairs (J ≥ 0.8) | near-dup P | near-dup R | partial copies | partial R | origin acc. | replacements | alteration R | articles/s (link) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            List<Article>? forSpeed = null;
            foreach (var set in chosen)
            {
                var originals = ReadOriginals(dataDir, set, parse.GetValue(articles));
                if (originals is null)
                {
                    return 2;
                }

                if (originals.Count < 2)
                {
                    Console.Error.WriteLine($"{set}: fewer than two usable articles; skipped");
                    continue;
                }

                var s = DedupEvaluation.Run(originals, parse.GetValue(copies));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {set} generated | {s.Articles} | {s.Families} | {s.TruePairs} | {s.NearDuplicatePrecision:0.0000} | {s.NearDuplicateRecall:0.0000} | {s.PartialCopies} | {s.PartialCopyRecall:0.000} | {s.OriginAccuracy:0.000} | {s.Replacements} | {s.AlterationRecall:0.000} | {s.ArticlesPerSecond:0} |"));
                foreach (var miss in s.MissedReplacements)
                {
                    Console.Error.WriteLine($"{set}: missed replacement {miss}");
                }

                forSpeed ??= originals;
            }

            if (forSpeed is not null)
            {
                SignatureSpeed(forSpeed);
            }

            return 0;
        });
        return command;
    }

    /// <summary>The set's real articles, or null (with a message) when its data is missing.</summary>
    private static List<Article>? ReadOriginals(string dataDir, string set, int limit)
    {
        if (set == "indosum")
        {
            var dir = Path.Combine(dataDir, "indosum", "raw");
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"indosum not found at {dir}: pass --data with the shared data folder");
                return null;
            }

            return CopyFamilyGenerator.ReadIndoSum(Directory.GetFiles(dir, "*.jsonl").Order(StringComparer.Ordinal), limit);
        }

        try
        {
            return CopyFamilyGenerator.ReadHtmlPages(ExtractionCorpora.Load(dataDir, set, 0), limit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{set} not readable under {dataDir}: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// MinHash signing speed (128 permutations, word 5-shingles, shingling excluded on both sides) beside npm
    /// <c>minhash</c> on the same texts, installed into .peers/linking by bench/peers/linking/install.sh.
    /// </summary>
    private static void SignatureSpeed(List<Article> articles)
    {
        var fingerprints = articles.Select(a => Fingerprint.Of(a.Text)).ToList();
        var signer = new MinHashSigner(128);
        var watch = Stopwatch.StartNew();
        var rounds = 0;
        do
        {
            foreach (var fingerprint in fingerprints)
            {
                signer.Sign(fingerprint.Shingles);
            }

            rounds++;
        }
        while (watch.Elapsed < TimeSpan.FromSeconds(2));
        var ours = rounds * fingerprints.Count / watch.Elapsed.TotalSeconds;

        var peer = double.NaN;
        var script = ClusteringEvalCommand.PeerScript("minhash-peer.mjs");
        if (script is not null && ClusteringEvalCommand.InstallPeers())
        {
            var input = Path.GetTempFileName();
            try
            {
                File.WriteAllLines(input, articles.Take(500).Select(a => JsonSerializer.Serialize(new Dictionary<string, string> { ["text"] = a.Text })));
                if (ClusteringEvalCommand.RunPeer("node", script, input)?.Split(' ') is [var n, var secs])
                {
                    peer = double.Parse(n, CultureInfo.InvariantCulture) / double.Parse(secs, CultureInfo.InvariantCulture);
                }
            }
            finally
            {
                File.Delete(input);
            }
        }

        if (double.IsNaN(peer))
        {
            Console.Error.WriteLine("signature peer skipped: npm minhash did not run (see the line above); the ratio column is empty");
        }

        Console.WriteLine();
        Console.WriteLine("| signatures (128 perms, word 5-shingles) | articles/s | ratio |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| warta MinHashSigner | {ours:0} | {ours / peer:0.0}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| npm minhash | {peer:0.0} | 1× |"));
    }
}
