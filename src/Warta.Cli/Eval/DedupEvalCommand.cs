using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Warta.Evaluation.Linking;
using Warta.Linking;
using Warta.Model;

namespace Warta.Cli.Eval;

/// <summary><c>warta eval dedup</c>: copy detection, provenance and alterations on copy families generated from IndoSum.</summary>
internal static class DedupEvalCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The shared data folder.", DefaultValueFactory = _ => "../shared/data" };
        var articles = new Option<int>("--articles") { Description = "Real articles to read; half of them get copies.", DefaultValueFactory = _ => 3000 };
        var copies = new Option<int>("--copies") { Description = "Copies per family.", DefaultValueFactory = _ => 3 };
        var command = new Command("dedup", "Score near-duplicate, partial-copy, origin and alteration detection on generated copy families.") { data, articles, copies };
        command.SetAction(parse =>
        {
            var dir = Path.Combine(parse.GetValue(data)!, "indosum", "raw");
            if (!Directory.Exists(dir))
            {
                Console.Error.WriteLine($"indosum not found at {dir}");
                return 2;
            }

            var files = Directory.GetFiles(dir, "*.jsonl").Order(StringComparer.Ordinal);
            var originals = CopyFamilyGenerator.ReadIndoSum(files, parse.GetValue(articles));
            var s = DedupEvaluation.Run(originals, parse.GetValue(copies));
            Console.WriteLine("| set | articles | families | true pairs (J ≥ 0.8) | near-dup P | near-dup R | partial copies | partial R | origin acc. | replacements | alteration R | articles/s (link) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| indosum generated | {s.Articles} | {s.Families} | {s.TruePairs} | {s.NearDuplicatePrecision:0.0000} | {s.NearDuplicateRecall:0.0000} | {s.PartialCopies} | {s.PartialCopyRecall:0.000} | {s.OriginAccuracy:0.000} | {s.Replacements} | {s.AlterationRecall:0.000} | {s.ArticlesPerSecond:0} |"));
            foreach (var miss in s.MissedReplacements)
            {
                Console.Error.WriteLine("missed replacement " + miss);
            }

            SignatureSpeed(originals);
            return 0;
        });
        return command;
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
        var install = ClusteringEvalCommand.PeerScript("install.sh");
        if (script is not null && install is not null && ClusteringEvalCommand.RunPeer("sh", install) is not null)
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

        Console.WriteLine();
        Console.WriteLine("| signatures (128 perms, word 5-shingles) | articles/s | ratio |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| warta MinHashSigner | {ours:0} | {ours / peer:0.0}× |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| npm minhash | {peer:0.0} | 1× |"));
    }
}
