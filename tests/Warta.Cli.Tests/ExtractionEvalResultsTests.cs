using Warta.Cli.Eval;

namespace Warta.Cli.Tests;

public sealed class ExtractionEvalResultsTests
{
    [Fact]
    public void A_rerun_replaces_the_table_and_speed_ratios_but_keeps_the_notes()
    {
        const string old = "# HTML extraction: Warta vs peers\n\n| old table |\n\n## Speed ratio (Warta ÷ peer)\n\n| old ratios |\n\n## Notes (integrator)\n\n- what was tried\n\n## Helper round\n\n- what is left\n";
        const string report = "# HTML extraction: Warta vs peers\n\n| new table |\n\n## Speed ratio (Warta ÷ peer)\n\n| new ratios |\n";

        var merged = ExtractionEvalCommand.WithKeptNotes(report, old);

        Assert.StartsWith(report.TrimEnd('\n'), merged, StringComparison.Ordinal);
        Assert.DoesNotContain("old table", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("old ratios", merged, StringComparison.Ordinal);
        Assert.EndsWith("## Notes (integrator)\n\n- what was tried\n\n## Helper round\n\n- what is left\n", merged, StringComparison.Ordinal);
        Assert.Equal(report, ExtractionEvalCommand.WithKeptNotes(report, null));
    }
}
