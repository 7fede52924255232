using System.CommandLine;
using Warta.Cli;

var root = new RootCommand("Warta: a self-hosted news-intelligence engine. Turns crawled news into clean articles, copies, origins and stories.");
foreach (var command in WartaCommands.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
