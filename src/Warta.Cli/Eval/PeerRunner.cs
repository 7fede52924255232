using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Warta.Evaluation.Extraction;

namespace Warta.Cli.Eval;

/// <summary>A peer extractor run as a child process over a manifest of pages, with its elapsed and CPU time and peak memory.</summary>
internal sealed record PeerRun(string Name, List<ExtractionOutput> Outputs, double Milliseconds, double CpuMilliseconds, long PeakBytes, string? Error);

/// <summary>Runs the extraction peers (bench/peers/) on the same pages Warta sees.</summary>
internal static class PeerRunner
{
    public static readonly IReadOnlyList<(string Name, string Program, string Script)> Peers =
    [
        ("Readability.js+jsdom", "node", "readability-js.mjs"),
        ("readability-lxml", "/usr/bin/python3", "readability_lxml.py"),
    ];

    public static string? EnsureInstalled(string peersDir)
    {
        var (code, _, err) = Run("bash", [Path.Combine(peersDir, "install.sh")], TimeSpan.FromMinutes(10));
        return code == 0 ? null : $"peer install failed: {Tail(err)}";
    }

    public static PeerRun RunPeer(string name, string program, string script, IReadOnlyList<ExtractionPage> pages, string workDir)
    {
        var pagesDir = Path.Combine(workDir, "pages");
        Directory.CreateDirectory(pagesDir);
        var manifest = new StringBuilder();
        for (var i = 0; i < pages.Count; i++)
        {
            var file = Path.Combine(pagesDir, i.ToString(CultureInfo.InvariantCulture) + ".html");
            if (!File.Exists(file))
                File.WriteAllText(file, pages[i].Html, new UTF8Encoding(false));
            manifest.Append(file).Append('\t').Append(pages[i].Url ?? string.Empty).Append('\n');
        }
        var manifestPath = Path.Combine(workDir, "manifest.tsv");
        File.WriteAllText(manifestPath, manifest.ToString());
        var outPath = Path.Combine(workDir, name.Replace('+', '-') + ".jsonl");
        // A generous bound: Readability.js needs about 0.2 s a page on this machine.
        var (code, _, err) = Run(program, [script, manifestPath, outPath], TimeSpan.FromSeconds(60 + (pages.Count * 5)));
        var outputs = new List<ExtractionOutput>(pages.Count);
        double ms = 0, cpuMs = 0;
        long peak = 0;
        if (code == 0)
        {
            foreach (var line in err.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!line.StartsWith('{'))
                    continue;
                using var stats = JsonDocument.Parse(line);
                ms = stats.RootElement.GetProperty("ms").GetDouble();
                cpuMs = stats.RootElement.TryGetProperty("cpuMs", out var cpu) ? cpu.GetDouble() : 0;
                peak = (long)stats.RootElement.GetProperty("peakRss").GetDouble();
            }
            foreach (var line in File.ReadLines(outPath))
                outputs.Add(Parse(line));
        }
        while (outputs.Count < pages.Count)
            outputs.Add(ExtractionOutput.Empty);
        return new PeerRun(name, outputs, ms, cpuMs, peak, code == 0 ? null : $"{name} exited {code}: {Tail(err)}");
    }

    private static ExtractionOutput Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var r = doc.RootElement;
        string? S(string n) => r.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        DateTimeOffset? published = DateTimeOffset.TryParse(S("publishedTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var p) ? p : null;
        var byline = S("byline");
        return new ExtractionOutput(S("text") ?? string.Empty, S("title"), byline is null ? [] : [byline], published, S("siteName"));
    }

    private static (int Code, string Out, string Err) Run(string program, IEnumerable<string> args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, string.Empty, "timed out");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, string.Empty, e.Message);
        }
    }

    private static string Tail(string s) => s.Length > 400 ? s[^400..] : s;
}
