using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    private readonly string?[]?[] _labels = new string?[fields.Count][];
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
                _labels[f] = SegmentLabels.For(context.AtomicReader, fields[f], size);
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
            result[fields[f]] = Top(_totals[f], maxValues);
        }

        return result;
    }

    /// <summary>The <paramref name="maxValues"/> most frequent values, ties by value, without sorting them all.</summary>
    private static FacetCount[] Top(Dictionary<string, int> totals, int maxValues)
    {
        var best = new PriorityQueue<FacetCount, FacetCount>(Math.Min(maxValues, totals.Count) + 1, WorstFirst.Instance);
        foreach (var (value, count) in totals)
        {
            var candidate = new FacetCount(value, count);
            if (best.Count < maxValues)
            {
                best.Enqueue(candidate, candidate);
            }
            else if (WorstFirst.Instance.Compare(candidate, best.Peek()) > 0)
            {
                best.EnqueueDequeue(candidate, candidate);
            }
        }

        var top = new FacetCount[best.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            top[i] = best.Dequeue();
        }

        return top;
    }

    private void Flush()
    {
        BytesRef? bytes = null;
        for (var f = 0; f < fields.Count; f++)
        {
            var values = _values[f];
            var counts = _segmentCounts[f];
            var labels = _labels[f];
            if (values is null || counts is null || labels is null)
            {
                continue;
            }

            foreach (var ord in _touched[f])
            {
                var label = labels[ord];
                if (label is null)
                {
                    bytes ??= new BytesRef();
                    values.LookupOrd(ord, bytes);
                    label = bytes.Utf8ToString();
                    labels[ord] = label;
                }

                CollectionsMarshal.GetValueRefOrAddDefault(_totals[f], label, out _) += counts[ord];
            }

            _touched[f].Clear();
            ArrayPool<int>.Shared.Return(counts);
            _values[f] = null;
            _segmentCounts[f] = null;
            _labels[f] = null;
        }
    }

    /// <summary>Orders the lower count first, then the later value, so the queue's head is the one to drop.</summary>
    private sealed class WorstFirst : IComparer<FacetCount>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(FacetCount? x, FacetCount? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var byCount = x.Count.CompareTo(y.Count);
            return byCount != 0 ? byCount : string.CompareOrdinal(y.Value, x.Value);
        }
    }

    /// <summary>
    /// A segment's facet values by ordinal, decoded once and kept while the segment lives: a segment never changes,
    /// so the same outlet or entity is not decoded again on every search that touches it.
    /// </summary>
    private static class SegmentLabels
    {
        private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, string?[]>> Cache = [];

        public static string?[] For(AtomicReader reader, string field, int valueCount)
        {
            var perField = Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, string?[]>(StringComparer.Ordinal));
            var labels = perField.GetOrAdd(field, _ => new string?[valueCount]);
            return labels.Length >= valueCount ? labels : perField[field] = new string?[valueCount];
        }
    }
}
