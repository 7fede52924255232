using System.Text.Json;
using Warta.Model;

namespace Warta.Server;

/// <summary>One stored article with the id the API and pages use, when it arrived, and its raw input if kept.</summary>
public sealed record StoredArticle(long Id, DateTimeOffset Ingested, Article Article, string? Raw, string? StoryId = null);

/// <summary>Where the server reads and writes articles; the SQLite store plugs in here through an adapter.</summary>
public interface IArticleCatalog
{
    long Count { get; }

    StoredArticle? Get(long id);

    /// <summary>Articles with an id greater than <paramref name="afterId"/>, ascending, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<StoredArticle> All(long afterId, int limit);

    /// <summary>Stores a new article; <paramref name="storyId"/> is the story it is already known to belong to, if any.</summary>
    StoredArticle Add(Article article, string? raw, string? storyId = null);
}

/// <summary>
/// A catalog kept as an append-only JSON-lines file in the data directory and held in memory: small, durable, and
/// readable by hand. A line that cannot be read (e.g. cut short by a crash) is skipped and counted.
/// </summary>
public sealed class JsonlArticleCatalog : IArticleCatalog, IDisposable
{
    private readonly List<StoredArticle> _items = [];
    private readonly Lock _lock = new();
    private readonly StreamWriter? _writer;

    /// <summary>Opens <c>articles.jsonl</c> in <paramref name="directory"/>; null keeps everything in memory only.</summary>
    public JsonlArticleCatalog(string? directory)
    {
        if (directory is null)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "articles.jsonl");
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                try
                {
                    var item = JsonSerializer.Deserialize<StoredArticle>(line, WartaJson.Options);
                    if (item is not null && (_items.Count == 0 || item.Id > _items[^1].Id))
                    {
                        _items.Add(item);
                        continue;
                    }
                }
                catch (JsonException)
                {
                    // Counted below: one bad line never stops the server from starting.
                }

                SkippedLines++;
            }
        }

        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
    }

    public int SkippedLines { get; }

    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public StoredArticle? Get(long id)
    {
        lock (_lock)
        {
            var index = Find(id);
            return index >= 0 ? _items[index] : null;
        }
    }

    public IReadOnlyList<StoredArticle> All(long afterId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_lock)
        {
            var index = Find(afterId);
            var start = index >= 0 ? index + 1 : ~index;
            return _items.GetRange(start, Math.Min(limit, _items.Count - start));
        }
    }

    public StoredArticle Add(Article article, string? raw, string? storyId = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        lock (_lock)
        {
            var item = new StoredArticle(_items.Count == 0 ? 1 : _items[^1].Id + 1, DateTimeOffset.UtcNow, article, raw, storyId);
            _writer?.WriteLine(JsonSerializer.Serialize(item, WartaJson.Options));
            _items.Add(item);
            return item;
        }
    }

    public void Dispose() => _writer?.Dispose();

    private int Find(long id)
    {
        int lo = 0, hi = _items.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var cmp = _items[mid].Id.CompareTo(id);
            if (cmp == 0)
            {
                return mid;
            }

            if (cmp < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}
