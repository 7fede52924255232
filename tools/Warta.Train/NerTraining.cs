using System.Globalization;
using Warta.Analysis;

namespace Warta.Train;

/// <summary>Trains the NER model from CoNLL-style files and scores it with conlleval's exact span+type F1.</summary>
internal static class NerTraining
{
    /// <summary>Trains on every input in order (an input named twice counts twice); "--epochs N" first sets the epochs (12).</summary>
    public static int Train(string output, string[] inputs)
    {
        var epochs = 12;
        if (inputs is ["--epochs", var n, ..])
        {
            epochs = int.Parse(n, CultureInfo.InvariantCulture);
            inputs = inputs[2..];
        }

        var sentences = inputs.SelectMany(Read).ToList();
        Console.Error.WriteLine($"{sentences.Count} sentences");
        var tagger = NerTagger.Train(sentences, epochs, Console.Error.WriteLine);
        using (var file = File.Create(output))
            tagger.Save(file, minWeight: 0.5f);
        Console.Error.WriteLine($"wrote {output}: {new FileInfo(output).Length} bytes");
        return 0;
    }

    /// <summary>Rewrites a model without the features whose weights are all below <paramref name="minWeight"/> in size.</summary>
    public static int Prune(string input, string output, float minWeight)
    {
        NerTagger tagger;
        using (var stream = File.OpenRead(input))
            tagger = NerTagger.Load(stream);
        using (var file = File.Create(output))
            tagger.Save(file, minWeight);
        Console.Error.WriteLine($"{input}: {tagger.FeatureCount} features; wrote {output}: {new FileInfo(output).Length} bytes");
        return 0;
    }

    public static int Evaluate(string modelPath, string[] inputs)
    {
        using var stream = File.OpenRead(modelPath);
        var tagger = NerTagger.Load(stream);
        foreach (var input in inputs)
        {
            var sentences = Read(input).ToList();
            int correct = 0, predicted = 0, gold = 0;
            foreach (var (tokens, tags) in sentences)
            {
                var guess = tagger.Tag(tokens);
                var goldSpans = Spans(tags);
                var guessSpans = Spans(guess);
                gold += goldSpans.Count;
                predicted += guessSpans.Count;
                correct += guessSpans.Intersect(goldSpans).Count();
            }

            var p = predicted == 0 ? 0 : (double)correct / predicted;
            var r = gold == 0 ? 0 : (double)correct / gold;
            var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{input}\tP {p * 100:F1}\tR {r * 100:F1}\tF1 {f * 100:F1}\t({gold} gold spans)"));
        }

        return 0;
    }

    /// <summary>Reads token&lt;TAB&gt;tag lines, blank-line separated; maps PERSON/ORGANI[SZ]ATION/LOCATION/PLACE to PER/ORG/LOC, other types to O.</summary>
    public static IEnumerable<(string[] Tokens, string[] Tags)> Read(string path)
    {
        var tokens = new List<string>();
        var tags = new List<string>();
        foreach (var raw in File.ReadLines(path).Append(""))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (tokens.Count > 0)
                    yield return ([.. tokens], [.. tags]);
                tokens.Clear();
                tags.Clear();
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length < 2)
                parts = line.Split(' ');
            tokens.Add(parts[0]);
            tags.Add(MapTag(parts[^1].Trim()));
        }
    }

    private static string MapTag(string tag)
    {
        if (tag.Length < 3 || tag[1] != '-')
            return "O";
        var type = tag[2..] switch
        {
            "PERSON" or "PER" or "PPL" => "PER",
            "ORGANIZATION" or "ORGANISATION" or "ORG" or "IND" => "ORG",
            "LOCATION" or "PLACE" or "LOC" or "PLC" => "LOC",
            _ => null,
        };
        return type is null ? "O" : tag[..2] + type;
    }

    private static HashSet<(int, int, string)> Spans(string[] tags)
    {
        var spans = new HashSet<(int, int, string)>();
        var start = -1;
        var type = "";
        for (var i = 0; i <= tags.Length; i++)
        {
            var t = i < tags.Length ? tags[i] : "O";
            var continues = t.StartsWith("I-", StringComparison.Ordinal) && start >= 0 && t[2..] == type;
            if (continues)
                continue;
            if (start >= 0)
                spans.Add((start, i, type));
            start = -1;
            if (t.Length > 2)
            {
                start = i;
                type = t[2..];
            }
        }

        return spans;
    }
}
