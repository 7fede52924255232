using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Warta.Model;
using Warta.Pipeline;
using Warta.Search;
using Warta.Server.Components;

namespace Warta.Server;

/// <summary>
/// Warta's HTTP server as a library: the REST API under <c>/api/</c>, the server-rendered web UI, <c>/health</c> and
/// <c>/metrics</c>, over one article catalog and one search index kept in step. Build it, start it, dispose it.
/// </summary>
public sealed class WartaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ArticlePipeline _pipeline = new();
    private readonly Lock _ingestLock = new();

    private WartaServer(WartaServerOptions options, WebApplication app, IArticleCatalog catalog, SearchIndex index, ServerMetrics metrics, string apiKey, bool generated)
    {
        Options = options;
        _app = app;
        Catalog = catalog;
        Index = index;
        Metrics = metrics;
        ApiKey = apiKey;
        ApiKeyGenerated = generated;
    }

    public WartaServerOptions Options { get; }

    public IArticleCatalog Catalog { get; }

    public SearchIndex Index { get; }

    public ServerMetrics Metrics { get; }

    public string ApiKey { get; }

    /// <summary>True when the key was created at this start (the caller prints it once).</summary>
    public bool ApiKeyGenerated { get; }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:5080</c>; known after <see cref="StartAsync"/>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Opens (or creates) the data directory, rebuilds the index when it is missing or behind, and wires the app.</summary>
    public static WartaServer Build(WartaServerOptions options, IArticleCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var data = options.DataDirectory is null ? null : Path.GetFullPath(options.DataDirectory);
        catalog ??= new JsonlArticleCatalog(data);
        var index = new SearchIndex(data is null ? null : Path.Combine(data, "index"));
        if (index.Count != catalog.Count)
        {
            index.Rebuild(AllArticles(catalog));
        }

        var (key, generated) = ApiKeys.Resolve(options.ApiKey, data);
        var metrics = new ServerMetrics();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WartaServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        // The pages post no forms, so antiforgery's key ring is never used for anything secret: its warning is noise.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxPostBytes;
            kestrel.AddServerHeader = false;
        });
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        builder.Services.AddRazorComponents();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(index);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<StoryService>();
        builder.Services.AddHttpContextAccessor();

        var app = builder.Build();
        var server = new WartaServer(options, app, catalog, index, metrics, key, generated);
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            // Never a stack trace or an internal message: the client gets a plain sentence, the log the details.
            var feature = context.Features.Get<IExceptionHandlerFeature>();
            var status = feature?.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new ApiError(status == 500 ? "internal error" : "bad request")).ConfigureAwait(false);
        }));
        app.Use(async (context, next) =>
        {
            metrics.Requests.Add(1);
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Query["lang"].ToString() is "en" or "id")
            {
                context.Response.Cookies.Append(Ui.UiText.CookieName, context.Request.Query["lang"].ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });
            }

            await next(context).ConfigureAwait(false);
        });
        // A page that answers 404 renders no body (the renderer leaves it to status-code pages): re-execute to one.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json");
        ApiEndpoints.Map(app, server);
        app.MapGet("/site.css", () => Results.Text(SiteCss.Value, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapRazorComponents<App>();
        return server;
    }

    /// <summary>Rebuilds the search index of a data directory from its articles; returns how many were indexed.</summary>
    public static int Reindex(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var data = Path.GetFullPath(dataDirectory);
        using var catalog = new JsonlArticleCatalog(data);
        using var index = new SearchIndex(Path.Combine(data, "index"));
        return index.Rebuild(AllArticles(catalog));
    }

    /// <summary>Every article of the catalog as the index wants it, read in pages.</summary>
    internal static IEnumerable<IndexedArticle> AllArticles(IArticleCatalog catalog)
    {
        long after = 0;
        while (true)
        {
            var page = catalog.All(after, 1_000);
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var item in page)
            {
                yield return new IndexedArticle(item.Id, item.Article, item.StoryId);
            }

            after = page[^1].Id;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        Address = addresses?.Addresses.FirstOrDefault() ?? string.Empty;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Runs one raw input through the pipeline, stores it and makes it searchable; the ingest hook for <c>demo</c> and the API.</summary>
    public StoredArticle Ingest(RawInput input, string? storyId = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var article = _pipeline.Process(input);
        var raw = input.Body.Length > 0 ? input.Body : Encoding.UTF8.GetString(input.Raw.Span);
        lock (_ingestLock)
        {
            // One lock keeps the catalog's ids and the index's documents in the same order.
            var stored = Catalog.Add(article, raw, storyId);
            Index.Add(new IndexedArticle(stored.Id, stored.Article, stored.StoryId));
            Metrics.Ingested.Add(1);
            return stored;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        Index.Commit();
        Index.Dispose();
        Metrics.Dispose();
        (Catalog as IDisposable)?.Dispose();
    }
}

/// <summary>The body of every 4xx/5xx answer from the API: one plain sentence.</summary>
public sealed record ApiError(string Error);

/// <summary>The site's stylesheet, embedded in the assembly.</summary>
internal static class SiteCss
{
    public static readonly string Value = Read();

    private static string Read()
    {
        using var stream = typeof(SiteCss).Assembly.GetManifestResourceStream("Warta.Server.Resources.site.css")
            ?? throw new InvalidOperationException("site.css is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
