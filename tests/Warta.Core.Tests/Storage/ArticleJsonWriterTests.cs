using System.Text;
using System.Text.Json;
using Warta.Extraction;
using Warta.Model;
using Warta.Storage;

namespace Warta.Tests.Storage;

public sealed class ArticleJsonWriterTests
{
    // Quotes, backslashes, control characters, HTML-sensitive and non-ASCII text, a lone surrogate.
    private const string Awkward = "Kata \"dia\" \\ <b>&'</b>\t\n\u0001 é 日本 😀 \ud800 –";

    [Fact]
    public void Writes_the_same_bytes_as_the_serializer_for_a_fully_populated_article()
    {
        var article = new Article
        {
            Source = "a.jsonl#line=1",
            Url = "https://example.org/a?b=c&d=é",
            ExternalId = "x-1",
            Title = Awkward,
            Text = "Isi berita.\n\n" + Awkward,
            Published = new DateTimeOffset(2022, 1, 11, 5, 20, 7, 123, TimeSpan.FromHours(7)),
            PublishedPrecision = DatePrecision.LocalTime,
            Authors = ["Esnoe Faqih Wardhana", Awkward],
            Outlet = "bogordaily.net",
            Dateline = "Jakarta",
            Language = "id",
            Citations = [new Citation("Reuters", "Seperti dilaporkan Reuters"), new Citation("Antara", Awkward)],
            Removed = [new RemovedSpan("Baca juga: x", RemovalReasons.RelatedTeaser), new RemovedSpan(Awkward, RemovalReasons.Navigation)],
            Repeats = [new CollapsedRepeat("kept", "dropped", ["+ kata", Awkward]), new CollapsedRepeat("a", "b", [])],
            Metadata = new ArticleMetadata
            {
                Modified = new DateTimeOffset(2021, 12, 31, 23, 59, 59, TimeSpan.Zero),
                SiteName = "Situs",
                CanonicalUrl = "https://example.org/a",
                Description = Awkward,
                Image = null,
                Section = "Dunia",
                Tags = ["a", "b"],
                DeclaredLanguage = "id-ID",
                PageType = "listing",
                Sources = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = "html:h1", [Awkward] = Awkward },
            },
            Entities =
            [
                new EntityMention("Wang Yi", "PERSON", "Wang Yi", 10, 17) { Role = "Menteri Luar Negeri" },
                new EntityMention("CSTO", "ORGANIZATION", "Organisasi Perjanjian Keamanan Kolektif", 20, 24),
            ],
            Quotes = [new Quote(Awkward, "Wang Yi", "kata", "direct"), new Quote("x", null, null, "indirect")],
            Numbers =
            [
                new NumberMention("225 orang", 225, "orang", "sedikitnya", 1, 10),
                new NumberMention("3,5 juta", 3_500_000.5, null, null, 11, 19),
                new NumberMention("0,1", 0.1, null, null, 0, 3),
                new NumberMention("besar", 1e21, null, null, 0, 5),
                new NumberMention("kecil", -1.25e-7, null, null, 0, 5),
            ],
        };

        AssertSameBytes(article);
    }

    [Fact]
    public void Writes_nulls_and_empty_lists_as_the_serializer_does()
    {
        AssertSameBytes(new Article { Source = "s", Text = string.Empty });
        AssertSameBytes(new Article { Source = "s", Text = "t", PublishedPrecision = DatePrecision.Day, Metadata = new ArticleMetadata() });
        AssertSameBytes(new Article { Source = "s", Text = "t", PublishedPrecision = (DatePrecision)7 });
        AssertSameBytes(new Article { Source = "s", Text = "t", Authors = null!, Citations = null!, Metadata = new ArticleMetadata { Tags = null!, Sources = null! } });
    }

    [Fact]
    public void Reuses_its_buffer_without_leaking_a_previous_article()
    {
        var longer = new Article { Source = "s", Text = new string('x', 100_000) };
        var shorter = new Article { Source = "s", Text = "t" };
        ArticleJsonWriter.ToUtf8(longer);

        AssertSameBytes(shorter);
    }

    private static void AssertSameBytes(Article article)
    {
        var expected = JsonSerializer.Serialize(article, WartaJson.Options);
        Assert.Equal(expected, Encoding.UTF8.GetString(ArticleJsonWriter.ToUtf8(article)));
    }
}
