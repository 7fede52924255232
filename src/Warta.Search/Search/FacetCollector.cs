using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Warta.Search;

/// <summary>
/// Counts facet values over the hits from sorted-set doc values. Collecting only marks each hit in its segment; the
/// counting happens at the end, per segment by ordinal (no stored-field reads), merged by value. With more hits than
/// the sample size about one in k of them is counted (chosen by a hash of the hit's position) and the counts are scaled by k.
/// Stops marking after a bound so a match-all query on a huge index stays cheap.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<string> fields, int maxHits, int sampleSize = int.MaxValue) : ICollector
{
    // Count arrays go back to this pool all zero (only touched ordinals are reset), so renting one for a segment
    // with a million entity values costs nothing instead of clearing four megabytes per search.
    private static readonly ArrayPool<int> ZeroedCounts = ArrayPool<int>.Create(1 << 24, 32);

    private readonly List<(AtomicReader Reader, FixedBitSet Hits)> _segments = [];
    private FixedBitSet? _current;
    private int _seen;

    public bool Truncated { get; private set; }

    /// <summary>Whether the counts were scaled up from a sample of the hits.</summary>
    public bool Sampled { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        if (fields.Count == 0)
        {
            return;
        }

        _current = new FixedBitSet(context.AtomicReader.MaxDoc);
        _segments.Add((context.AtomicReader, _current));
    }

    public void Collect(int doc)
    {
        if (_current is null)
        {
            return;
        }

        if (_seen >= maxHits)
        {
            Truncated = true;
            return;
        }

        _seen++;
        _current.Set(doc);
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Result(int maxValues)
    {
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var field in SearchIndex.FacetFields)
        {
            result[field] = [];
        }

        var stride = _seen <= sampleSize ? 1 : (_seen + sampleSize - 1) / sampleSize;
        Sampled = stride > 1;
        for (var f = 0; f < fields.Count; f++)
        {
            var totals = Count(fields[f], stride);
            if (stride > 1)
            {
                foreach (var key in totals.Keys)
                {
                    totals[key] = Math.Min(_seen, totals[key] * stride);
                }
            }

            result[fields[f]] = Top(totals, maxValues);
        }

        return result;
    }

    /// <summary>One field's counts over every <paramref name="stride"/>-th marked hit, merged across segments by value.</summary>
    private Dictionary<string, int> Count(string field, int stride)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        var touched = new List<int>();
        var bytes = new BytesRef();
        var position = 0;
        foreach (var (reader, hits) in _segments)
        {
            var values = reader.GetSortedSetDocValues(field);
            if (values is null || values.ValueCount == 0)
            {
                position += hits.Cardinality;
                continue;
            }

            var size = checked((int)values.ValueCount);
            var counts = ZeroedCounts.Rent(size);
            var labels = SegmentLabels.For(reader, field, size);
            for (var doc = hits.NextSetBit(0); doc >= 0; doc = doc + 1 < hits.Length ? hits.NextSetBit(doc + 1) : -1)
            {
                if (stride > 1 && Mix((ulong)position++) % (ulong)stride != 0)
                {
                    continue;
                }

                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                {
                    if (counts[ord]++ == 0)
                    {
                        touched.Add((int)ord);
                    }
                }
            }

            foreach (var ord in touched)
            {
                var label = labels[ord];
                if (label is null)
                {
                    values.LookupOrd(ord, bytes);
                    label = bytes.Utf8ToString();
                    labels[ord] = label;
                }

                CollectionsMarshal.GetValueRefOrAddDefault(totals, label, out _) += counts[ord];
                counts[ord] = 0;
            }

            touched.Clear();
            ZeroedCounts.Return(counts);
        }

        return totals;
    }

    /// <summary>
    /// SplitMix64's finaliser: hits are sampled by a hash of their position, not every k-th one, so outlets ingested
    /// in turn (one in four from each) are not missed or doubled by a stride in step with them.
    /// </summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
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
