using Warta.Model;

namespace Warta.Storage;

/// <summary>An article as the store holds it: its id, when it was ingested, and the derived record.</summary>
public sealed record StoredArticle(long Id, DateTimeOffset Ingested, Article Article);

/// <summary>The verbatim input an article was derived from.</summary>
public sealed record StoredRaw(long Id, string Source, string? Charset, ReadOnlyMemory<byte> Bytes);

/// <summary>An input the store refused or could not process, with why; listed by <c>warta stats</c>.</summary>
public sealed record Rejection(string Source, string Reason, string Message, DateTimeOffset At);

/// <summary>What happened to one input handed to <see cref="ArticleStore.AddBatch"/>.</summary>
public enum StoreOutcome
{
    /// <summary>A new article was stored.</summary>
    Stored,

    /// <summary>The same bytes from the same source were stored before; nothing changed.</summary>
    Unchanged,
}

/// <summary>The id an input got (or already had) and whether it was new.</summary>
public readonly record struct StoreResult(long Id, StoreOutcome Outcome);

/// <summary>Counts over the store.</summary>
public sealed record StoreStats(
    long Articles,
    long Rejections,
    IReadOnlyList<KeyValuePair<string, long>> Languages,
    IReadOnlyList<KeyValuePair<string, long>> Outlets,
    IReadOnlyList<KeyValuePair<string, long>> RejectionReasons);

/// <summary>
/// A later stage that runs on every article the store has just committed (linking, stories, the search index).
/// It is called on the writer's thread after the batch is durable, so a failure in it never loses an article.
/// </summary>
public interface IArticleSink
{
    void OnStored(IReadOnlyList<StoredArticle> articles);
}

/// <summary>
/// A sink with per-article work that needs none of its state (fingerprints, term lists): the store's callers run
/// <see cref="Prepare"/> on their worker threads (through <see cref="ArticleStore.Prepare"/>), so the serial
/// <see cref="IArticleSink.OnStored"/> only does what must happen in order.
/// </summary>
public interface IPreparingSink : IArticleSink
{
    /// <summary>Thread-safe; called at most once per article object before it is stored. Must not throw.</summary>
    void Prepare(Article article);
}

/// <summary>
/// An article ready for the store: the raw bytes, their content hash and the article's JSON computed ahead, off the
/// writer thread (<see cref="ArticleStore.Prepare"/>, which also runs the sinks' own preparation).
/// </summary>
/// <param name="Json">The article's JSON (<see cref="WartaJson"/>'s shape) as UTF-8, the encoding the store keeps it in.</param>
public sealed record PreparedArticle(RawInput Input, Article Article, byte[] RawBytes, byte[] ContentHash, byte[] Json);
