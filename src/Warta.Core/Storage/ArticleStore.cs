using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Warta.Model;

namespace Warta.Storage;

/// <summary>
/// The embedded store: one SQLite database (WAL) in a data directory, holding every raw input verbatim beside the
/// article derived from it, and every rejection with its reason. Writes go in batched transactions from one
/// writer; reads may come from any thread through their own connections.
/// </summary>
public sealed class ArticleStore : IDisposable
{
    /// <summary>The environment variable that overrides the default data directory.</summary>
    public const string DataEnvironmentVariable = "WARTA_DATA";

    private const string DatabaseFileName = "warta.db";

    private const string ArticleColumns = "a.id, a.ingested, a.json";

    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();
    private readonly List<IArticleSink> _sinks = [];
    private volatile IPreparingSink[] _preparers = [];

    private ArticleStore(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(DataDirectory);
        DatabasePath = Path.Combine(DataDirectory, DatabaseFileName);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        _writer = new SqliteConnection(ConnectionString);
        _writer.Open();
        Execute(_writer, Schema);
        // The checkpoint interval is counted in pages: a store made before the page size changed (4 KB pages, which
        // a WAL database keeps) checkpoints at the same 32 MB of WAL.
        Execute(_writer, FormattableString.Invariant($"PRAGMA wal_autocheckpoint = {WalCheckpointBytes / Pragma("page_size")}"));
    }

    public string DataDirectory { get; }

    /// <summary>The database file; other stages may keep their own tables in it.</summary>
    public string DatabasePath { get; }

    public string ConnectionString { get; }

    /// <summary>The value of an integer pragma on the writer's connection ("page_size", "wal_autocheckpoint").</summary>
    internal long Pragma(string name)
    {
        lock (_writeLock)
        {
            using var command = Command(_writer, null, "PRAGMA " + name);
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <summary>
    /// The data directory used when none is given: <c>$WARTA_DATA</c>, else <c>$XDG_DATA_HOME/warta</c>, else
    /// <c>~/.local/share/warta</c>.
    /// </summary>
    public static string DefaultDataDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(DataEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(root, "warta");
    }

    /// <summary>Opens (creating when absent) the store in <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="StoreException">The directory cannot be created or the database cannot be opened.</exception>
    public static ArticleStore Open(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        try
        {
            return new ArticleStore(dataDirectory);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"cannot open the store in '{dataDirectory}': {e.Message}. Check that the directory is writable, or pass another with --data.", e);
        }
    }

    /// <summary>Registers a stage that runs on every newly stored article, after its batch is committed.</summary>
    public void AddSink(IArticleSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (_writeLock)
        {
            _sinks.Add(sink);
            _preparers = [.. _sinks.OfType<IPreparingSink>()];
        }
    }

    public StoreResult Add(RawInput input, Article article) => AddBatch([(input, article)])[0];

    /// <summary>Stores a batch in one transaction; see <see cref="AddBatch(IReadOnlyList{PreparedArticle})"/>.</summary>
    public IReadOnlyList<StoreResult> AddBatch(IReadOnlyList<(RawInput Input, Article Article)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return AddBatch([.. items.Select(i => Prepare(i.Input, i.Article))]);
    }

    /// <summary>
    /// Does the per-article work of a store write that needs no database (content hash, JSON, and the sinks'
    /// <see cref="IPreparingSink.Prepare"/>), so callers can do it on many threads and leave only the inserts and the
    /// ordered linking to the single writer.
    /// </summary>
    public PreparedArticle Prepare(RawInput input, Article article)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(article);
        foreach (var sink in _preparers)
        {
            sink.Prepare(article);
        }

        var raw = MemoryMarshal.TryGetArray(input.Raw, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : input.Raw.ToArray();
        return new PreparedArticle(input, article, raw, XxHash128.Hash(raw), ArticleJsonWriter.ToUtf8(article));
    }

    /// <summary>
    /// Stores a batch in one transaction: when this returns, every article in it is durable. Re-adding the same
    /// bytes from the same source returns the existing id with <see cref="StoreOutcome.Unchanged"/>.
    /// </summary>
    public IReadOnlyList<StoreResult> AddBatch(IReadOnlyList<PreparedArticle> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new StoreResult[items.Count];
        var stored = new List<StoredArticle>(items.Count);
        lock (_writeLock)
        {
            var now = DateTimeOffset.UtcNow;
            var ingested = now.ToString("O", CultureInfo.InvariantCulture);
            using (var transaction = _writer.BeginTransaction())
            {
                // A rejection is cleared when its source later succeeds; most stores have none, so skip the deletes.
                var clearRejections = ScalarIn(transaction, "SELECT EXISTS (SELECT 1 FROM rejections)") != 0;
                using var insertRaw = Statement(transaction, """
                    INSERT INTO raw_inputs (source, content_hash, charset, bytes) VALUES ($source, $hash, $charset, $bytes)
                    ON CONFLICT (source, content_hash) DO NOTHING RETURNING id
                    """, "$source", "$hash", "$charset", "$bytes");
                using var find = Statement(transaction, "SELECT id FROM raw_inputs WHERE source = $source AND content_hash = $hash", "$source", "$hash");
                // The JSON comes as UTF-8 bytes (bound as a blob); the cast stores them as the TEXT they are, without a
                // detour through a UTF-16 string.
                using var insertArticle = Statement(transaction, """
                    INSERT INTO articles (id, external_id, source, url, title, outlet, language, published, ingested, json)
                    VALUES ($id, $externalId, $source, $url, $title, $outlet, $language, $published, $ingested, CAST($json AS TEXT))
                    """, "$id", "$externalId", "$source", "$url", "$title", "$outlet", "$language", "$published", "$ingested", "$json");
                using var clearRejection = Statement(transaction, "DELETE FROM rejections WHERE source = $source", "$source");
                for (var i = 0; i < items.Count; i++)
                {
                    var (input, article, raw, hash, json) = items[i];
                    Bind(insertRaw, input.Source, hash, input.Charset, raw);
                    if (insertRaw.ExecuteScalar() is not long id)
                    {
                        Bind(find, input.Source, hash);
                        results[i] = new StoreResult((long)find.ExecuteScalar()!, StoreOutcome.Unchanged);
                        continue;
                    }

                    Bind(
                        insertArticle,
                        id,
                        article.ExternalId,
                        article.Source,
                        article.Url,
                        article.Title,
                        article.Outlet,
                        article.Language,
                        article.Published?.ToString("O", CultureInfo.InvariantCulture),
                        ingested,
                        json);
                    insertArticle.ExecuteNonQuery();
                    if (clearRejections)
                    {
                        Bind(clearRejection, input.Source);
                        clearRejection.ExecuteNonQuery();
                    }

                    results[i] = new StoreResult(id, StoreOutcome.Stored);
                    stored.Add(new StoredArticle(id, now, article));
                }

                transaction.Commit();
            }

            if (stored.Count > 0)
            {
                foreach (var sink in _sinks)
                {
                    sink.OnStored(stored);
                }
            }
        }

        return results;
    }

    /// <summary>Records inputs that were refused; a later success for the same source clears its rejection.</summary>
    public void AddRejections(IReadOnlyList<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return;
        }

        lock (_writeLock)
        {
            using var transaction = _writer.BeginTransaction();
            using var insert = Command(_writer, transaction, """
                INSERT INTO rejections (source, reason, message, at) VALUES ($source, $reason, $message, $at)
                ON CONFLICT (source, reason) DO UPDATE SET message = excluded.message, at = excluded.at
                """);
            var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            foreach (var error in errors)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$source", error.Source);
                insert.Parameters.AddWithValue("$reason", error.Reason);
                insert.Parameters.AddWithValue("$message", error.Message);
                insert.Parameters.AddWithValue("$at", now);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    public long Count => Scalar("SELECT count(*) FROM articles");

    public StoredArticle? Get(long id)
    {
        using var connection = OpenReader();
        using var command = Command(connection, null, $"SELECT {ArticleColumns} FROM articles a WHERE a.id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadArticle(reader) : null;
    }

    /// <summary>The stored articles among <paramref name="ids"/>, in one query (a page listing twenty articles reads them
    /// at once, not twenty times); ids not stored are left out.</summary>
    public IReadOnlyDictionary<long, StoredArticle> Get(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<long, StoredArticle>(ids.Count);
        if (ids.Count == 0)
        {
            return found;
        }

        using var connection = OpenReader();
        using var command = Command(connection, null, $"SELECT {ArticleColumns} FROM articles a WHERE a.id IN (SELECT value FROM json_each($ids))");
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var article = ReadArticle(reader);
            found[article.Id] = article;
        }

        return found;
    }

    /// <summary>Articles with an id above <paramref name="afterId"/>, ascending, streamed (never all in memory).</summary>
    public IEnumerable<StoredArticle> All(long afterId = 0, long limit = long.MaxValue)
    {
        using var connection = OpenReader();
        using var command = Command(connection, null, $"SELECT {ArticleColumns} FROM articles a WHERE a.id > $after ORDER BY a.id LIMIT $limit");
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadArticle(reader);
        }
    }

    public StoredRaw? GetRaw(long id)
    {
        using var connection = OpenReader();
        using var command = Command(connection, null, "SELECT id, source, charset, bytes FROM raw_inputs WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredRaw(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), (byte[])reader.GetValue(3));
    }

    public IEnumerable<Rejection> Rejections()
    {
        using var connection = OpenReader();
        using var command = Command(connection, null, "SELECT source, reason, message, at FROM rejections ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new Rejection(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture));
        }
    }

    public StoreStats Stats() => new(
        Count,
        Scalar("SELECT count(*) FROM rejections"),
        Counts("SELECT coalesce(language, '(unknown)'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"),
        Counts("SELECT coalesce(outlet, '(unknown)'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1"),
        Counts("SELECT reason, count(*) FROM rejections GROUP BY 1 ORDER BY 2 DESC, 1"));

    public void Dispose()
    {
        lock (_writeLock)
        {
            _writer.Dispose();
        }
    }

    private const long WalCheckpointBytes = 32 * 1024 * 1024;

    private const string Schema = """
        -- 16 KB pages (SQLite's default is 4 KB), set before the database's first table and kept for its life: an
        -- article's JSON (6.7 KB on average) fits in its row's page instead of a chain of overflow pages, and an ingest
        -- makes fewer write and read calls (50k articles: 494k → 364k and 151k → 42k) though it writes more bytes
        -- (index pages are rewritten whole at each commit, so pages larger still are not taken). Ingest without
        -- linking took 3–8% less CPU at 50k and 200k articles; with linking, no change (bench/RESULTS-ingest.md).
        PRAGMA page_size = 16384;
        PRAGMA journal_mode = WAL;
        -- NORMAL in WAL mode survives a killed process (only a power loss can drop the last commits).
        PRAGMA synchronous = NORMAL;
        -- The writer's page cache (32 MB instead of SQLite's 2 MB) keeps the tables' and indexes' working pages, and a
        -- checkpoint every 32 MB of WAL (WalCheckpointBytes, instead of 4 MB) copies a page rewritten by many batches
        -- once: in a steady ingest, reading pages back (pread), copying them (pwrite) and fsync were 12% of the CPU.
        PRAGMA cache_size = -32768;
        CREATE TABLE IF NOT EXISTS raw_inputs (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            content_hash BLOB NOT NULL,
            charset TEXT,
            bytes BLOB NOT NULL,
            UNIQUE (source, content_hash));
        CREATE TABLE IF NOT EXISTS articles (
            id INTEGER PRIMARY KEY REFERENCES raw_inputs (id),
            external_id TEXT,
            source TEXT NOT NULL,
            url TEXT,
            title TEXT,
            outlet TEXT,
            language TEXT,
            published TEXT,
            ingested TEXT NOT NULL,
            json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS articles_external_id ON articles (external_id);
        CREATE TABLE IF NOT EXISTS rejections (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            reason TEXT NOT NULL,
            message TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (source, reason));
        """;

    private static StoredArticle ReadArticle(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
        JsonSerializer.Deserialize<Article>(reader.GetString(2), WartaJson.Options)!);

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private long Scalar(string sql)
    {
        using var connection = OpenReader();
        using var command = Command(connection, null, sql);
        return (long)command.ExecuteScalar()!;
    }

    private List<KeyValuePair<string, long>> Counts(string sql)
    {
        using var connection = OpenReader();
        using var command = Command(connection, null, sql);
        using var reader = command.ExecuteReader();
        var counts = new List<KeyValuePair<string, long>>();
        while (reader.Read())
        {
            counts.Add(new(reader.GetString(0), reader.GetInt64(1)));
        }

        return counts;
    }

    /// <summary>A writer statement with its parameters created once, to be re-bound per row by <see cref="Bind"/>.</summary>
    private SqliteCommand Statement(SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = Command(_writer, transaction, sql);
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private long ScalarIn(SqliteTransaction transaction, string sql)
    {
        using var command = Command(_writer, transaction, sql);
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, null, sql);
        command.ExecuteNonQuery();
    }
}

/// <summary>The store cannot be opened or written; the message says what to do.</summary>
public sealed class StoreException : Exception
{
    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException()
    {
    }
}
