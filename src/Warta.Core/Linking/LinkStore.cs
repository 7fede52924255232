using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Warta.Model;
using Warta.Storage;
using Warta.Stories;

namespace Warta.Linking;

/// <summary>Options for <see cref="LinkStore"/>.</summary>
public sealed class LinkStoreOptions
{
    public CopyLinkerOptions Linker { get; init; } = new();

    public StoryClustererOptions Stories { get; init; } = new() { KeepRetired = false };

    public AlterationOptions Alterations { get; init; } = new();

    /// <summary>Members read per copy family when its origin is decided: bounds the work on thousands of identical copies.</summary>
    public int MaxFamilySize { get; init; } = 200;

    /// <summary>Most recent articles replayed into the story clusterer when a new run starts, so stories continue across runs.</summary>
    public int StoryReplay { get; init; } = 5_000;

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Linker, nameof(Linker));
        ArgumentNullException.ThrowIfNull(Stories, nameof(Stories));
        ArgumentNullException.ThrowIfNull(Alterations, nameof(Alterations));
        Linker.Validate();
        Stories.Validate();
        Alterations.Validate();
        if (MaxFamilySize < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFamilySize), MaxFamilySize, "must be at least 2");
        }

        if (StoryReplay < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StoryReplay), StoryReplay, "must not be negative");
        }
    }
}

/// <summary>
/// Linking and stories kept in the store's database: every committed article is fingerprinted and linked to its
/// copies (exact, near duplicate, partial), its copy family gets an origin and a copy graph, each copy's
/// alterations against the origin are recorded, and the article joins a story. Fingerprints and buckets live on
/// disk (<see cref="SqliteCopyIndex"/>), so runs resume where the last one stopped and memory stays flat; articles
/// stored while no linker was attached are caught up when one is.
/// </summary>
public sealed class LinkStore : ILinkReader, IPreparingSink, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS article_links (
            article_id INTEGER PRIMARY KEY,
            duplicate_of INTEGER,
            origin_id INTEGER,
            origin_reason TEXT,
            copied_from INTEGER,
            copy_reason TEXT,
            story_id INTEGER,
            alterations TEXT);
        CREATE INDEX IF NOT EXISTS article_links_story ON article_links (story_id);
        CREATE TABLE IF NOT EXISTS copy_edges (
            a INTEGER NOT NULL,
            b INTEGER NOT NULL,
            relation TEXT NOT NULL,
            similarity REAL NOT NULL,
            PRIMARY KEY (a, b)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS stories (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            first TEXT,
            last TEXT,
            outlets TEXT NOT NULL,
            languages TEXT NOT NULL,
            entities TEXT NOT NULL,
            origin_ids TEXT NOT NULL,
            article_count INTEGER NOT NULL);
        """;

    private readonly ArticleStore _store;
    private readonly LinkStoreOptions _options;
    private readonly SqliteConnection _writer;
    private readonly Lock _lock = new();
    private SqliteCopyIndex? _index;
    private CopyLinker? _linker;
    private StoryClusterer? _clusterer;
    private readonly AlterationFinder _alterations;
    private readonly CopySketcher _sketcher;

    // What Prepare computed on a worker thread, found again by the article object when it is stored.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Article, Prepared> _prepared = [];
    private readonly Dictionary<long, long> _storyOfCluster = [];
    private readonly Dictionary<long, long> _clusterOfStory = [];

    // Clusters mapped to each stored story: one, except after a restart's replay, where a replayed copy filed in its
    // original's story may start a cluster of its own.
    private readonly Dictionary<long, int> _clusterCount = [];
    private readonly List<(long Gone, long Keep)> _merges = [];

    /// <summary>
    /// Raised after a batch commits with the stored articles whose story changed because their story was merged into
    /// another (the clusterer's second chances): whatever keeps a copy of story ids (the search index) updates them.
    /// </summary>
    public event Action<IReadOnlyList<long>>? ArticlesMoved;
    private long _nextStoryId;

    private LinkStore(ArticleStore store, LinkStoreOptions options)
    {
        _store = store;
        _options = options;
        _sketcher = new CopySketcher(options.Linker);
        _alterations = new AlterationFinder(options.Alterations);
        _writer = new SqliteConnection(store.ConnectionString);
        _writer.Open();
        using var schema = _writer.CreateCommand();
        schema.CommandText = Schema;
        schema.ExecuteNonQuery();
    }

    /// <summary>Opens the link tables for reading (creating them when absent); nothing is linked.</summary>
    public static LinkStore Open(ArticleStore store, LinkStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= new LinkStoreOptions();
        options.Validate();
        return new LinkStore(store, options);
    }

    /// <summary>
    /// Opens the link tables, links every stored article not linked yet, and registers with the store so that every
    /// article it commits from now on is linked too.
    /// </summary>
    public static LinkStore Attach(ArticleStore store, LinkStoreOptions? options = null, Action<long>? progress = null)
    {
        var links = Open(store, options);
        links.CatchUp(progress);

        // The clusterer replays recent stories once; doing it now keeps that cost off the first new article.
        lock (links._lock)
        {
            links.EnsureLinker();
        }

        store.AddSink(links);
        return links;
    }

    /// <summary>Links the stored articles that arrived while no linker was attached (or after a killed run).</summary>
    public void CatchUp(Action<long>? progress = null)
    {
        var after = Scalar(_writer, "SELECT coalesce(max(article_id), 0) FROM article_links");
        var batch = new List<StoredArticle>(512);
        long done = 0;
        foreach (var article in _store.All(after))
        {
            batch.Add(article);
            if (batch.Count == batch.Capacity)
            {
                PrepareInParallel(batch);
                OnStored(batch);
                done += batch.Count;
                progress?.Invoke(done);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            PrepareInParallel(batch);
            OnStored(batch);
            progress?.Invoke(done + batch.Count);
        }
    }

    private void PrepareInParallel(List<StoredArticle> batch) =>
        Parallel.ForEach(batch, stored => Prepare(stored.Article));

    /// <summary>Sketches the article for the copy index and lists its story terms, ahead of the ordered linking.</summary>
    public void Prepare(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        _prepared.AddOrUpdate(article, Compute(article));
    }

    public void OnStored(IReadOnlyList<StoredArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        lock (_lock)
        {
            EnsureLinker();
            using var transaction = _writer.BeginTransaction();
            _index!.Transaction = transaction;
            StoreWorkedOutAlterations(transaction);
            var batch = articles.ToDictionary(a => a.Id, a => a.Article);
            var families = new List<long>();
            var stories = new HashSet<long>();
            var joined = new Dictionary<long, List<(long Id, Article Article)>>();
            var moved = new List<long>();
            foreach (var stored in articles)
            {
                if (_index.Contains(stored.Id))
                {
                    continue;
                }

                var article = stored.Article;
                var prepared = _prepared.TryGetValue(article, out var ahead) ? ahead : Compute(article);
                _prepared.Remove(article);
                var links = _linker!.Add(stored.Id, prepared.Sketch);
                foreach (var link in links)
                {
                    Execute(transaction, "INSERT OR REPLACE INTO copy_edges (a, b, relation, similarity) VALUES ($a, $b, $r, $s)", ("$a", link.From), ("$b", link.To), ("$r", link.Relation), ("$s", link.Similarity));
                    var back = link.Reversed();
                    Execute(transaction, "INSERT OR REPLACE INTO copy_edges (a, b, relation, similarity) VALUES ($a, $b, $r, $s)", ("$a", back.From), ("$b", back.To), ("$r", back.Relation), ("$s", back.Similarity));
                }

                var duplicateOf = links.Where(l => l.Relation is CopyRelation.Exact or CopyRelation.NearDuplicate).Select(l => (long?)l.To).Min();
                var storyId = JoinStory(transaction, stored.Id, article, prepared.Terms, duplicateOf);
                ApplyMerges(transaction, stories, joined, moved, ref storyId);
                stories.Add(storyId);
                JoinersOf(joined, storyId).Add((stored.Id, article));
                Execute(
                    transaction,
                    "INSERT OR REPLACE INTO article_links (article_id, duplicate_of, story_id) VALUES ($id, $dup, $story)",
                    ("$id", stored.Id),
                    ("$dup", duplicateOf),
                    ("$story", storyId));
                if (links.Count > 0)
                {
                    families.Add(stored.Id);
                }
            }

            var resolved = new HashSet<long>();
            foreach (var member in families)
            {
                if (!resolved.Contains(member))
                {
                    resolved.UnionWith(ResolveFamily(transaction, member, batch));
                }
            }

            var batchOrigins = OriginsByStory(transaction, resolved.Concat(joined.Values.SelectMany(j => j.Select(a => a.Id))));
            foreach (var story in stories)
            {
                if (!UpdateStoryRecord(transaction, story, joined.GetValueOrDefault(story) ?? [], batchOrigins.GetValueOrDefault(story) ?? []))
                {
                    UpdateStory(transaction, story);
                }
            }

            transaction.Commit();
            _index.Transaction = null;
            if (moved.Count > 0)
            {
                ArticlesMoved?.Invoke(moved);
            }
        }
    }

    public ArticleLinks LinksOf(long articleId) => LinksOf([articleId])[0];

    /// <summary>
    /// The links of several articles, in the order of <paramref name="articleIds"/>, read with two queries whatever
    /// their number (a story page shows up to hundreds; two queries per article were a third of its CPU).
    /// </summary>
    public IReadOnlyList<ArticleLinks> LinksOf(IReadOnlyList<long> articleIds)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        if (articleIds.Count == 0)
        {
            return [];
        }

        var ids = JsonSerializer.Serialize(articleIds);
        using var connection = OpenReader();
        var copies = new Dictionary<long, List<CopyReference>>();
        using (var edges = Command(connection, null, "SELECT a, b, relation, similarity FROM copy_edges WHERE a IN (SELECT value FROM json_each($ids)) ORDER BY a, b", ("$ids", ids)))
        using (var edgeReader = edges.ExecuteReader())
        {
            while (edgeReader.Read())
            {
                var a = edgeReader.GetInt64(0);
                if (!copies.TryGetValue(a, out var list))
                {
                    copies[a] = list = [];
                }

                list.Add(new CopyReference(edgeReader.GetInt64(1), edgeReader.GetString(2), edgeReader.GetDouble(3)));
            }
        }

        var found = new Dictionary<long, ArticleLinks>();
        using (var command = Command(connection, null, "SELECT article_id, duplicate_of, origin_id, origin_reason, copied_from, copy_reason, story_id, alterations FROM article_links WHERE article_id IN (SELECT value FROM json_each($ids))", ("$ids", ids)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var articleId = reader.GetInt64(0);
                var originId = NullableLong(reader, 2);
                found[articleId] = new ArticleLinks(
                    articleId,
                    NullableLong(reader, 1),
                    copies.GetValueOrDefault(articleId) ?? [],
                    originId,
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    NullableLong(reader, 6),
                    !reader.IsDBNull(7) ? JsonSerializer.Deserialize<List<Alteration>>(reader.GetString(7), WartaJson.Options) ?? []
                        : originId is { } o && o != articleId ? StaleAlterations(o, articleId) : [])
                {
                    CopiedFrom = NullableLong(reader, 4),
                    CopyReason = reader.IsDBNull(5) ? null : reader.GetString(5),
                };
            }
        }

        return [.. articleIds.Select(id => found.GetValueOrDefault(id) ?? ArticleLinks.None(id))];
    }

    /// <summary>
    /// Alterations of a copy whose family's origin moved since they were recorded: worked out on read, and remembered
    /// (stored articles never change, so a pair's alterations never do) up to a bound, so a story page read again
    /// does not diff its copies again.
    /// </summary>
    private IReadOnlyList<Alteration> StaleAlterations(long originId, long copyId)
    {
        if (_readAlterations.TryGetValue((originId, copyId), out var known))
        {
            return known;
        }

        var found = WorkOutAlterations(originId, copyId);
        if (_readAlterations.Count >= MaxRememberedAlterations)
        {
            _readAlterations.Clear();
        }

        _readAlterations[(originId, copyId)] = found;
        if (_workedOut.Count < MaxRememberedAlterations)
        {
            _workedOut.Enqueue((originId, copyId, JsonSerializer.Serialize(found, WartaJson.Options)));
        }

        return found;
    }

    /// <summary>
    /// Works out and stores every copy's alterations left pending when its family's origin moved (they are otherwise
    /// worked out when first read); returns how many were stored. Maintenance, for <c>warta reindex</c>.
    /// </summary>
    public int CompletePendingAlterations(Action<int>? progress = null)
    {
        var done = 0;
        long after = 0;
        while (true)
        {
            var pending = new List<(long Copy, long Origin)>();
            using (var connection = OpenReader())
            using (var command = Command(connection, null, "SELECT article_id, origin_id FROM article_links WHERE article_id > $after AND origin_id IS NOT NULL AND origin_id != article_id AND alterations IS NULL ORDER BY article_id LIMIT 256", ("$after", after)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    pending.Add((reader.GetInt64(0), reader.GetInt64(1)));
                }
            }

            if (pending.Count == 0)
            {
                return done;
            }

            after = pending[^1].Copy;
            // Worked out here and stored directly: not through the read memo or the bounded queue of read results.
            var worked = pending.Select(p => (p.Origin, p.Copy, JsonSerializer.Serialize(WorkOutAlterations(p.Origin, p.Copy), WartaJson.Options))).ToList();
            lock (_lock)
            {
                using var transaction = _writer.BeginTransaction();
                foreach (var pair in worked)
                {
                    StoreAlterations(transaction, pair);
                }

                transaction.Commit();
            }

            done += pending.Count;
            progress?.Invoke(done);
        }
    }

    /// <summary>
    /// Stores the alterations worked out on read since the last write, for copies whose origin is still the one they
    /// were worked out against: a pair is diffed once per store, not once per process or whenever the memory bound
    /// above forgets it.
    /// </summary>
    private void StoreWorkedOutAlterations(SqliteTransaction transaction)
    {
        while (_workedOut.TryDequeue(out var pair))
        {
            StoreAlterations(transaction, pair);
        }
    }

    /// <summary>A copy's alterations, if its origin is still the one they were worked out against and none are stored.</summary>
    private void StoreAlterations(SqliteTransaction transaction, (long Origin, long Copy, string Alterations) pair) =>
        Execute(
            transaction,
            "UPDATE article_links SET alterations = $alt WHERE article_id = $copy AND origin_id = $origin AND alterations IS NULL",
            ("$alt", pair.Alterations),
            ("$copy", pair.Copy),
            ("$origin", pair.Origin));

    /// <summary>The copy diffed against the origin; nothing when either article is gone.</summary>
    private IReadOnlyList<Alteration> WorkOutAlterations(long originId, long copyId) =>
        _store.Get(originId)?.Article is { } origin && _store.Get(copyId)?.Article is { } copy ? _alterations.Find(origin, copy) : [];

    private const int MaxRememberedAlterations = 50_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long Origin, long Copy), IReadOnlyList<Alteration>> _readAlterations = new();

    /// <summary>Alterations worked out on read, waiting for the next write transaction (or closing) to store them.</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<(long Origin, long Copy, string Alterations)> _workedOut = new();

    public StoryRecord? Story(long storyId)
    {
        using var connection = OpenReader();
        using var command = Command(connection, null, $"SELECT {StoryColumns} FROM stories WHERE id = $id", ("$id", storyId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadStory(connection, reader) : null;
    }

    public IReadOnlyList<StoryRecord> Stories(long afterId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        using var connection = OpenReader();
        using var command = Command(connection, null, $"SELECT {StoryColumns} FROM stories WHERE id > $after ORDER BY id LIMIT $limit", ("$after", afterId), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var stories = new List<StoryRecord>();
        while (reader.Read())
        {
            stories.Add(ReadStory(connection, reader));
        }

        return stories;
    }

    /// <summary>Every story in id order, streamed.</summary>
    public IEnumerable<StoryRecord> AllStories(int page = 1_000)
    {
        long after = 0;
        while (true)
        {
            var stories = Stories(after, page);
            foreach (var story in stories)
            {
                yield return story;
            }

            if (stories.Count < page)
            {
                yield break;
            }

            after = stories[^1].Id;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (!_workedOut.IsEmpty)
            {
                try
                {
                    using var transaction = _writer.BeginTransaction();
                    StoreWorkedOutAlterations(transaction);
                    transaction.Commit();
                }
                catch (SqliteException)
                {
                    // Only a saving: what is not stored is worked out again when next read.
                }
            }

            _index?.Dispose();
            _writer.Dispose();
        }
    }

    private sealed record Prepared(CopySketch Sketch, StoryTerms Terms);

    private const string StoryColumns = "id, label, first, last, outlets, languages, entities, origin_ids";

    private void EnsureLinker()
    {
        if (_linker is not null)
        {
            return;
        }

        _index = new SqliteCopyIndex(_writer);
        _linker = new CopyLinker(_options.Linker, _index);
        _clusterer = new StoryClusterer(_options.Stories);
        _clusterer.Retired += story =>
        {
            if (UnmapCluster(story.Id, out var stored))
            {
                ForgetLiveCluster(stored, story.Id);
            }
        };
        _nextStoryId = Scalar(_writer, "SELECT coalesce(max(id), 0) FROM stories") + 1;

        // Stories continue across runs: the most recent articles are replayed so new ones can join their stories.
        var recent = new List<(StoredArticle Article, long Story)>();
        using (var command = Command(_writer, null, "SELECT article_id, story_id FROM article_links WHERE story_id IS NOT NULL ORDER BY article_id DESC LIMIT $n", ("$n", _options.StoryReplay)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (_store.Get(reader.GetInt64(0)) is { } article)
                {
                    recent.Add((article, reader.GetInt64(1)));
                }
            }
        }

        foreach (var (article, story) in recent.OrderBy(r => r.Article.Article.Published ?? DateTimeOffset.MaxValue).ThenBy(r => r.Article.Id))
        {
            var cluster = _clusterer.Add(StoryItem.Of(article.Id, article.Article));
            if (!_storyOfCluster.ContainsKey(cluster))
            {
                MapCluster(cluster, story);
                _clusterOfStory[story] = cluster;
            }
        }

        // Merges while replaying rebuild the clusterer's view only: the stored stories stay as they were written.
        _clusterer.Merged += (gone, keep) => _merges.Add((gone, keep));
    }

    /// <summary>
    /// Moves the stored articles of each story the clusterer merged away into the surviving story, in the batch's
    /// transaction: their links point at the survivor, the absorbed story's record is folded into the survivor's, and
    /// this batch's joiners of the absorbed story (<paramref name="joined"/>) and <paramref name="current"/>, the story
    /// of the article being linked, follow it.
    /// </summary>
    private void ApplyMerges(SqliteTransaction transaction, HashSet<long> stories, Dictionary<long, List<(long Id, Article Article)>> joined, List<long> moved, ref long current)
    {
        foreach (var (gone, keep) in _merges)
        {
            if (!_storyOfCluster.TryGetValue(gone, out var goneStory))
            {
                continue;
            }

            UnmapCluster(gone);
            ForgetLiveCluster(goneStory, gone);
            if (!_storyOfCluster.TryGetValue(keep, out var keepStory) || keepStory == goneStory)
            {
                // The survivor has no stored story yet, or already shares the absorbed one's: that story is its story.
                MapCluster(keep, goneStory);
                _clusterOfStory[goneStory] = keep;
                continue;
            }

            // Other clusters holding copies of the absorbed story's articles now continue the survivor's.
            if (_clusterCount.GetValueOrDefault(goneStory) > 0)
            {
                foreach (var other in _storyOfCluster.Where(p => p.Value == goneStory).Select(p => p.Key).ToList())
                {
                    MapCluster(other, keepStory);
                }
            }

            using (var command = Command(_writer, transaction, "SELECT article_id FROM article_links WHERE story_id = $gone", ("$gone", goneStory)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    moved.Add(reader.GetInt64(0));
                }
            }

            Execute(transaction, "UPDATE article_links SET story_id = $keep WHERE story_id = $gone", ("$keep", keepStory), ("$gone", goneStory));
            if (current == goneStory)
            {
                // The article being linked joined the absorbed story: it is not stored yet, so the update above missed it.
                current = keepStory;
            }

            if (joined.Remove(goneStory, out var joiners))
            {
                JoinersOf(joined, keepStory).AddRange(joiners);
            }

            FoldStory(transaction, goneStory, keepStory);

            Execute(transaction, "DELETE FROM stories WHERE id = $gone", ("$gone", goneStory));
            stories.Remove(goneStory);
            stories.Add(keepStory);
        }

        _merges.Clear();
    }

    private static List<(long Id, Article Article)> JoinersOf(Dictionary<long, List<(long Id, Article Article)>> joined, long story)
    {
        if (!joined.TryGetValue(story, out var members))
        {
            joined[story] = members = [];
        }

        return members;
    }

    /// <summary>
    /// Adds the absorbed story's stored record (span, outlets, languages, origins, count) to the survivor's, so a
    /// large survivor is not reread. A survivor with no record yet has all its articles among this batch's joiners,
    /// which are added when the batch ends: it takes the absorbed record as its own.
    /// </summary>
    private void FoldStory(SqliteTransaction transaction, long goneStory, long keepStory)
    {
        if (ReadStoryRow(transaction, goneStory) is not { } gone)
        {
            return;
        }

        var keep = ReadStoryRow(transaction, keepStory) ?? new StoryRow(gone.Label, null, null, [], [], gone.Entities, [], 0);

        WriteStory(
            transaction,
            keepStory,
            keep.Label,
            Earlier(keep.First, gone.First),
            Later(keep.Last, gone.Last),
            keep.Outlets.Concat(gone.Outlets),
            keep.Languages.Concat(gone.Languages),
            keep.Entities,
            [.. keep.Origins.Concat(gone.Origins).Distinct().Order()],
            keep.Count + gone.Count);
    }

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a <= b ? a : b;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a >= b ? a : b;

    private sealed record StoryRow(string Label, DateTimeOffset? First, DateTimeOffset? Last, List<string> Outlets, List<string> Languages, string Entities, List<long> Origins, long Count);

    private StoryRow? ReadStoryRow(SqliteTransaction transaction, long storyId)
    {
        using var command = Command(_writer, transaction, "SELECT label, first, last, outlets, languages, entities, origin_ids, article_count FROM stories WHERE id = $id", ("$id", storyId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoryRow(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
            reader.IsDBNull(2) ? null : DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? [],
            JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [],
            reader.GetString(5),
            JsonSerializer.Deserialize<List<long>>(reader.GetString(6)) ?? [],
            reader.GetInt64(7));
    }

    private void MapCluster(long cluster, long story)
    {
        if (_storyOfCluster.TryGetValue(cluster, out var before))
        {
            _clusterCount[before]--;
        }

        _storyOfCluster[cluster] = story;
        _clusterCount[story] = _clusterCount.GetValueOrDefault(story) + 1;
    }

    private bool UnmapCluster(long cluster, out long story)
    {
        if (!_storyOfCluster.Remove(cluster, out story))
        {
            return false;
        }

        if (--_clusterCount[story] == 0)
        {
            _clusterCount.Remove(story);
        }

        return true;
    }

    private void UnmapCluster(long cluster) => UnmapCluster(cluster, out _);

    private Prepared Compute(Article article) => new(
        _sketcher.Sketch(string.IsNullOrWhiteSpace(article.Text) ? article.Title : article.Text),
        StoryClusterer.Terms(StoryItem.Of(0, article), _options.Stories));

    /// <summary>
    /// The stored story of the article: the clusterer's choice, except that an exact or near copy joins its original's
    /// story whatever cluster it landed in — the same text is the same story, also when the original's story has left
    /// the clusterer (retired by its time window or memory budget: its state lives on disk) or the copy arrives days
    /// after it. Only the copy joins: a cluster the copy started is a story of its own, so the articles the clusterer
    /// adds to it later go where they would have gone without the copy. Carrying them into the original's story
    /// chained stories over time (each copy of an old text pulled that day's related articles into the old story, and
    /// those articles' own copies pulled in theirs): on a million articles where every text recurs over a month one
    /// story had grown to 388,716 articles of 1,343 distinct texts across every IndoSum category.
    /// </summary>
    private long JoinStory(SqliteTransaction transaction, long id, Article article, StoryTerms terms, long? duplicateOf)
    {
        var cluster = _clusterer!.Add(StoryItem.Of(id, article), terms);
        if (!_storyOfCluster.TryGetValue(cluster, out var story))
        {
            story = _nextStoryId++;
            MapCluster(cluster, story);
        }

        if (StoredStoryOf(transaction, duplicateOf) is { } copied && copied != story)
        {
            return copied;
        }

        _clusterOfStory[story] = cluster;
        return story;
    }

    private long? StoredStoryOf(SqliteTransaction transaction, long? articleId)
    {
        if (articleId is not { } known)
        {
            return null;
        }

        using var command = Command(_writer, transaction, "SELECT story_id FROM article_links WHERE article_id = $id", ("$id", known));
        return command.ExecuteScalar() is long story ? story : null;
    }

    /// <summary>Drops <paramref name="cluster"/> as the live cluster of <paramref name="story"/> when it is that.</summary>
    private void ForgetLiveCluster(long story, long cluster)
    {
        if (_clusterOfStory.TryGetValue(story, out var live) && live == cluster)
        {
            _clusterOfStory.Remove(story);
        }
    }

    /// <summary>Decides the origin and copy graph of the family around <paramref name="start"/>; returns its members.</summary>
    private List<long> ResolveFamily(SqliteTransaction transaction, long start, Dictionary<long, Article> batch)
    {
        if (JoinKnownFamily(transaction, start, batch))
        {
            return [start];
        }

        var members = new List<long> { start };
        var seen = new HashSet<long> { start };
        var links = new List<CopyLink>();
        for (var i = 0; i < members.Count; i++)
        {
            using var command = Command(_writer, transaction, "SELECT b, relation, similarity FROM copy_edges WHERE a = $a ORDER BY b", ("$a", members[i]));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                // Each pair seen from the later article, as the linker reported it; Distinct drops the mirror.
                var other = reader.GetInt64(0);
                var link = new CopyLink(members[i], other, reader.GetString(1), reader.GetDouble(2));
                links.Add(link.From > link.To ? link : link.Reversed());

                if (seen.Count < _options.MaxFamilySize && seen.Add(other))
                {
                    members.Add(other);
                }
            }
        }

        var articles = new Dictionary<long, Article>();
        foreach (var member in members)
        {
            if (Load(member, batch) is { } article)
            {
                articles[member] = article;
            }
        }

        var facts = articles.ToDictionary(a => a.Key, a => ProvenanceFacts.Of(a.Key, a.Value));
        var family = ProvenanceResolver.Resolve(links.Where(l => facts.ContainsKey(l.From) && facts.ContainsKey(l.To)).Distinct(), facts)
            .FirstOrDefault(f => f.Members.Contains(start));
        if (family is null)
        {
            return members;
        }

        var parents = family.Edges.GroupBy(e => e.Copy).ToDictionary(g => g.Key, g => g.First());
        foreach (var member in family.Members)
        {
            var (previousOrigin, hadAlterations) = PreviousOrigin(transaction, member);
            parents.TryGetValue(member, out var edge);
            // Alterations against a new origin are worked out now only for the newcomer; the other members' are
            // left stale (null) and computed when read, so a family whose origin moves costs no more than one diff.
            string? alterations = null;
            if (member != family.OriginId)
            {
                if (previousOrigin == family.OriginId && hadAlterations is not null)
                {
                    alterations = hadAlterations;
                }
                else if (member == start && articles.TryGetValue(member, out var copy) && articles.TryGetValue(family.OriginId, out var origin))
                {
                    alterations = JsonSerializer.Serialize(_alterations.Find(origin, copy), WartaJson.Options);
                }
            }

            Execute(
                transaction,
                "UPDATE article_links SET origin_id = $origin, origin_reason = $reason, copied_from = $from, copy_reason = $why, alterations = $alt WHERE article_id = $id",
                ("$origin", family.OriginId),
                ("$reason", family.OriginReason),
                ("$from", edge?.Source),
                ("$why", edge?.Reason),
                ("$alt", alterations),
                ("$id", member));
        }

        return [.. family.Members];
    }

    /// <summary>
    /// The common case, in constant work: a new copy whose links all lead into one family with a settled origin, and
    /// which does not outrank that origin, joins it under its most similar linked member. Anything else (families
    /// merging, a new article that should become the origin) goes through the full resolution.
    /// </summary>
    private bool JoinKnownFamily(SqliteTransaction transaction, long start, Dictionary<long, Article> batch)
    {
        var linked = new List<CopyLink>();
        using (var command = Command(_writer, transaction, "SELECT b, relation, similarity FROM copy_edges WHERE a = $a", ("$a", start)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                linked.Add(new CopyLink(start, reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2)));
            }
        }

        var origins = new HashSet<long?>();
        foreach (var link in linked)
        {
            origins.Add(PreviousOrigin(transaction, link.To).Origin);
        }

        if (linked.Count == 0 || origins.Count != 1 || origins.Single() is not { } origin)
        {
            return false;
        }

        var copy = Load(start, batch);
        var originArticle = Load(origin, batch);
        if (copy is null || originArticle is null)
        {
            return false;
        }

        // The origin keeps its place unless the newcomer outranks it (cited agency, earlier, fuller).
        var facts = new Dictionary<long, ProvenanceFacts> { [start] = ProvenanceFacts.Of(start, copy), [origin] = ProvenanceFacts.Of(origin, originArticle) };
        var pair = ProvenanceResolver.Resolve([new CopyLink(start, origin, CopyRelation.NearDuplicate, 1)], facts).Single();
        if (pair.OriginId != origin)
        {
            return false;
        }

        var parent = linked.OrderByDescending(l => l.Similarity).ThenBy(l => l.To).First();
        Execute(
            transaction,
            "UPDATE article_links SET origin_id = $origin, origin_reason = $reason, copied_from = $from, copy_reason = $why, alterations = $alt WHERE article_id = $id",
            ("$origin", origin),
            ("$reason", OriginReasonOf(transaction, origin) ?? pair.OriginReason),
            ("$from", parent.To),
            ("$why", string.Create(CultureInfo.InvariantCulture, $"{parent.Relation} {parent.Similarity:0.00} with an earlier member of the family")),
            ("$alt", JsonSerializer.Serialize(_alterations.Find(originArticle, copy), WartaJson.Options)),
            ("$id", start));
        return true;
    }

    private Article? Load(long id, Dictionary<long, Article> batch) =>
        batch.TryGetValue(id, out var article) ? article : _store.Get(id)?.Article;

    private string? OriginReasonOf(SqliteTransaction transaction, long id)
    {
        using var command = Command(_writer, transaction, "SELECT origin_reason FROM article_links WHERE article_id = $id", ("$id", id));
        return command.ExecuteScalar() as string;
    }

    private (long? Origin, string? Alterations) PreviousOrigin(SqliteTransaction transaction, long id)
    {
        using var command = Command(_writer, transaction, "SELECT origin_id, alterations FROM article_links WHERE article_id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (NullableLong(reader, 0), reader.IsDBNull(1) ? null : reader.GetString(1)) : (null, null);
    }

    /// <summary>
    /// Brings a stored story's record up to date with the articles that joined it in this batch, without reading its
    /// members: a story that copies keep joining grows to thousands of articles, and rereading them for every batch
    /// made linking quadratic. Origins are the record's origins and this batch's joiners and resolved family members
    /// that are still (or now) origins in the story. False when the story has no record yet.
    /// </summary>
    private bool UpdateStoryRecord(SqliteTransaction transaction, long storyId, List<(long Id, Article Article)> joined, List<long> batchOrigins)
    {
        if (ReadStoryRow(transaction, storyId) is not { } row)
        {
            return false;
        }

        var (first, last) = (row.First, row.Last);
        foreach (var (_, article) in joined)
        {
            first = Earlier(first, article.Published);
            last = Later(last, article.Published);
        }

        var origins = row.Origins;
        var stillOrigins = OriginsByStory(transaction, origins).GetValueOrDefault(storyId) ?? [];
        stillOrigins = [.. stillOrigins.Concat(batchOrigins).Distinct().Order().Take(20)];
        if (stillOrigins.Count == 0)
        {
            // No member is an origin of a copy family: the earliest article stands for the story, as on a rebuild.
            var earliest = joined.Select(j => (j.Id, j.Article.Published)).ToList();
            if (origins.Count > 0)
            {
                earliest.Add((origins[0], _store.Get(origins[0])?.Article.Published));
            }

            stillOrigins.Add(earliest.OrderBy(e => e.Published ?? DateTimeOffset.MaxValue).ThenBy(e => e.Id).First().Id);
        }

        var live = _clusterOfStory.TryGetValue(storyId, out var cluster) ? _clusterer!.Active(cluster) : null;
        WriteStory(
            transaction,
            storyId,
            live?.Label ?? row.Label,
            first,
            last,
            row.Outlets.Concat(joined.Select(j => j.Article.Outlet).OfType<string>()),
            row.Languages.Concat(joined.Select(j => j.Article.Language).OfType<string>()),
            live is null ? row.Entities : Json(live.KeyEntities),
            stillOrigins,
            row.Count + joined.Count);
        return true;
    }

    /// <summary>
    /// Which of <paramref name="ids"/> are the origins of their copy families, by story.
    /// One query a batch: asked per story with the batch's ids, it was most of the linking SQL (at 20k articles 19 of
    /// 26 s), every story of the batch looking up every resolved family member.
    /// </summary>
    private Dictionary<long, List<long>> OriginsByStory(SqliteTransaction transaction, IEnumerable<long> ids)
    {
        var byStory = new Dictionary<long, List<long>>();
        using var command = Command(
            _writer,
            transaction,
            "SELECT article_id, story_id FROM article_links WHERE article_id IN (SELECT DISTINCT value FROM json_each($ids)) AND origin_id = article_id AND story_id IS NOT NULL",
            ("$ids", JsonSerializer.Serialize(ids)));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var story = reader.GetInt64(1);
            if (!byStory.TryGetValue(story, out var members))
            {
                byStory[story] = members = [];
            }

            members.Add(reader.GetInt64(0));
        }

        return byStory;
    }

    private void WriteStory(SqliteTransaction transaction, long storyId, string label, DateTimeOffset? first, DateTimeOffset? last, IEnumerable<string> outlets, IEnumerable<string> languages, string entities, List<long> origins, long count) =>
        Execute(
            transaction,
            """
            INSERT OR REPLACE INTO stories (id, label, first, last, outlets, languages, entities, origin_ids, article_count)
            VALUES ($id, $label, $first, $last, $outlets, $languages, $entities, $origins, $count)
            """,
            ("$id", storyId),
            ("$label", label),
            ("$first", first?.ToString("O", CultureInfo.InvariantCulture)),
            ("$last", last?.ToString("O", CultureInfo.InvariantCulture)),
            ("$outlets", Json(outlets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))),
            ("$languages", Json(languages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))),
            ("$entities", entities),
            ("$origins", JsonSerializer.Serialize(origins.Take(20).ToList())),
            ("$count", count));

    private void UpdateStory(SqliteTransaction transaction, long storyId)
    {
        var members = new List<(long Id, string? Title, string? Outlet, string? Language, DateTimeOffset? Published, long? Origin)>();
        using (var command = Command(_writer, transaction, """
            SELECT a.id, a.title, a.outlet, a.language, a.published, l.origin_id
            FROM article_links l JOIN articles a ON a.id = l.article_id WHERE l.story_id = $story ORDER BY a.id
            """, ("$story", storyId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                members.Add((
                    reader.GetInt64(0),
                    reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                    NullableLong(reader, 5)));
            }
        }

        if (members.Count == 0)
        {
            return;
        }

        var live = _clusterOfStory.TryGetValue(storyId, out var cluster) ? _clusterer!.Active(cluster) : null;
        var dated = members.Where(m => m.Published is not null).Select(m => m.Published!.Value).ToList();
        var earliest = members.OrderBy(m => m.Published ?? DateTimeOffset.MaxValue).ThenBy(m => m.Id).First();
        var origins = members.Where(m => m.Origin is not null && m.Origin == m.Id).Select(m => m.Id).ToList();
        if (origins.Count == 0)
        {
            origins.Add(earliest.Id);
        }

        WriteStory(
            transaction,
            storyId,
            live?.Label ?? earliest.Title ?? $"story {storyId.ToString(CultureInfo.InvariantCulture)}",
            dated.Count == 0 ? null : dated.Min(),
            dated.Count == 0 ? null : dated.Max(),
            members.Select(m => m.Outlet).OfType<string>(),
            members.Select(m => m.Language).OfType<string>(),
            Json(live?.KeyEntities ?? []),
            origins,
            members.Count);
    }

    private static StoryRecord ReadStory(SqliteConnection connection, SqliteDataReader reader)
    {
        var id = reader.GetInt64(0);
        var articleIds = new List<long>();
        using (var command = Command(connection, null, "SELECT article_id FROM article_links WHERE story_id = $id ORDER BY article_id", ("$id", id)))
        using (var ids = command.ExecuteReader())
        {
            while (ids.Read())
            {
                articleIds.Add(ids.GetInt64(0));
            }
        }

        return new StoryRecord(
            id,
            reader.GetString(1),
            articleIds,
            reader.IsDBNull(2) ? null : DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
            reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
            JsonSerializer.Deserialize<List<string>>(reader.GetString(4)) ?? [],
            JsonSerializer.Deserialize<List<string>>(reader.GetString(5)) ?? [],
            JsonSerializer.Deserialize<List<string>>(reader.GetString(6)) ?? [],
            JsonSerializer.Deserialize<List<long>>(reader.GetString(7)) ?? []);
    }

    private static string Json(IEnumerable<string> values) => JsonSerializer.Serialize(values.ToList());

    private static long? NullableLong(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt64(column);

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_store.ConnectionString);
        connection.Open();
        return connection;
    }

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(_writer, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, null, sql);
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
