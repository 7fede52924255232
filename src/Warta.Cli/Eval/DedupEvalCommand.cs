using System.CommandLine;
using System.Globalization;
using Warta.Evaluation.Linking;

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

            return 0;
        });
        return command;
    }
}
