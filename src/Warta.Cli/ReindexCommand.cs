using System.CommandLine;
using Warta.Server;

namespace Warta.Cli;

/// <summary><c>warta reindex --data DIR</c>: rebuild the search index from the stored articles.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var command = new Command("reindex", "Rebuild the search index of a data directory from its stored articles.") { data };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(data)!;
            var count = WartaServer.Reindex(directory);
            Console.Out.WriteLine($"reindex: {count} articles indexed in {Path.Combine(Path.GetFullPath(directory), "index")}");
            return 0;
        });
        return command;
    }
}
