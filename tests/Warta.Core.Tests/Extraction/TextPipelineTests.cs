using System.Text;
using Warta.Extraction;
using Warta.Model;
using Warta.Pipeline;

namespace Warta.Tests.Extraction;

/// <summary>The cleaner and the citation finder as the pipeline runs them on the seeds.</summary>
public class TextPipelineTests
{
    private static Article Process(string seed)
    {
        var body = SeedGoldenTests.SeedText(seed);
        return new ArticlePipeline().Process(new RawInput
        {
            Source = seed + ".txt",
            Kind = InputKind.Text,
            Raw = Encoding.UTF8.GetBytes(body),
            Body = body,
        });
    }

    [Fact]
    public void Pipeline_cleans_seed_000_and_cites_reuters()
    {
        var article = Process("000_16d752799582dfe6");

        Assert.Equal("China Tawarkan Dukungan Keamanan pada Kazakhstan", article.Title);
        Assert.Equal(DateTimeOffset.Parse("2022-01-11T05:20:00+07:00", System.Globalization.CultureInfo.InvariantCulture), article.Published);
        Assert.Equal(["Esnoe Faqih Wardhana"], article.Authors);
        Assert.Equal(new Citation("Reuters", "Seperti dilaporkan Reuters"), Assert.Single(article.Citations));
        Assert.DoesNotContain(article.Removed, r => article.Text.Contains(r.Text, StringComparison.Ordinal) && r.Reason != RemovalReasons.RepeatedBlock);
    }

    [Fact]
    public void Pipeline_cites_rt_for_seed_001_from_text_and_source_line()
    {
        var article = Process("001_f3d4b3f224281650");

        Assert.Null(article.Published);
        Assert.Equal(new Citation("RT", "dikutip dari Russian Today"), Assert.Single(article.Citations));
        Assert.DoesNotContain("Sumber:", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Google News", article.Text, StringComparison.Ordinal);
    }
}
