using System.CommandLine;
using Warta.Ingest;
using Warta.Model;
using Warta.Pipeline;

namespace Warta.Cli;

/// <summary><c>warta extract FILE...</c>: one JSON object per input on stdout, nothing stored.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Files or directories to extract: .txt, .html, .jsonl, .warc, any of them .gz; '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        }.RejectingOptionLikePaths();
        var url = new Option<string?>("--url") { Description = "The page's URL when known (used for metadata and relative links)." };
        var command = new Command("extract", """
            Extract clean articles and print them as JSON lines on stdout (camelCase; one object per input).
            Errors for single inputs go to stderr; the other inputs are still extracted.
            Example: warta extract page.html.gz --url https://example.com/news/1
            """) { files, url };
        command.SetAction(parse =>
        {
            var pipeline = new ArticlePipeline();
            var pageUrl = parse.GetValue(url);
            var failed = 0;
            using var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            foreach (var result in new InputReader().Read(parse.GetValue(files)!))
            {
                if (result.Error is { } error)
                {
                    failed++;
                    Console.Error.WriteLine($"extract: {error.Source}: {error.Reason}: {error.Message}");
                    continue;
                }

                var input = result.Input!;
                if (pageUrl is not null && input.Url is null)
                {
                    input = input with { Url = pageUrl };
                }

                try
                {
                    output.WriteLine(WartaJson.Serialize(pipeline.Process(input)));
                }
#pragma warning disable CA1031 // One input that breaks a stage is reported; the others go on.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failed++;
                    Console.Error.WriteLine($"extract: {input.Source}: processing-failed: {e.GetType().Name}: {e.Message}");
                }
            }

            output.Flush();
            return failed > 0 ? CliSupport.SomeRejected : CliSupport.Ok;
        });
        return command;
    }
}
