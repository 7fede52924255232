using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Warta.Search;

/// <summary>
/// Counts facet values over every hit from sorted-set doc values: per segment by ordinal (no stored-field reads), then
/// merged by value. Stops counting after a bound so a match-all query on a huge index stays cheap.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields, int maxHits) : ICollector
{
    private readonly Dictionary<string, int>[] _totals = [.. fields.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    private readonly SortedSetDocValues?[] _values = new SortedSetDocValues?[fields.Count];
    // Per segment and field: counts by ordinal in a pooled array, and the ordinals touched, so a field with a
    // million distinct values (entities) costs its hits, not its vocabulary, and allocates nothing per search.
    private readonly int[]?[] _segmentCounts = new int[fields.Count][];
    private readonly List<int>[] _touched = [.. fields.Select(_ => new List<int>())];
    private int _seen;

    public bool Truncated { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var f = 0; f < fields.Count; f++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(fields[f]);
            _values[f] = values;
            if (values is not null && values.ValueCount > 0)
            {
                var size = checked((int)values.ValueCount);
                var counts = ArrayPool<int>.Shared.Rent(size);
                Array.Clear(counts, 0, size);
                _segmentCounts[f] = counts;
            }
        }
    }

    public void Collect(int doc)
    {
        if (_seen >= maxHits)
        {
            Truncated = true;
            return;
        }

        _seen++;
        for (var f = 0; f < _values.Length; f++)
        {
            var values = _values[f];
            if (values is null)
            {
                continue;
            }

            var counts = _segmentCounts[f];
            if (counts is null)
            {
                continue;
            }

            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                if (counts[ord]++ == 0)
                {
                    _touched[f].Add((int)ord);
                }
            }
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Result(int maxValues)
    {
        Flush();
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var field in SearchIndex.FacetFields)
        {
            result[field] = [];
        }

        for (var f = 0; f < fields.Count; f++)
        {
            result[fields[f]] = [.. _totals[f]
                .OrderByDescending(p => p.Value)
                .ThenBy(p => p.Key, StringComparer.Ordinal)
                .Take(maxValues)
                .Select(p => new FacetCount(p.Key, p.Value))];
        }

        return result;
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var f = 0; f < fields.Count; f++)
        {
            var values = _values[f];
            var counts = _segmentCounts[f];
            if (values is null || counts is null)
            {
                continue;
            }

            foreach (var ord in _touched[f])
            {
                values.LookupOrd(ord, bytes);
                var key = bytes.Utf8ToString();
                _totals[f][key] = _totals[f].GetValueOrDefault(key) + counts[ord];
            }

            _touched[f].Clear();
            ArrayPool<int>.Shared.Return(counts);
            _values[f] = null;
            _segmentCounts[f] = null;
        }
    }
}
