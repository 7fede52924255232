using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Warta.Search;

/// <summary>
/// A Lucene index over articles: per-language analysis, BM25, exact filters, facets counted over the whole hit set from
/// doc values, highlighted snippets, and near-real-time visibility of added articles. Thread-safe.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    /// <summary>The fields counted as facets and accepted as exact filters.</summary>
    public static readonly IReadOnlyList<string> FacetFields = ["outlet", "language", "story", "agency", "entity"];

    private const string KeyField = "key";
    private const string IdField = "id";
    private const string PublishedField = "published";
    private const string PublishedSortField = "published_sort";
    private const string TitleStoredField = "title_stored";
    private const string TextStoredField = "text_stored";

    private static readonly HashSet<string> HitFieldsWithoutText = new(StringComparer.Ordinal)
    {
        IdField, TitleStoredField, PublishedField + "_stored", "language", "outlet", "story",
    };

    private readonly SearchIndexOptions _options;
    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _manager;
    private readonly Stopwatch _sinceRefresh = Stopwatch.StartNew();
    private readonly System.Threading.Lock _refreshLock = new();
    private volatile bool _dirty;
    private bool _disposed;

    /// <summary>Opens (or creates) the index in <paramref name="directory"/>; null keeps it in memory.</summary>
    public SearchIndex(string? directory = null, SearchIndexOptions? options = null)
    {
        _options = options ?? new SearchIndexOptions();
        _options.Validate();
        if (directory is null)
        {
            _directory = new RAMDirectory();
        }
        else
        {
            System.IO.Directory.CreateDirectory(directory);
            _directory = new IndexDirectory(new DirectoryInfo(directory));
        }

        _analyzer = SearchAnalyzers.Create();
        var config = new IndexWriterConfig(SearchAnalyzers.Version, _analyzer)
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = _options.RamBufferMegabytes,
        };
        _writer = new IndexWriter(_directory, config);
        _manager = new SearcherManager(_writer, true, new Bm25SearcherFactory());
    }

    /// <summary>Documents visible to searches (after the last refresh).</summary>
    public int Count
    {
        get
        {
            var searcher = _manager.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _manager.Release(searcher);
            }
        }
    }

    /// <summary>Adds the article, replacing any earlier version with the same id.</summary>
    public void Add(IndexedArticle item)
    {
        ArgumentNullException.ThrowIfNull(item);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writer.UpdateDocument(new Term(KeyField, Key(item.Id)), ToDocument(item));
        _dirty = true;
    }

    public void AddRange(IEnumerable<IndexedArticle> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            Add(item);
        }
    }

    public void Delete(long id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writer.DeleteDocuments(new Term(KeyField, Key(id)));
        _dirty = true;
    }

    /// <summary>Drops everything and indexes <paramref name="items"/> afresh (e.g. from the store).</summary>
    public int Rebuild(IEnumerable<IndexedArticle> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writer.DeleteAll();
        var count = 0;
        foreach (var item in items)
        {
            Add(item);
            count++;
        }

        Commit();
        return count;
    }

    /// <summary>Makes every added article durable on disk.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _writer.Commit();
        Refresh();
    }

    /// <summary>Makes every added article visible to the next search now.</summary>
    public void Refresh()
    {
        _dirty = false;
        _manager.MaybeRefreshBlocking();
        lock (_refreshLock)
        {
            _sinceRefresh.Restart();
        }
    }

    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (query.Offset < 0)
        {
            throw new SearchQueryException("offset must not be negative");
        }

        if (query.Limit < 0 || query.Limit > _options.MaxPageSize)
        {
            throw new SearchQueryException($"limit must be between 0 and {_options.MaxPageSize}");
        }

        MaybeRefresh();
        var text = query.Text?.Trim() ?? string.Empty;
        if (text.Length > _options.MaxQueryLength)
        {
            throw new SearchQueryException($"the query is longer than {_options.MaxQueryLength} characters");
        }

        var searcher = _manager.Acquire();
        try
        {
            var textQuery = text.Length == 0 ? null : ParseText(text);
            var full = BuildQuery(textQuery, query);
            var wanted = (int)Math.Min((long)query.Offset + query.Limit, int.MaxValue);
            var window = Math.Max(1, Math.Min(wanted, Math.Max(1, searcher.IndexReader.MaxDoc)));
            // In-order collectors: an out-of-order disjunction (BooleanScorer) allocates a table of 2,048 buckets per
            // segment per search (~100 KB each, 2 MB a search on 16 segments); the in-order scorer allocates none.
            ITopDocsCollector top = textQuery is null || query.Sort == SearchSort.Newest
                ? TopFieldCollector.Create(NewestFirst, window, false, false, false, true)
                : TopScoreDocCollector.Create(window, true);
            var facets = new FacetCollector(query.WithFacets ? FacetFields : [], _options.MaxFacetHits, textQuery is null ? int.MaxValue : _options.FacetSampleSize);
            try
            {
                searcher.Search(full, query.WithFacets ? MultiCollector.Wrap(top, facets) : top);
            }
            catch (BooleanQuery.TooManyClausesException e)
            {
                throw new SearchQueryException("the query expands to too many terms; use fewer wildcards", e);
            }

            var topDocs = top.GetTopDocs(Math.Min(query.Offset, window), query.Limit);
            var terms = textQuery is null || !query.WithSnippets ? new HashSet<string>(StringComparer.Ordinal) : QueryTerms(textQuery, searcher);
            var hits = new List<SearchHit>(topDocs.ScoreDocs.Length);
            if (query.Offset < window)
            {
                foreach (var scoreDoc in topDocs.ScoreDocs)
                {
                    // The stored text is by far the largest field: read only when a snippet is made from it.
                    var doc = query.WithSnippets ? searcher.Doc(scoreDoc.Doc) : searcher.Doc(scoreDoc.Doc, HitFieldsWithoutText);
                    hits.Add(ToHit(doc, scoreDoc.Score, terms, query.WithSnippets));
                }
            }

            var facetCounts = facets.Result(Math.Clamp(query.FacetValues ?? _options.MaxFacetValues, 1, 10_000));
            return new SearchResults(top.TotalHits, hits, facetCounts, facets.Truncated, facets.Sampled);
        }
        finally
        {
            _manager.Release(searcher);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _manager.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private static readonly Sort NewestFirst = new(new SortField(PublishedSortField, SortFieldType.INT64, true), SortField.FIELD_DOC);

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private void MaybeRefresh()
    {
        if (!_dirty)
        {
            return;
        }

        lock (_refreshLock)
        {
            if (_sinceRefresh.Elapsed < _options.RefreshInterval)
            {
                return;
            }

            _sinceRefresh.Restart();
        }

        _dirty = false;
        _manager.MaybeRefresh();
    }

    private Query ParseText(string text)
    {
        var parser = new MultiFieldQueryParser(SearchAnalyzers.Version, SearchAnalyzers.SearchFields, _analyzer, SearchAnalyzers.Boosts)
        {
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
        };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException e)
        {
            throw new SearchQueryException("the query could not be read; check quotes, brackets and operators", e);
        }
        catch (BooleanQuery.TooManyClausesException e)
        {
            throw new SearchQueryException("the query has too many terms", e);
        }
    }

    private static Query BuildQuery(Query? textQuery, SearchQuery query)
    {
        var filters = new BooleanQuery();
        AddExact(filters, "outlet", query.Outlet);
        AddExact(filters, "language", query.Language);
        AddExact(filters, "story", query.Story);
        AddExact(filters, "agency", query.Agency);
        AddExact(filters, "entity", query.Entity);
        if (query.From is not null || query.To is not null)
        {
            long? from = query.From?.ToUnixTimeMilliseconds();
            long? to = query.To?.ToUnixTimeMilliseconds();
            filters.Add(NumericRangeQuery.NewInt64Range(PublishedField, from, to, true, true), Occur.MUST);
        }

        var main = textQuery ?? new MatchAllDocsQuery();
        return filters.Clauses.Count == 0 ? main : new FilteredQuery(main, new QueryWrapperFilter(filters));
    }

    private static void AddExact(BooleanQuery filters, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            filters.Add(new TermQuery(new Term(field, value)), Occur.MUST);
        }
    }

    private static HashSet<string> QueryTerms(Query query, IndexSearcher searcher)
    {
        var terms = new HashSet<Term>();
        try
        {
            searcher.Rewrite(query).ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            // Some rewritten queries (e.g. constant-score wildcards) do not list their terms; the snippet then shows no marks.
        }

        return terms.Select(t => t.Field + "\u0000" + t.Text).ToHashSet(StringComparer.Ordinal);
    }

    private SearchHit ToHit(Document doc, float score, HashSet<string> terms, bool withSnippet)
    {
        var language = doc.Get("language", CultureInfo.InvariantCulture);
        var title = doc.Get(TitleStoredField, CultureInfo.InvariantCulture);
        var suffix = SearchAnalyzers.Suffix(language);
        var titleHtml = Snippets.Highlight(_analyzer, "title_" + suffix, title ?? string.Empty, terms, int.MaxValue);
        var snippetHtml = withSnippet
            ? Snippets.Highlight(_analyzer, "text_" + suffix, doc.Get(TextStoredField, CultureInfo.InvariantCulture) ?? string.Empty, terms, _options.SnippetLength)
            : string.Empty;
        var publishedField = doc.GetField(PublishedField + "_stored");
        DateTimeOffset? published = publishedField?.GetInt64Value() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        return new SearchHit(
            doc.GetField(IdField).GetInt64Value() ?? 0,
            float.IsNaN(score) ? 0 : score,
            title,
            titleHtml,
            snippetHtml,
            doc.Get("outlet", CultureInfo.InvariantCulture),
            language,
            published,
            doc.Get("story", CultureInfo.InvariantCulture));
    }

    private static Document ToDocument(IndexedArticle item)
    {
        var article = item.Article;
        var suffix = SearchAnalyzers.Suffix(article.Language);
        var doc = new Document
        {
            new StringField(KeyField, Key(item.Id), Field.Store.NO),
            new StoredField(IdField, item.Id),
            new TextField("title_" + suffix, article.Title ?? string.Empty, Field.Store.NO),
            new TextField("text_" + suffix, article.Text, Field.Store.NO),
            new StoredField(TitleStoredField, article.Title ?? string.Empty),
            new StoredField(TextStoredField, article.Text),
        };
        var published = article.Published?.ToUnixTimeMilliseconds();
        doc.Add(new Int64Field(PublishedField, published ?? long.MinValue, Field.Store.NO));
        doc.Add(new NumericDocValuesField(PublishedSortField, published ?? long.MinValue));
        if (published is long ms)
        {
            doc.Add(new StoredField(PublishedField + "_stored", ms));
        }

        AddKeyword(doc, "outlet", article.Outlet);
        AddKeyword(doc, "language", article.Language);
        AddKeyword(doc, "story", item.StoryId);
        foreach (var agency in article.Citations.Select(c => c.Agency).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField("agency", agency, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField("agency", new BytesRef(agency)));
        }

        foreach (var entity in article.Entities.Select(e => e.Canonical).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField("entity", entity, Field.Store.NO));
            doc.Add(new SortedSetDocValuesField("entity", new BytesRef(entity)));
        }

        return doc;
    }

    private static void AddKeyword(Document doc, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            doc.Add(new StringField(field, value, Field.Store.YES));
            doc.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}

/// <summary>
/// The index's files, read with positional reads. Not FSDirectory.Open's MMapDirectory: in this Lucene.Net version
/// every clone of a memory-mapped input is tracked in a ConditionalWeakTable, and its memory-mapped reads are slow
/// under concurrent searches. Stored fields are read with a 32 KB buffer: a hit's stored text is decompressed from
/// 16 KB chunks, which the default 1 KB buffer reads in sixteen system calls.
/// </summary>
internal sealed class IndexDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    private const int StoredFieldsBufferBytes = 32 * 1024;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var input = base.OpenInput(name, context);
        if (name.EndsWith(".fdt", StringComparison.Ordinal) && input is BufferedIndexInput buffered)
        {
            buffered.SetBufferSize(StoredFieldsBufferBytes);
        }

        return input;
    }
}
