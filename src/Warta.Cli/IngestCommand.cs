using System.CommandLine;
using System.Globalization;
using Warta.Linking;
using Warta.Pipeline;

namespace Warta.Cli;

/// <summary><c>warta ingest --data DIR PATH...</c>: read, clean, analyse and store.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or directories (recursive) to ingest: .txt, .html, .jsonl, .warc, any of them .gz; '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        }.RejectingOptionLikePaths();
        var batch = new Option<int>("--batch") { Description = "Articles per transaction (a killed run keeps every committed batch).", DefaultValueFactory = _ => 512 };
        var noLink = new Option<bool>("--no-link") { Description = "Store only; linking and stories catch up on the next ingest, serve or demo that links." };
        var command = new Command("ingest", """
            Read raw news, derive clean articles and keep both in the store; link copies and cluster stories as they arrive.
            Re-ingesting the same input changes nothing; rejected inputs are recorded with their reason (see 'warta stats').
            Example: warta ingest --data ./news crawl/2024-05/ extra.jsonl.gz
            """) { data, paths, batch, noLink };
        command.SetAction(async (parse, cancel) =>
        {
            using var store = CliSupport.OpenStore(parse.GetValue(data)!, "ingest");
            if (store is null)
            {
                return CliSupport.StoreError;
            }

            // Linking first catches up on anything stored without it (an older store, a killed run), then follows the ingest.
            using var links = parse.GetValue(noLink) ? null : LinkStore.Attach(store, progress: n => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest: linked {n} earlier articles")));
            var runner = new IngestRunner(store, options: new IngestOptions { BatchSize = parse.GetValue(batch) });
            using var reporter = ProgressReporter.Start("ingest");
            var result = await runner.RunAsync(parse.GetValue(paths)!, reporter.Report, cancel).ConfigureAwait(false);
            reporter.Finish(result);
            foreach (var rejection in store.Rejections().Where(r => r.At >= DateTimeOffset.UtcNow - result.Elapsed - TimeSpan.FromSeconds(1)).Take(20))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest: rejected {rejection.Source}: {rejection.Reason}: {rejection.Message}"));
            }

            return result.Rejected > 0 ? CliSupport.SomeRejected : CliSupport.Ok;
        });
        return command;
    }
}
