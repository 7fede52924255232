using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Codecs;
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
    private const string PublishedStoredField = PublishedField + "_stored";

    private readonly SearchIndexOptions _options;
    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _manager;
    private readonly Stopwatch _sinceRefresh = Stopwatch.StartNew();
    private readonly System.Threading.Lock _refreshLock = new();
    private volatile bool _dirty;
    private volatile bool _refreshing;
    private volatile bool _refreshFailed;
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
        WartaCodec.Register();
        var config = new IndexWriterConfig(SearchAnalyzers.Version, _analyzer)
        {
            Codec = Codec.ForName(WartaCodec.RegisteredName),
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = _options.RamBufferMegabytes,
            // Every segment costs each search term lookups, scorers and facet set-up: merging at five segments a tier
            // (Lucene's default is ten) and treating segments under 8 MB as 8 MB keeps fewer, larger segments while
            // articles trickle in (a refresh flushes a tiny segment every 250 ms), at the cost of more merge work.
            MergePolicy = new TieredMergePolicy { SegmentsPerTier = 5, MaxMergeAtOnce = 5, FloorSegmentMB = 8 },
            // A merged segment's facet ordinals are read before searches see it, on the merge thread, not by a search.
            MergedSegmentWarmer = new FacetWarmer(),
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
                var fields = new HitFields[topDocs.ScoreDocs.Length];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = new HitFields(query.WithSnippets);
                    searcher.Doc(topDocs.ScoreDocs[i].Doc, fields[i]);
                }

                List<(int Start, int End)>?[]? titleMarks = null, textMarks = null;
                if (terms.Count > 0)
                {
                    var docs = topDocs.ScoreDocs.Select(d => d.Doc).ToArray();
                    titleMarks = MatchOffsets.Find(searcher.IndexReader, docs, i => "title_" + SearchAnalyzers.Suffix(fields[i].Language), terms);
                    textMarks = MatchOffsets.Find(searcher.IndexReader, docs, i => "text_" + SearchAnalyzers.Suffix(fields[i].Language), terms);
                }

                for (var i = 0; i < fields.Length; i++)
                {
                    hits.Add(ToHit(fields[i], topDocs.ScoreDocs[i].Score, terms, query.WithSnippets, titleMarks?[i], textMarks?[i]));
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

    /// <summary>Analysed text whose postings keep each occurrence's character offsets, for <see cref="MatchOffsets"/>.</summary>
    private static readonly FieldType TextWithOffsets = CreateTextWithOffsets();

    private static FieldType CreateTextWithOffsets()
    {
        var type = new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS };
        type.Freeze();
        return type;
    }

    private static readonly Sort NewestFirst = new(new SortField(PublishedSortField, SortFieldType.INT64, true), SortField.FIELD_DOC);

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Makes added articles visible. A refresh flushes the writer's buffer into a new segment and reads its facet
    /// values, milliseconds of work that the search which happened to trigger it used to wait for (one search in a
    /// hundred under a steady feed: the 99th percentile). While articles stream in, the refresh now runs beside the
    /// searches, which go on with the current searcher; after a quiet spell (no refresh for twice the interval) the
    /// first search waits for it, so new articles show as soon as they are added.
    /// </summary>
    private void MaybeRefresh()
    {
        if (!_dirty)
        {
            return;
        }

        bool wait;
        lock (_refreshLock)
        {
            var elapsed = _sinceRefresh.Elapsed;
            if (elapsed < _options.RefreshInterval || _refreshing)
            {
                return;
            }

            wait = elapsed >= 2 * _options.RefreshInterval || _refreshFailed;
            _refreshFailed = false;
            _refreshing = !wait;
            _sinceRefresh.Restart();
        }

        _dirty = false;
        if (wait)
        {
            _manager.MaybeRefreshBlocking();
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(
            _ =>
            {
                try
                {
                    if (!_disposed)
                    {
                        _manager.MaybeRefreshBlocking();
                    }
                }
                catch (Exception) when (_disposed)
                {
                    // The index closed while the refresh ran: nothing left to show.
                }
                catch (Exception)
                {
                    // Not lost: the next search refreshes itself and meets the error (an I/O failure, say) in its request.
                    _refreshFailed = true;
                    _dirty = true;
                }
                finally
                {
                    _refreshing = false;
                }
            },
            null);
    }

    private Query ParseText(string text) => PlainQuery.TryBuild(_analyzer, text) ?? ParseClassic(_analyzer, text);

    /// <summary>The classic multi-field parser's reading of the query text: every word required, in any language's fields.</summary>
    internal static Query ParseClassic(Analyzer analyzer, string text)
    {
        var parser = new MultiFieldQueryParser(SearchAnalyzers.Version, SearchAnalyzers.SearchFields, analyzer, SearchAnalyzers.Boosts)
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

    private SearchHit ToHit(HitFields doc, float score, HashSet<string> terms, bool withSnippet, List<(int, int)>? titleMarks, List<(int, int)>? textMarks)
    {
        var suffix = SearchAnalyzers.Suffix(doc.Language);
        var titleHtml = Snippets.Highlight(_analyzer, "title_" + suffix, doc.Title ?? string.Empty, terms, int.MaxValue, titleMarks);
        var snippetHtml = string.Empty;
        if (withSnippet && doc.TextUtf8 is { } utf8)
        {
            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
            try
            {
                var length = Encoding.UTF8.GetChars(utf8, chars);
                snippetHtml = Snippets.Highlight(_analyzer, "text_" + suffix, chars.AsSpan(0, length), terms, _options.SnippetLength, textMarks);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
        else if (withSnippet)
        {
            snippetHtml = Snippets.Highlight(_analyzer, "text_" + suffix, doc.Text ?? string.Empty, terms, _options.SnippetLength, textMarks);
        }

        DateTimeOffset? published = doc.Published is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        return new SearchHit(doc.Id, float.IsNaN(score) ? 0 : score, doc.Title, titleHtml, snippetHtml, doc.Outlet, doc.Language, published, doc.Story);
    }

    /// <summary>
    /// A hit's stored fields read straight into properties: no Document, Field and FieldType objects per field, and
    /// the text (by far the largest field) skipped when no snippet is made from it.
    /// </summary>
    private sealed class HitFields(bool withText) : StoredFieldVisitor
    {
        public long Id { get; private set; }

        public string? Title { get; private set; }

        /// <summary>The text as segments written before it was stored as UTF-8 hold it.</summary>
        public string? Text { get; private set; }

        public byte[]? TextUtf8 { get; private set; }

        public long? Published { get; private set; }

        public string? Language { get; private set; }

        public string? Outlet { get; private set; }

        public string? Story { get; private set; }

        public override Status NeedsField(FieldInfo fieldInfo) => fieldInfo.Name switch
        {
            IdField or TitleStoredField or PublishedStoredField or "language" or "outlet" or "story" => Status.YES,
            TextStoredField => withText ? Status.YES : Status.NO,
            _ => Status.NO,
        };

        public override void StringField(FieldInfo fieldInfo, string value)
        {
            switch (fieldInfo.Name)
            {
                case TitleStoredField: Title = value; break;
                case TextStoredField: Text = value; break;
                case "language": Language = value; break;
                case "outlet": Outlet = value; break;
                case "story": Story = value; break;
            }
        }

        public override void BinaryField(FieldInfo fieldInfo, byte[] value)
        {
            if (fieldInfo.Name == TextStoredField)
            {
                TextUtf8 = value;
            }
        }

        public override void Int64Field(FieldInfo fieldInfo, long value)
        {
            switch (fieldInfo.Name)
            {
                case IdField: Id = value; break;
                case PublishedStoredField: Published = value; break;
            }
        }
    }

    private static Document ToDocument(IndexedArticle item)
    {
        var article = item.Article;
        var suffix = SearchAnalyzers.Suffix(article.Language);
        var doc = new Document
        {
            new StringField(KeyField, Key(item.Id), Field.Store.NO),
            new StoredField(IdField, item.Id),
            new Field("title_" + suffix, article.Title ?? string.Empty, TextWithOffsets),
            new Field("text_" + suffix, article.Text, TextWithOffsets),
            new StoredField(TitleStoredField, article.Title ?? string.Empty),
            // UTF-8 bytes, not a string field: a hit's text is decoded into a pooled buffer, not allocated twice (bytes, then string).
            new StoredField(TextStoredField, Encoding.UTF8.GetBytes(article.Text)),
        };
        var published = article.Published?.ToUnixTimeMilliseconds();
        doc.Add(new Int64Field(PublishedField, published ?? long.MinValue, Field.Store.NO));
        doc.Add(new NumericDocValuesField(PublishedSortField, published ?? long.MinValue));
        if (published is long ms)
        {
            doc.Add(new StoredField(PublishedStoredField, ms));
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
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            // Segments flushed since the last searcher are small; merged ones were warmed by FacetWarmer already.
            foreach (var leaf in reader.Leaves)
            {
                FacetCollector.SegmentOrdinals.Warm(leaf.AtomicReader);
            }

            return new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        }
    }

    private sealed class FacetWarmer : IndexWriter.IndexReaderWarmer
    {
        public override void Warm(AtomicReader reader) => FacetCollector.SegmentOrdinals.Warm(reader);
    }
}
