using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Warta.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ApiTests(ServerFixture fixture) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(fixture.Address) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Search_returns_hits_with_highlighted_snippets_and_facets()
    {
        using var doc = await Json("/api/search?q=kazakhstan");

        Assert.Equal(4, doc.RootElement.GetProperty("total").GetInt32());
        var first = doc.RootElement.GetProperty("hits")[0];
        Assert.Contains("<mark>", first.GetProperty("snippetHtml").GetString(), StringComparison.Ordinal);
        var outlets = doc.RootElement.GetProperty("facets").GetProperty("outlet").EnumerateArray().Select(f => f.GetProperty("value").GetString()).ToList();
        Assert.Contains("Reuters", outlets);
    }

    [Fact]
    public async Task Search_filters_by_language_and_date()
    {
        using var doc = await Json("/api/search?q=kazakhstan&language=en&from=2024-05-01&to=2024-05-01");
        using var later = await Json("/api/search?q=kazakhstan&language=en&from=2024-05-02");

        Assert.Equal(1, doc.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(0, later.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/search?q=%22unclosed")]
    [InlineData("/api/search?q=(a%20OR")]
    [InlineData("/api/search?page=0")]
    [InlineData("/api/search?page=99999999999999")]
    [InlineData("/api/search?page=2147483647")]
    [InlineData("/api/search?size=-1")]
    [InlineData("/api/search?size=100000000")]
    [InlineData("/api/search?from=yesterday")]
    [InlineData("/api/search?sort=random")]
    [InlineData("/api/articles?limit=abc")]
    [InlineData("/api/articles?after=-5")]
    [InlineData("/api/articles?format=xml")]
    public async Task Bad_parameters_are_a_plain_400(string url)
    {
        using var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertPlainError(response);
    }

    [Theory]
    [InlineData("/api/articles/999999")]
    [InlineData("/api/articles/abc")]
    [InlineData("/api/articles/99999999999999999999999")]
    [InlineData("/api/stories/no-such-story")]
    [InlineData("/api/nothing-here")]
    public async Task Unknown_ids_are_a_plain_404(string url)
    {
        using var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await AssertPlainError(response);
    }

    [Fact]
    public async Task Article_by_id_has_the_export_shape()
    {
        using var doc = await Json($"/api/articles/{fixture.FirstId}?raw=true");

        Assert.Equal(fixture.FirstId, doc.RootElement.GetProperty("id").GetInt64());
        Assert.Equal(fixture.KazakhstanStory, doc.RootElement.GetProperty("storyId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Antara", doc.RootElement.GetProperty("outlet").GetString());
        foreach (var field in new[] { "duplicateOf", "copies", "originId", "alterations", "citations", "removed" })
        {
            Assert.True(doc.RootElement.TryGetProperty(field, out _), field);
        }

        Assert.StartsWith("Pemerintah", doc.RootElement.GetProperty("raw").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Altered_copy_names_its_origin_and_what_it_changed()
    {
        using var doc = await Json($"/api/articles/{fixture.FireCopyId}");

        Assert.Equal(fixture.FireOriginId, doc.RootElement.GetProperty("originId").GetInt64());
        Assert.Contains(doc.RootElement.GetProperty("copies").EnumerateArray(), c => c.GetProperty("id").GetInt64() == fixture.FireOriginId);
        var changes = doc.RootElement.GetProperty("alterations").EnumerateArray()
            .Select(a => (a.GetProperty("original").GetString(), a.GetProperty("altered").GetString())).ToList();
        Assert.Contains(("120", "210"), changes);
        Assert.Contains(changes, c => c.Item1 == "Riau" && c.Item2 == "Jambi");
    }

    [Fact]
    public async Task Article_pages_follow_the_cursor_to_the_end()
    {
        var ids = new List<long>();
        long? after = 0;
        while (after is not null)
        {
            using var doc = await Json($"/api/articles?limit=2&after={after}");
            ids.AddRange(doc.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            var next = doc.RootElement.GetProperty("nextAfter");
            after = next.ValueKind == JsonValueKind.Null ? null : next.GetInt64();
        }

        Assert.Equal(ids.Order(), ids);
        Assert.True(ids.Count >= 6);
    }

    [Fact]
    public async Task Jsonl_export_streams_every_article_and_csv_has_a_row_each()
    {
        var jsonl = await _http.GetStringAsync("/api/articles?format=jsonl");
        var lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.True(doc.RootElement.GetProperty("id").GetInt64() > 0);
        }

        var csv = await _http.GetStringAsync("/api/articles?format=csv");
        Assert.StartsWith("id,ingested,storyId,", csv, StringComparison.Ordinal);
        Assert.True(lines.Length >= 6);
        Assert.Contains("Paragraf pertama", csv, StringComparison.Ordinal);
        Assert.Contains("\"\"><iframe", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_entities_and_agencies_are_listed()
    {
        using var stories = await Json("/api/stories");
        var top = stories.RootElement[0];
        Assert.Equal(fixture.KazakhstanStory, top.GetProperty("id").GetString());
        Assert.Equal(3, top.GetProperty("outletCount").GetInt32());

        using var story = await Json("/api/stories/" + fixture.BanjirStory);
        Assert.Equal(2, story.RootElement.GetProperty("articles").GetArrayLength());

        using var entities = await _http.GetAsync("/api/entities");
        Assert.Equal(HttpStatusCode.OK, entities.StatusCode);
        using var agencies = await _http.GetAsync("/api/agencies");
        Assert.Equal(HttpStatusCode.OK, agencies.StatusCode);
    }

    [Fact]
    public async Task Post_without_a_key_is_401_and_with_a_wrong_key_403()
    {
        using var none = await _http.PostAsJsonAsync("/api/articles", new { kind = "text", body = "Judul\n\nIsi." });
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        await AssertPlainError(none);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(new { kind = "text", body = "x" }) };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
        using var forbidden = await _http.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory]
    [InlineData("{not json", HttpStatusCode.BadRequest)]
    [InlineData("[]", HttpStatusCode.BadRequest)]
    [InlineData("{\"kind\":\"pdf\",\"body\":\"x\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"kind\":\"text\",\"body\":\"\"}", HttpStatusCode.BadRequest)]
    [InlineData("{\"kind\":\"text\",\"body\":\"x\",\"published\":\"not a date\"}", HttpStatusCode.BadRequest)]
    public async Task Malformed_post_bodies_are_a_plain_400(string body, HttpStatusCode expected)
    {
        using var response = await Post(body, "application/json");

        Assert.Equal(expected, response.StatusCode);
        await AssertPlainError(response);
    }

    [Fact]
    public async Task Oversized_post_is_413_and_wrong_content_type_415()
    {
        var huge = "{\"kind\":\"text\",\"body\":\"" + new string('a', 200 * 1024) + "\"}";
        using var tooLarge = await Post(huge, "application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        await AssertPlainError(tooLarge);

        using var text = await Post("kind=text", "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
    }

    [Fact]
    public async Task Posted_article_is_stored_and_searchable()
    {
        using var response = await Post("{\"kind\":\"text\",\"body\":\"Gempa di Cianjur\\n\\nGempa bermagnitudo 5,6 mengguncang Cianjur.\",\"outlet\":\"Antara\",\"language\":\"id\"}", "application/json");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<IngestResponse>();

        using var article = await Json(created!.Url);
        Assert.Equal("Antara", article.RootElement.GetProperty("outlet").GetString());
        fixture.Server.Index.Refresh();
        using var search = await Json("/api/search?q=cianjur");
        Assert.Equal(created.Id, search.RootElement.GetProperty("hits")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Health_metrics_and_openapi_answer()
    {
        using var health = await Json("/health");
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());

        var metrics = await _http.GetStringAsync("/metrics");
        Assert.Contains("warta_articles ", metrics, StringComparison.Ordinal);
        Assert.Contains("warta_http_requests_total", metrics, StringComparison.Ordinal);

        using var openapi = await Json("/openapi/v1.json");
        Assert.True(openapi.RootElement.GetProperty("paths").TryGetProperty("/api/search", out _));
    }

    private async Task<HttpResponseMessage> Post(string body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.ApiKey);
        // As curl does for large bodies: the body follows only once the server has not already answered, so a
        // 413 decided from Content-Length reaches the client instead of racing a body the server will not read.
        request.Headers.ExpectContinue = true;
        return await _http.SendAsync(request);
    }

    private async Task<JsonDocument> Json(string url)
    {
        using var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>An error answer is one JSON sentence: no stack trace, no type names.</summary>
    private static async Task AssertPlainError(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("error").GetString()));
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }
}
