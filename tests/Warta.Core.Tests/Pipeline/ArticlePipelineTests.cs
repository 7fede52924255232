using System.Text;
using Warta.Model;
using Warta.Pipeline;

namespace Warta.Tests.Pipeline;

public class ArticlePipelineTests
{
    [Fact]
    public void Headline_only_input_becomes_an_article_with_empty_text()
    {
        var input = new RawInput
        {
            Source = "headlines.jsonl#line=1",
            Kind = InputKind.HeadlineOnly,
            Raw = Encoding.UTF8.GetBytes("{\"title\":\"Banjir di Jakarta\"}"),
            Body = string.Empty,
            Title = "Banjir di Jakarta",
            Outlet = "kompas.com",
        };

        var article = new ArticlePipeline().Process(input);

        Assert.Equal("Banjir di Jakarta", article.Title);
        Assert.Equal(string.Empty, article.Text);
        Assert.Equal("kompas.com", article.Outlet);
    }
}
