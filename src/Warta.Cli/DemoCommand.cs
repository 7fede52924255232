using System.CommandLine;
using System.Text;
using Warta.Model;
using Warta.Server;

namespace Warta.Cli;

/// <summary><c>warta demo</c>: ingest the sample corpus into a data directory, then serve it.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var data = ServeCommand.DataOption();
        data.DefaultValueFactory = _ => Path.Combine(".data", "demo");
        var port = ServeCommand.PortOption();
        var host = ServeCommand.HostOption();
        var inputs = new Option<string[]>("--input") { Description = "Text or HTML files or folders to ingest (default: samples/).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("demo", "Ingest the sample corpus and serve it: the quickest way to see Warta.") { data, port, host, inputs };
        command.SetAction(async (parse, cancel) =>
        {
            var options = new WartaServerOptions { DataDirectory = parse.GetValue(data), Port = parse.GetValue(port), Host = parse.GetValue(host)! };
            var paths = parse.GetValue(inputs) is { Length: > 0 } given ? given : ["samples"];
            return await ServeCommand.RunAsync(options, server => IngestOnce(server, paths), cancel).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Ingests every file under <paramref name="paths"/> unless the data directory already holds articles.</summary>
    internal static void IngestOnce(WartaServer server, IEnumerable<string> paths)
    {
        if (server.Catalog.Count > 0)
        {
            Console.Out.WriteLine($"demo: the data directory already holds {server.Catalog.Count} articles; not ingesting again");
            return;
        }

        var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : File.Exists(p) ? [p] : Enumerable.Empty<string>()).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine("demo: no sample files found; pass --input with text or HTML files");
        }

        foreach (var file in files)
        {
            var isHtml = file.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
            if (!isHtml && !file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(file);
            var input = new RawInput { Source = file, Kind = isHtml ? InputKind.Html : InputKind.Text, Raw = bytes, Body = Encoding.UTF8.GetString(bytes) };
            try
            {
                var stored = server.Ingest(input);
                Console.Out.WriteLine($"demo: {stored.Id} {file}");
            }
            catch (Exception e) when (e is IOException or FormatException or InvalidOperationException or ArgumentException)
            {
                Console.Error.WriteLine($"demo: {file}: skipped: {e.Message}");
            }
        }

        server.Index.Commit();
    }
}
