using System.CommandLine;

namespace Warta.Cli.Eval;

/// <summary><c>warta eval …</c>: evaluations on the shared data sets; one line per subcommand.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Evaluate Warta's stages on the shared data sets, with peers side by side.");
        command.Subcommands.Add(DedupEvalCommand.Create());
        command.Subcommands.Add(ClusteringEvalCommand.Create());
        return command;
    }
}
