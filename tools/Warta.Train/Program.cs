using System.Diagnostics;
using System.Globalization;
using Warta.Language;

namespace Warta.Train;

/// <summary>
/// Trains and evaluates Warta's language models from ../shared/data. Commands:
/// <c>lang-eval FILE.tsv</c> (gold&lt;TAB&gt;text lines), <c>ner-train OUT.gz TRAIN…</c>, <c>ner-eval MODEL.gz DEV…</c>.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: lang-eval FILE.tsv | ner-train OUT.gz TRAIN.tsv… | ner-eval MODEL.gz DEV.tsv…");
            return 2;
        }

        return args[0] switch
        {
            "lang-eval" => LangEval(args[1]),
            "ner-train" => NerTraining.Train(args[1], args[2..]),
            "ner-eval" => NerTraining.Evaluate(args[1], args[2..]),
            "ner-prune" => NerTraining.Prune(args[1], args[2], float.Parse(args[3], CultureInfo.InvariantCulture)),
            "analyze" => Analyze(args[1]),
            "stem" => Stem(args[1], args[2]),
            "throughput" => Throughput(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1),
            "profile" => Profile(args[1]),
            "analyze-tsv" => AnalyzeTsv(args[1]),
            _ => 2,
        };
    }

    /// <summary>
    /// Runs language ID and the full analysis (entities, quotes, numbers) over the texts of an evaluation TSV on
    /// <paramref name="threads"/> threads, three passes after a warm-up, and prints articles per second by wall
    /// clock and by the process's CPU time (the honest figure on a shared, overloaded machine).
    /// </summary>
    private static int Throughput(string path, int threads)
    {
        var texts = File.ReadLines(path).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2).Select(p => p[1]).ToList();
        var identifier = LanguageIdentifier.CreateDefault();
        var analyzer = new Warta.Analysis.ArticleAnalyzer();
        long entities = 0;
        void Pass() => Parallel.ForEach(texts, new ParallelOptions { MaxDegreeOfParallelism = threads }, text =>
        {
            var article = new Warta.Model.Article { Source = "bench", Text = text, Language = identifier.Identify(text) };
            Interlocked.Add(ref entities, analyzer.Analyze(article).Entities.Count);
        });

        Pass();
        Pass();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var gcs = GC.CollectionCount(0);
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
            Pass();
        var seconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        var chars = texts.Sum(t => (long)t.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{texts.Count} articles (mean {chars / texts.Count} chars), {threads} thread(s): {3 * texts.Count / seconds:F0} articles/s wall, {3 * texts.Count / cpuSeconds:F0} articles per CPU-second, {entities / 5 / texts.Count} entities per article; GC: {(GC.GetTotalAllocatedBytes() - allocated) / 1024 / (3 * texts.Count)} KB allocated per article, {GC.CollectionCount(0) - gcs} collections, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms paused"));
        return 0;
    }

    /// <summary>
    /// Times each analysis stage alone on one thread over the texts of an evaluation TSV (three passes after a
    /// warm-up) and prints microseconds per article: language ID, tokens, sentences, the NER tagger on each
    /// sentence, and the full analysis (which repeats tokens, sentences and NER, and adds roles, canonical names,
    /// quotes and numbers).
    /// </summary>
    private static int Profile(string path)
    {
        var texts = File.ReadLines(path).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2).Select(p => p[1]).ToList();
        var identifier = LanguageIdentifier.CreateDefault();
        var analyzer = new Warta.Analysis.ArticleAnalyzer();
        var tagger = Warta.Analysis.NerTagger.CreateDefault();
        var languages = texts.Select(t => identifier.Identify(t)).ToList();
        var stages = new (string Name, Action<int> Run)[]
        {
            ("language ID", i => identifier.Identify(texts[i])),
            ("tokens", i => Tokenizer.Tokenize(texts[i])),
            ("tokens + sentences", i => SentenceSplitter.Split(texts[i])),
            ("tokens + sentences + NER tagger", i =>
            {
                foreach (var sentence in SentenceSplitter.Split(texts[i]))
                    tagger.Tag([.. sentence.Select(t => t.Text)]);
            }),
            ("full analysis (no language ID)", i => analyzer.Analyze(new Warta.Model.Article { Source = "bench", Text = texts[i], Language = languages[i] })),
        };
        foreach (var (name, run) in stages)
        {
            for (var i = 0; i < texts.Count; i++)
                run(i);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (var pass = 0; pass < 3; pass++)
            {
                for (var i = 0; i < texts.Count; i++)
                    run(i);
            }

            var wall = watch.Elapsed.TotalMicroseconds / (3 * texts.Count);
            process.Refresh();
            var cpuTime = (process.TotalProcessorTime - cpu).TotalMicroseconds / (3 * texts.Count);
            var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (3 * texts.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-34} {wall,8:F1} µs/article wall {cpuTime,8:F1} µs/article CPU {bytes / 1024.0,8:F1} KB/article"));
        }

        return 0;
    }

    /// <summary>Prints word&lt;TAB&gt;stem for each line of a word list, with the Indonesian or English stemmer.</summary>
    private static int Stem(string language, string path)
    {
        foreach (var word in File.ReadLines(path))
            Console.WriteLine(word + "\t" + (language == "en" ? EnglishStemmer.Stem(word) : IndonesianStemmer.Stem(word)));
        return 0;
    }

    /// <summary>Prints language, entities, quotes and numbers of every text of an evaluation TSV, one JSON line each (to diff versions).</summary>
    private static int AnalyzeTsv(string path)
    {
        var identifier = LanguageIdentifier.CreateDefault();
        var analyzer = new Warta.Analysis.ArticleAnalyzer();
        foreach (var line in File.ReadLines(path))
        {
            var text = line.Split('\t', 2)[^1];
            var article = analyzer.Analyze(new Warta.Model.Article { Source = "tsv", Text = text, Language = identifier.Identify(text) });
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { article.Language, article.Entities, article.Quotes, article.Numbers }, Warta.Model.WartaJson.Options));
        }

        return 0;
    }

    /// <summary>Prints the analysis of one plain-text file as JSON, for inspection.</summary>
    private static int Analyze(string path)
    {
        var text = File.ReadAllText(path);
        var article = new Warta.Model.Article { Source = path, Text = text, Language = LanguageIdentifier.CreateDefault().Identify(text) };
        article = new Warta.Analysis.ArticleAnalyzer().Analyze(article);
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { article.Language, article.Entities, article.Quotes, article.Numbers }, Warta.Model.WartaJson.Options));
        return 0;
    }

    private static int LangEval(string path)
    {
        var rows = File.ReadLines(path).Select(l => l.Split('\t', 2)).Where(p => p.Length == 2).ToList();
        var identifier = LanguageIdentifier.CreateDefault();
        identifier.Identify("warm up");
        var ok = 0;
        var confusions = new Dictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            var guess = identifier.Identify(row[1]) ?? "none";
            if (guess == row[0])
                ok++;
            else
            {
                var key = row[0] + "->" + guess;
                confusions[key] = confusions.GetValueOrDefault(key) + 1;
                if (Environment.GetEnvironmentVariable("WARTA_SHOW_ERRORS") is not null)
                    Console.Error.WriteLine(key + "\t" + row[1][..Math.Min(row[1].Length, 300)]);
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warta\t{rows.Count}\t{(double)ok / rows.Count:F4}\t{rows.Count / seconds:F0}/s"));
        foreach (var (key, count) in confusions.OrderByDescending(kv => kv.Value).Take(10))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {key}\t{count}"));
        return 0;
    }
}
