using System.Globalization;
using Warta.Ingest;
using Warta.Model;
using Warta.Storage;

namespace Warta.Server;

/// <summary>One stored article as the pages and the API show it: the article, its raw input when asked for, and its links.</summary>
public sealed record ServedArticle(long Id, DateTimeOffset Ingested, Article Article, string? Raw, ArticleLinks Links)
{
    /// <summary>The story id as the index and the pages use it (a string key); null before linking has seen the article.</summary>
    public string? StoryId => Links.StoryId?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Where the server reads articles and their links.</summary>
public interface IArticleCatalog
{
    long Count { get; }

    ILinkReader Links { get; }

    /// <summary>One article, with its raw input decoded as text unless <paramref name="withRaw"/> is false (pages that
    /// list articles never show the raw input, and decoding it is most of reading an article).</summary>
    ServedArticle? Get(long id, bool withRaw = true);

    /// <summary>Articles with an id greater than <paramref name="afterId"/>, ascending, at most <paramref name="limit"/>, without raw input.</summary>
    IReadOnlyList<ServedArticle> All(long afterId, int limit);
}

/// <summary>The catalog over the embedded store and linking's tables in it.</summary>
public sealed class StoreCatalog(ArticleStore store, ILinkReader links) : IArticleCatalog
{
    public long Count => store.Count;

    public ILinkReader Links => links;

    public ServedArticle? Get(long id, bool withRaw = true)
    {
        if (store.Get(id) is not { } stored)
        {
            return null;
        }

        var raw = withRaw && store.GetRaw(id) is { } bytes ? Decode(bytes) : null;
        return new ServedArticle(stored.Id, stored.Ingested, stored.Article, raw, links.LinksOf(id));
    }

    public IReadOnlyList<ServedArticle> All(long afterId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return [.. store.All(afterId, limit).Select(s => new ServedArticle(s.Id, s.Ingested, s.Article, null, links.LinksOf(s.Id)))];
    }

    private static string Decode(StoredRaw raw) => TextDecoder.Decode(raw.Bytes.Span, raw.Charset).Text;
}

/// <summary>An article id with its links, as the copy graph shows them.</summary>
public sealed record ArticleLinksView(long Id, ArticleLinks Links);
