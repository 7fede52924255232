using System.CommandLine;

namespace Warta.Cli.Eval;

/// <summary><c>warta eval …</c>: evaluations against the gold sets in the shared data folder, peers side by side.</summary>
internal static class EvalCommand
{
    // One line per evaluation keeps merges trivial.
    private static IEnumerable<Command> Subcommands()
    {
        yield return ExtractionEvalCommand.Create();
        yield return DedupEvalCommand.Create();
        yield return ClusteringEvalCommand.Create();
    }

    public static Command Create()
    {
        var command = new Command("eval", "Evaluate Warta against gold data sets (and peer tools on the same pages).");
        foreach (var sub in Subcommands())
            command.Subcommands.Add(sub);
        return command;
    }
}
