using System.CommandLine;

namespace Warta.Cli;

/// <summary>Every subcommand of <c>warta</c>; one line per command keeps merges trivial.</summary>
internal static class WartaCommands
{
    public static IEnumerable<Command> All()
    {
        yield return IngestCommand.Create();
        yield return ExtractCommand.Create();
        yield return Eval.EvalCommand.Create();
        yield return StoriesCommand.Create();
        yield return ServeCommand.Create();
        yield return DemoCommand.Create();
        yield return ReindexCommand.Create();
        yield return ExportCommand.Create();
        yield return ShowCommand.Create();
        yield return StatsCommand.Create();
        yield return TagCommand.Create();
    }
}
