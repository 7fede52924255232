using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Warta.Linking;

/// <summary>
/// An <see cref="ICopyIndex"/> in SQLite tables beside the store's own: fingerprints, exact hashes and LSH/sentence
/// buckets live on disk, so linking resumes across runs and memory does not grow with the corpus. Every call runs
/// on the connection (and the transaction, when set) it was made with; it is not thread-safe.
/// </summary>
public sealed class SqliteCopyIndex : ICopyIndex, IDisposable
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS link_fingerprints (article_id INTEGER PRIMARY KEY, data BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS link_exact (hash INTEGER PRIMARY KEY, article_id INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS link_keys (kind INTEGER NOT NULL, key INTEGER NOT NULL, article_id INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS link_keys_key ON link_keys (kind, key);
        """;

    private readonly SqliteCommand _contains;
    private readonly SqliteCommand _findExact;
    private readonly SqliteCommand _addExact;
    private readonly SqliteCommand _vote;
    private readonly SqliteCommand _index;
    private readonly SqliteCommand _getFingerprint;
    private readonly SqliteCommand _addFingerprint;
    private long _count;

    public SqliteCopyIndex(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = Schema;
            schema.ExecuteNonQuery();
        }

        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM link_fingerprints";
            _count = (long)count.ExecuteScalar()!;
        }

        _contains = Prepare(connection, "SELECT 1 FROM link_fingerprints WHERE article_id = $id", "$id");
        _findExact = Prepare(connection, "SELECT article_id FROM link_exact WHERE hash = $hash", "$hash");
        _addExact = Prepare(connection, "INSERT OR IGNORE INTO link_exact (hash, article_id) VALUES ($hash, $id)", "$hash", "$id");
        // All keys of one article go in one statement (a JSON array walked by json_each), not one round trip each.
        _vote = Prepare(connection, "SELECT article_id FROM link_keys WHERE kind = $kind AND key IN (SELECT value FROM json_each($keys))", "$kind", "$keys");
        _index = Prepare(connection, """
            INSERT INTO link_keys (kind, key, article_id) SELECT $kind, j.value, $id FROM json_each($keys) j
            WHERE (SELECT count(*) FROM (SELECT 1 FROM link_keys WHERE kind = $kind AND key = j.value LIMIT $cap)) < $cap
            """, "$kind", "$keys", "$id", "$cap");
        _getFingerprint = Prepare(connection, "SELECT data FROM link_fingerprints WHERE article_id = $id", "$id");
        _addFingerprint = Prepare(connection, "INSERT OR REPLACE INTO link_fingerprints (article_id, data) VALUES ($id, $data)", "$id", "$data");
    }

    /// <summary>The transaction every following call runs in (set per batch by the caller).</summary>
    public SqliteTransaction? Transaction
    {
        set
        {
            foreach (var command in new[] { _contains, _findExact, _addExact, _vote, _index, _getFingerprint, _addFingerprint })
            {
                command.Transaction = value;
            }
        }
    }

    public long Count => _count;

    public bool Contains(long id)
    {
        _contains.Parameters[0].Value = id;
        return _contains.ExecuteScalar() is not null;
    }

    public long? FindExact(ulong exactHash)
    {
        _findExact.Parameters[0].Value = unchecked((long)exactHash);
        return _findExact.ExecuteScalar() is long id ? id : null;
    }

    public void AddExact(ulong exactHash, long id)
    {
        _addExact.Parameters[0].Value = unchecked((long)exactHash);
        _addExact.Parameters[1].Value = id;
        _addExact.ExecuteNonQuery();
    }

    public void Vote(CopyIndexKind kind, IReadOnlyCollection<ulong> keys, Dictionary<long, int> votes)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(votes);
        if (keys.Count == 0)
        {
            return;
        }

        // A key listed twice votes twice, as it would one lookup at a time.
        _vote.Parameters[0].Value = (int)kind;
        foreach (var group in keys.GroupBy(k => k).GroupBy(g => g.Count(), g => g.Key))
        {
            _vote.Parameters[1].Value = KeysJson(group);
            using var reader = _vote.ExecuteReader();
            while (reader.Read())
            {
                var member = reader.GetInt64(0);
                votes[member] = votes.GetValueOrDefault(member) + group.Key;
            }
        }
    }

    public void Index(CopyIndexKind kind, IReadOnlyCollection<ulong> keys, long id, int maxBucketSize)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return;
        }

        _index.Parameters[0].Value = (int)kind;
        _index.Parameters[1].Value = KeysJson(keys.Distinct());
        _index.Parameters[2].Value = id;
        _index.Parameters[3].Value = maxBucketSize;
        _index.ExecuteNonQuery();
    }

    public Fingerprint? GetFingerprint(long id)
    {
        _getFingerprint.Parameters[0].Value = id;
        return _getFingerprint.ExecuteScalar() is byte[] data ? Fingerprint.FromBytes(data) : null;
    }

    public void AddFingerprint(long id, Fingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        _addFingerprint.Parameters[0].Value = id;
        _addFingerprint.Parameters[1].Value = fingerprint.ToBytes();
        if (_addFingerprint.ExecuteNonQuery() > 0)
        {
            _count++;
        }
    }

    public void Dispose()
    {
        foreach (var command in new[] { _contains, _findExact, _addExact, _vote, _index, _getFingerprint, _addFingerprint })
        {
            command.Dispose();
        }
    }

    private static string KeysJson(IEnumerable<ulong> keys) =>
        "[" + string.Join(',', keys.Select(k => unchecked((long)k).ToString(CultureInfo.InvariantCulture))) + "]";

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
