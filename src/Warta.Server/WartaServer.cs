using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Warta.Linking;
using Warta.Model;
using Warta.Pipeline;
using Warta.Search;
using Warta.Server.Components;
using Warta.Storage;

namespace Warta.Server;

/// <summary>
/// Warta's HTTP server as a library: the REST API under <c>/api/</c>, the server-rendered web UI, <c>/health</c> and
/// <c>/metrics</c>, over one article catalog and one search index kept in step. Build it, start it, dispose it.
/// </summary>
public sealed class WartaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AdmissionLimit _admission;
    private readonly ArticlePipeline _pipeline = new();
    private readonly ArticleStore _store;
    private readonly LinkStore _links;
    private readonly string? _temporaryDirectory;

    private WartaServer(WartaServerOptions options, WebApplication app, OpenStorage storage, SearchIndex index, ServerMetrics metrics, string apiKey, bool generated)
    {
        Options = options;
        _app = app;
        _admission = new AdmissionLimit(options);
        _store = storage.Store;
        _links = storage.Links;
        _temporaryDirectory = storage.TemporaryDirectory;
        Catalog = storage.Catalog;
        Index = index;
        Metrics = metrics;
        ApiKey = apiKey;
        ApiKeyGenerated = generated;
    }

    public WartaServerOptions Options { get; }

    public IArticleCatalog Catalog { get; }

    /// <summary>The data directory in use (a temporary one when the options named none).</summary>
    public string DataDirectory => _store.DataDirectory;

    public SearchIndex Index { get; }

    public ServerMetrics Metrics { get; }

    public string ApiKey { get; }

    /// <summary>True when the key was created at this start (the caller prints it once).</summary>
    public bool ApiKeyGenerated { get; }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:5080</c>; known after <see cref="StartAsync"/>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>
    /// Opens (or creates) the store in the data directory, links what is not linked yet, brings the search index up to
    /// date, and wires the app. Articles stored from now on (by the API or a demo ingest) are linked and indexed as
    /// their batch commits.
    /// </summary>
    public static WartaServer Build(WartaServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var storage = OpenStorage.Open(options.DataDirectory);
        var data = storage.Store.DataDirectory;
        var index = new SearchIndex(Path.Combine(data, "index"));
        if (index.Count != storage.Catalog.Count)
        {
            index.Rebuild(AllArticles(storage.Catalog));
        }

        var indexSink = new IndexSink(index, storage.Links);
        storage.Store.AddSink(indexSink);
        storage.Links.ArticlesMoved += ids => indexSink.OnStored([.. storage.Store.Get(ids).Values]);
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
        builder.Services.AddSingleton(storage.Catalog);
        builder.Services.AddSingleton(index);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<StoryService>();
        builder.Services.AddHttpContextAccessor();

        var app = builder.Build();
        var server = new WartaServer(options, app, storage, index, metrics, key, generated);
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
        app.Use(server._admission.InvokeAsync);
        // A page that answers 404 renders no body (the renderer leaves it to status-code pages): re-execute to one.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json");
        ApiEndpoints.Map(app, server);
        app.MapGet("/site.css", () => Results.Text(SiteCss.Value, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapRazorComponents<App>();
        return server;
    }

    /// <summary>
    /// Rebuilds the search index of a data directory from its stored articles, after working out the copy alterations
    /// left pending when families' origins moved; returns how many articles were indexed.
    /// </summary>
    public static int Reindex(string dataDirectory, Action<int>? alterationsProgress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var storage = OpenStorage.Open(dataDirectory);
        try
        {
            storage.Links.CompletePendingAlterations(alterationsProgress);
            using var index = new SearchIndex(Path.Combine(storage.Store.DataDirectory, "index"));
            return index.Rebuild(AllArticles(storage.Catalog));
        }
        finally
        {
            storage.Dispose();
        }
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

    /// <summary>Runs one raw input through the pipeline and stores it; linking and the index follow as the store commits.</summary>
    public ServedArticle Ingest(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Add(input, _pipeline.Process(input));
    }

    /// <summary>Stores an article already derived from <paramref name="input"/> (a re-sent input returns the stored one).</summary>
    public ServedArticle Add(RawInput input, Article article)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(article);
        var result = _store.Add(input, article);
        if (result.Outcome == StoreOutcome.Stored)
        {
            Metrics.Ingested.Add(1);
        }

        return Catalog.Get(result.Id, withRaw: false) ?? throw new InvalidOperationException($"article {result.Id} was stored but cannot be read back");
    }

    /// <summary>The store itself: the demo ingests into it through the ingest runner.</summary>
    public ArticleStore Store => _store;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _admission.Dispose();
        Index.Commit();
        Index.Dispose();
        Metrics.Dispose();
        new OpenStorage(_store, _links, Catalog, _temporaryDirectory).Dispose();
    }

    /// <summary>The store, its links and the catalog over both, opened together and closed together.</summary>
    private sealed record OpenStorage(ArticleStore Store, LinkStore Links, IArticleCatalog Catalog, string? TemporaryDirectory) : IDisposable
    {
        public static OpenStorage Open(string? dataDirectory)
        {
            var temporary = dataDirectory is null ? Path.Combine(Path.GetTempPath(), "warta-" + Guid.NewGuid().ToString("N")) : null;
            var store = ArticleStore.Open(dataDirectory ?? temporary!);
            var links = LinkStore.Attach(store);
            return new OpenStorage(store, links, new StoreCatalog(store, links), temporary);
        }

        public void Dispose()
        {
            Links.Dispose();
            Store.Dispose();
            if (TemporaryDirectory is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(TemporaryDirectory, recursive: true);
                }
                catch (IOException)
                {
                    // A temporary folder left behind does no harm.
                }
            }
        }
    }

    /// <summary>Keeps the search index in step with the store: every committed article is indexed with its story, and
    /// indexed again when linking moves it to another story.</summary>
    private sealed class IndexSink(SearchIndex index, ILinkReader links) : IArticleSink
    {
        public void OnStored(IReadOnlyList<StoredArticle> articles)
        {
            foreach (var stored in articles)
            {
                index.Add(new IndexedArticle(stored.Id, stored.Article, links.LinksOf(stored.Id).StoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
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
