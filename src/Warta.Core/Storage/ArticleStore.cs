using System.Globalization;
using System.IO.Hashing;
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

    private ArticleStore(string dataDirectory)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(DataDirectory);
        DatabasePath = Path.Combine(DataDirectory, DatabaseFileName);
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        _writer = new SqliteConnection(ConnectionString);
        _writer.Open();
        Execute(_writer, Schema);
    }

    public string DataDirectory { get; }

    /// <summary>The database file; other stages may keep their own tables in it.</summary>
    public string DatabasePath { get; }

    public string ConnectionString { get; }

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
        }
    }

    public StoreResult Add(RawInput input, Article article) => AddBatch([(input, article)])[0];

    /// <summary>
    /// Stores a batch in one transaction: when this returns, every article in it is durable. Re-adding the same
    /// bytes from the same source returns the existing id with <see cref="StoreOutcome.Unchanged"/>.
    /// </summary>
    public IReadOnlyList<StoreResult> AddBatch(IReadOnlyList<(RawInput Input, Article Article)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var results = new StoreResult[items.Count];
        var stored = new List<StoredArticle>(items.Count);
        lock (_writeLock)
        {
            var now = DateTimeOffset.UtcNow;
            using (var transaction = _writer.BeginTransaction())
            {
                using var find = Command(_writer, transaction, "SELECT id FROM raw_inputs WHERE source = $source AND content_hash = $hash");
                using var insertRaw = Command(_writer, transaction, "INSERT INTO raw_inputs (source, content_hash, charset, bytes) VALUES ($source, $hash, $charset, $bytes) RETURNING id");
                using var insertArticle = Command(_writer, transaction, """
                    INSERT INTO articles (id, external_id, source, url, title, outlet, language, published, ingested, json)
                    VALUES ($id, $externalId, $source, $url, $title, $outlet, $language, $published, $ingested, $json)
                    """);
                using var clearRejection = Command(_writer, transaction, "DELETE FROM rejections WHERE source = $source");
                for (var i = 0; i < items.Count; i++)
                {
                    var (input, article) = items[i];
                    var hash = XxHash128.Hash(input.Raw.Span);
                    find.Parameters.Clear();
                    find.Parameters.AddWithValue("$source", input.Source);
                    find.Parameters.AddWithValue("$hash", hash);
                    if (find.ExecuteScalar() is long existing)
                    {
                        results[i] = new StoreResult(existing, StoreOutcome.Unchanged);
                        continue;
                    }

                    insertRaw.Parameters.Clear();
                    insertRaw.Parameters.AddWithValue("$source", input.Source);
                    insertRaw.Parameters.AddWithValue("$hash", hash);
                    insertRaw.Parameters.AddWithValue("$charset", (object?)input.Charset ?? DBNull.Value);
                    insertRaw.Parameters.AddWithValue("$bytes", input.Raw.ToArray());
                    var id = (long)insertRaw.ExecuteScalar()!;

                    insertArticle.Parameters.Clear();
                    insertArticle.Parameters.AddWithValue("$id", id);
                    insertArticle.Parameters.AddWithValue("$externalId", (object?)article.ExternalId ?? DBNull.Value);
                    insertArticle.Parameters.AddWithValue("$source", article.Source);
                    insertArticle.Parameters.AddWithValue("$url", (object?)article.Url ?? DBNull.Value);
                    insertArticle.Parameters.AddWithValue("$title", (object?)article.Title ?? DBNull.Value);
                    insertArticle.Parameters.AddWithValue("$outlet", (object?)article.Outlet ?? DBNull.Value);
                    insertArticle.Parameters.AddWithValue("$language", (object?)article.Language ?? DBNull.Value);
                    insertArticle.Parameters.AddWithValue("$published", article.Published is { } published ? published.ToString("O", CultureInfo.InvariantCulture) : DBNull.Value);
                    insertArticle.Parameters.AddWithValue("$ingested", now.ToString("O", CultureInfo.InvariantCulture));
                    insertArticle.Parameters.AddWithValue("$json", JsonSerializer.Serialize(article, WartaJson.Options));
                    insertArticle.ExecuteNonQuery();

                    clearRejection.Parameters.Clear();
                    clearRejection.Parameters.AddWithValue("$source", input.Source);
                    clearRejection.ExecuteNonQuery();

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

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        -- NORMAL in WAL mode survives a killed process (only a power loss can drop the last commits).
        PRAGMA synchronous = NORMAL;
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
