using Warta.Analysis;
using Warta.Cli;

namespace Warta.Cli.Tests;

public sealed class TagCommandTests
{
    [Fact]
    public void Tag_writes_token_tab_tag_and_keeps_blank_lines()
    {
        var input = new StringReader("Presiden\tO\nJoko\nWidodo\ntiba\ndi\nSurabaya\n.\n\nIa\ntersenyum\n.\n");
        var output = new StringWriter();
        TagCommand.Run(input, output, NerTagger.CreateDefault());
        var lines = output.ToString().Split('\n');
        Assert.Equal("Presiden\tO", lines[0]);
        Assert.Equal("Joko\tB-PER", lines[1]);
        Assert.Equal("Widodo\tI-PER", lines[2]);
        Assert.Equal("Surabaya\tB-LOC", lines[5]);
        Assert.Equal(string.Empty, lines[7]);
        Assert.Equal("Ia\tO", lines[8]);
        Assert.Equal(10, lines.Count(l => l.Contains('\t', StringComparison.Ordinal)));
    }
}
