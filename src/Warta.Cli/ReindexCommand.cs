using System.CommandLine;
using Warta.Server;

namespace Warta.Cli;

/// <summary><c>warta reindex --data DIR</c>: work out pending copy alterations, then rebuild the search index from the stored articles.</summary>
internal static class ReindexCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var command = new Command("reindex", "Rebuild the search index of a data directory from its stored articles (first working out the copy alterations left pending when a family's origin changed).") { data };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(data)!;
            var last = 0;
            var count = WartaServer.Reindex(directory, done =>
            {
                if (done - last >= 10_000)
                {
                    last = done;
                    Console.Error.WriteLine($"reindex: {done} copy alterations worked out");
                }
            });
            Console.Out.WriteLine($"reindex: {count} articles indexed in {Path.Combine(Path.GetFullPath(directory), "index")}");
            return 0;
        });
        return command;
    }
}
