using AngleSharp.Html.Parser;
using Warta.Extraction.Html;

namespace Warta.Tests.Extraction.Html;

public class AttributeReaderTests
{
    [Fact]
    public void Reads_the_named_attributes_in_their_order_and_null_for_the_absent()
    {
        var document = new HtmlParser().ParseDocument("<div ID=\"main\" data-x=\"1\" class=\"post entry\" hidden></div><p>t</p>");
        var values = default(AttributeReader.Values);

        Assert.True(AttributeReader.Read(document.QuerySelector("div")!, ["class", "id", "hidden", "role"], ref values));

        Assert.Equal("post entry", values[0]);
        Assert.Equal("main", values[1]);
        Assert.Equal(string.Empty, values[2]);
        Assert.Null(values[3]);
    }

    [Fact]
    public void An_element_without_attributes_reads_as_none()
    {
        var document = new HtmlParser().ParseDocument("<p>t</p>");
        var values = default(AttributeReader.Values);

        Assert.False(AttributeReader.Read(document.QuerySelector("p")!, ["class"], ref values));
        Assert.Null(values[0]);
    }
}
