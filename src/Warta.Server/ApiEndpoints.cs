using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Warta.Model;
using Warta.Search;
using Warta.Storage;

namespace Warta.Server;

/// <summary>An article as the API and the exports give it: the record of <c>warta export</c> (plus <c>raw</c> when asked).</summary>
public static class ArticleRecord
{
    public static JsonObject From(ServedArticle item, bool withRaw)
    {
        ArgumentNullException.ThrowIfNull(item);
        var record = ExportRecord.Create(new StoredArticle(item.Id, item.Ingested, item.Article), item.Links.ExportFields());
        if (withRaw)
        {
            record["raw"] = item.Raw;
        }

        return record;
    }
}

/// <summary>A page of articles and the cursor for the next one (null at the end).</summary>
public sealed record ArticlePage(IReadOnlyList<JsonObject> Items, long? NextAfter);

/// <summary>What <c>POST /api/articles</c> accepts: one raw item, as a crawler would send it.</summary>
public sealed record IngestRequest
{
    /// <summary><c>text</c> or <c>html</c>.</summary>
    public string Kind { get; init; } = "text";

    public string Body { get; init; } = string.Empty;

    public string? Source { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset? Published { get; init; }

    public string? Outlet { get; init; }

    public string? Language { get; init; }
}

public sealed record IngestResponse(long Id, string Url);

internal static class ApiEndpoints
{
    /// <summary>Deepest hit a search page may reach; exports use the article cursor instead, which has no cap.</summary>
    public const int MaxSearchDepth = 100_000;

    public static void Map(WebApplication app, WartaServer server)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok", articles = server.Catalog.Count, indexed = server.Index.Count }));
        app.MapGet("/metrics", () => Results.Text(server.Metrics.RenderPrometheus(server.Catalog.Count), "text/plain; version=0.0.4; charset=utf-8"));

        var api = app.MapGroup("/api");
        api.MapGet("/search", (HttpRequest request) => Search(request, server)).Produces<SearchResults>().Produces<ApiError>(400);
        api.MapGet("/articles", (HttpRequest request, HttpResponse response) => Articles(request, response, server)).Produces<ArticlePage>().Produces<ApiError>(400);
        api.MapGet("/articles/{id:long}", (long id, bool? raw) => server.Catalog.Get(id) is { } item
            ? Results.Ok(ArticleRecord.From(item, raw ?? false))
            : NotFound($"no article {id}")).Produces<JsonObject>().Produces<ApiError>(404);
        api.MapPost("/articles", (HttpRequest request) => Ingest(request, server)).Produces<IngestResponse>(201).Produces<ApiError>(400);
        api.MapGet("/stories", (StoryService stories, int? limit) => Results.Ok(stories.Top(Math.Clamp(limit ?? 50, 1, 500), DateTimeOffset.UtcNow)))
            .Produces<IReadOnlyList<StorySummary>>();
        api.MapGet("/stories/{id}", (StoryService stories, string id) => stories.Get(id) is { } story ? Results.Ok(story) : NotFound($"no story {id}"))
            .Produces<StoryDetail>().Produces<ApiError>(404);
        api.MapGet("/entities", (int? limit) => Results.Ok(Facet(server.Index, "entity", limit))).Produces<IReadOnlyList<FacetCount>>();
        api.MapGet("/agencies", (int? limit) => Results.Ok(Facet(server.Index, "agency", limit))).Produces<IReadOnlyList<FacetCount>>();
        api.Map("/{**rest}", () => NotFound("no such endpoint")).ExcludeFromDescription();
    }

    private static IResult NotFound(string message) => Results.Json(new ApiError(message), statusCode: 404);

    private static IResult BadRequest(string message) => Results.Json(new ApiError(message), statusCode: 400);

    internal static IReadOnlyList<FacetCount> Facet(SearchIndex index, string field, int? limit) =>
        index.Search(new SearchQuery { Limit = 0, FacetValues = Math.Clamp(limit ?? 100, 1, 10_000) }).Facets[field];

    /// <summary>Reads the search parameters shared by the API and the search page; null plus a message when one is bad.</summary>
    internal static (SearchQuery? Query, string? Error) ParseSearch(IQueryCollection query, int maxPageSize)
    {
        if (!TryInt(query, "page", 1, out var page) || page < 1)
        {
            return (null, "page must be a whole number from 1");
        }

        if (!TryInt(query, "size", 20, out var size) || size < 0 || size > maxPageSize)
        {
            return (null, $"size must be a whole number from 0 to {maxPageSize}");
        }

        var offset = (long)(page - 1) * size;
        if (offset + size > MaxSearchDepth)
        {
            return (null, $"search pages reach the first {MaxSearchDepth} hits; narrow the query or export with /api/articles");
        }

        if (!TryDate(query, "from", out var from) || !TryDate(query, "to", out var to))
        {
            return (null, "from and to must be dates such as 2024-05-06 or 2024-05-06T10:00:00+07:00");
        }

        var sortText = query["sort"].ToString();
        if (sortText.Length > 0 && sortText is not ("relevance" or "newest"))
        {
            return (null, "sort must be relevance or newest");
        }

        return (new SearchQuery
        {
            Text = query["q"].ToString(),
            Outlet = Text(query, "outlet"),
            Language = Text(query, "language"),
            Story = Text(query, "story"),
            Entity = Text(query, "entity"),
            Agency = Text(query, "agency"),
            From = from,
            To = to is { } end && end.TimeOfDay == TimeSpan.Zero && !query["to"].ToString().Contains('T', StringComparison.Ordinal) ? end.AddDays(1).AddTicks(-1) : to,
            Offset = (int)offset,
            Limit = size,
            Sort = sortText == "newest" ? SearchSort.Newest : SearchSort.Relevance,
        }, null);
    }

    private static string? Text(IQueryCollection query, string name)
    {
        var value = query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    private static bool TryInt(IQueryCollection query, string name, int fallback, out int value)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryDate(IQueryCollection query, string name, out DateTimeOffset? value)
    {
        value = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static IResult Search(HttpRequest request, WartaServer server)
    {
        var (query, error) = ParseSearch(request.Query, server.Options.MaxPageSize);
        if (query is null)
        {
            return BadRequest(error!);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var results = server.Index.Search(query);
            server.Metrics.Searches.Add(1);
            server.Metrics.SearchMilliseconds.Record(clock.Elapsed.TotalMilliseconds);
            return Results.Ok(results);
        }
        catch (SearchQueryException e)
        {
            return BadRequest(e.Message);
        }
    }

    private static async Task<IResult> Articles(HttpRequest request, HttpResponse response, WartaServer server)
    {
        var format = request.Query["format"].ToString();
        if (!TryLong(request.Query["after"].ToString(), out var after))
        {
            return BadRequest("after must be a whole number (the last id of the previous page)");
        }

        var withRaw = string.Equals(request.Query["raw"].ToString(), "true", StringComparison.Ordinal);
        switch (format)
        {
            case "" or "json":
                if (!TryLong(request.Query["limit"].ToString(), out var limit) || limit < 0 || limit > server.Options.MaxPageSize)
                {
                    return BadRequest($"limit must be a whole number from 0 to {server.Options.MaxPageSize}");
                }

                var page = server.Catalog.All(after, (int)(limit == 0 && request.Query["limit"].Count == 0 ? 50 : limit));
                var items = page.Select(i => ArticleRecord.From(i, withRaw)).ToList();
                var more = page.Count > 0 && server.Catalog.All(page[^1].Id, 1).Count > 0;
                return Results.Ok(new ArticlePage(items, more ? page[^1].Id : null));
            case "jsonl":
                response.ContentType = "application/x-ndjson; charset=utf-8";
                await Export(response, server.Catalog, after, item => ArticleRecord.From(item, withRaw).ToJsonString(WartaJson.Options), null).ConfigureAwait(false);
                return Results.Empty;
            case "csv":
                response.ContentType = "text/csv; charset=utf-8";
                response.Headers.ContentDisposition = "attachment; filename=\"warta-articles.csv\"";
                await Export(response, server.Catalog, after, CsvExport.Row, CsvExport.Header).ConfigureAwait(false);
                return Results.Empty;
            default:
                return BadRequest("format must be json, jsonl or csv");
        }
    }

    private static bool TryLong(string text, out long value)
    {
        if (text.Length == 0)
        {
            value = 0;
            return true;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Streams every article after the cursor, a page of the catalog at a time: no cap, bounded memory.</summary>
    private static async Task Export(HttpResponse response, IArticleCatalog catalog, long after, Func<ServedArticle, string> line, string? header)
    {
        var writer = new StreamWriter(response.Body, new UTF8Encoding(false), 64 * 1024);
        await using (writer.ConfigureAwait(false))
        {
            if (header is not null)
            {
                await writer.WriteAsync(header).ConfigureAwait(false);
                await writer.WriteAsync('\n').ConfigureAwait(false);
            }

            while (!response.HttpContext.RequestAborted.IsCancellationRequested)
            {
                var page = catalog.All(after, 1_000);
                if (page.Count == 0)
                {
                    break;
                }

                foreach (var item in page)
                {
                    await writer.WriteAsync(line(item)).ConfigureAwait(false);
                    await writer.WriteAsync('\n').ConfigureAwait(false);
                }

                after = page[^1].Id;
                await writer.FlushAsync(response.HttpContext.RequestAborted).ConfigureAwait(false);
            }
        }
    }

    private static async Task<IResult> Ingest(HttpRequest request, WartaServer server)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new ApiError("writes need Authorization: Bearer <key>"), statusCode: 401);
        }

        if (!ApiKeys.Matches(authorization, server.ApiKey))
        {
            return Results.Json(new ApiError("the API key is not valid"), statusCode: 403);
        }

        if (request.ContentLength > server.Options.MaxPostBytes)
        {
            return Results.Json(new ApiError($"the body is larger than {server.Options.MaxPostBytes} bytes"), statusCode: 413);
        }

        IngestRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<IngestRequest>(WartaJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return BadRequest("the body must be a JSON object with kind and body");
        }
        catch (InvalidOperationException)
        {
            return Results.Json(new ApiError("the body must be sent as application/json"), statusCode: 415);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return Results.Json(new ApiError($"the body is larger than {server.Options.MaxPostBytes} bytes"), statusCode: 413);
        }

        if (body is null || body.Body.Length == 0)
        {
            return BadRequest("body must not be empty");
        }

        if (body.Kind is not ("text" or "html"))
        {
            return BadRequest("kind must be text or html");
        }

        var input = new RawInput
        {
            Source = string.IsNullOrEmpty(body.Source) ? "api" : body.Source,
            Kind = body.Kind == "html" ? InputKind.Html : InputKind.Text,
            Raw = Encoding.UTF8.GetBytes(body.Body),
            Body = body.Body,
            Url = body.Url,
            Title = body.Title,
            Published = body.Published,
            Outlet = body.Outlet,
            Language = body.Language,
        };
        var stored = server.Ingest(input);
        var location = "/api/articles/" + stored.Id.ToString(CultureInfo.InvariantCulture);
        return Results.Created(location, new IngestResponse(stored.Id, location));
    }
}

/// <summary>The CSV export: one row per article, RFC 4180 quoting, lists joined by "; ".</summary>
internal static class CsvExport
{
    public const string Header = "id,ingested,storyId,source,url,title,published,outlet,language,authors,agencies,text";

    public static string Row(ServedArticle item)
    {
        var a = item.Article;
        string[] cells =
        [
            item.Id.ToString(CultureInfo.InvariantCulture),
            item.Ingested.ToString("O", CultureInfo.InvariantCulture),
            item.StoryId ?? string.Empty,
            a.Source,
            a.Url ?? string.Empty,
            a.Title ?? string.Empty,
            a.Published?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
            a.Outlet ?? string.Empty,
            a.Language ?? string.Empty,
            string.Join("; ", a.Authors),
            string.Join("; ", a.Citations.Select(c => c.Agency).Distinct(StringComparer.Ordinal)),
            a.Text,
        ];
        return string.Join(',', cells.Select(Quote));
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : string.Concat("\"", cell.Replace("\"", "\"\"", StringComparison.Ordinal), "\"");
}
