using System.CommandLine;
using Warta.Cli;

var root = new RootCommand("""
    Warta: a self-hosted news-intelligence engine. Turns crawled news (text, HTML, JSONL, WARC) into clean,
    attributed articles, finds copies and their origins, and groups articles into stories.
    Start with 'warta demo', or 'warta ingest --data DIR PATH...' then 'warta export --data DIR'.
    """);
foreach (var command in WartaCommands.All())
{
    root.Subcommands.Add(command);
}

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"warta: {error.Message}");
    }

    Console.Error.WriteLine("warta: see 'warta --help' or 'warta COMMAND --help'");
    return CliSupport.UsageError;
}

return await parse.InvokeAsync().ConfigureAwait(false);
