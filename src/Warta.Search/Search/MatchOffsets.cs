using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Warta.Search;

/// <summary>
/// Where the query's terms occur in each hit, read from the postings: title and text fields are indexed with
/// character offsets, so a hit's matches are a seek per term and segment and a walk over its positions, as Lucene's
/// postings highlighter does. Re-analysing twenty hits' texts word by word for every search cost a fifth of a
/// search's CPU on the 100k-article load index. Offsets are exact for the index's own tokenization.
/// </summary>
internal static class MatchOffsets
{
    /// <summary>
    /// For each hit, the sorted spans of the query terms in the field <paramref name="fieldOf"/> names for it; null
    /// for a hit whose segment was indexed without offsets in that field (written before offsets were indexed), which
    /// the caller then scans.
    /// </summary>
    public static List<(int Start, int End)>?[] Find(IndexReader reader, IReadOnlyList<int> docs, Func<int, string> fieldOf, IReadOnlySet<string> terms)
    {
        var result = new List<(int Start, int End)>?[docs.Count];
        var order = Enumerable.Range(0, docs.Count).OrderBy(i => docs[i]).ToArray();
        var leaves = reader.Leaves;
        var from = 0;
        while (from < order.Length)
        {
            var leaf = leaves[ReaderUtil.SubIndex(docs[order[from]], leaves)];
            var to = from;
            while (to < order.Length && docs[order[to]] < leaf.DocBase + leaf.AtomicReader.MaxDoc)
            {
                to++;
            }

            var inLeaf = order[from..to];
            foreach (var field in inLeaf.Select(fieldOf).Distinct(StringComparer.Ordinal))
            {
                var info = leaf.AtomicReader.FieldInfos.FieldInfo(field);
                if (info is not null && info.IndexOptions < IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS)
                {
                    continue; // an older segment: scanned instead
                }

                var hitsOfField = inLeaf.Where(i => string.Equals(fieldOf(i), field, StringComparison.Ordinal)).ToArray();
                foreach (var hit in hitsOfField)
                {
                    result[hit] = [];
                }

                if (info is not null)
                {
                    Collect(leaf, field, hitsOfField, docs, terms, result);
                }
            }

            from = to;
        }

        foreach (var spans in result)
        {
            spans?.Sort();
        }

        return result;
    }

    private static void Collect(AtomicReaderContext leaf, string field, int[] hits, IReadOnlyList<int> docs, IReadOnlySet<string> terms, List<(int Start, int End)>?[] result)
    {
        var fieldTerms = leaf.AtomicReader.GetTerms(field);
        if (fieldTerms is null)
        {
            return;
        }

        var prefix = field + "\u0000";
        var termsEnum = fieldTerms.GetEnumerator();
        DocsAndPositionsEnum? positions = null;
        foreach (var term in terms)
        {
            if (!term.StartsWith(prefix, StringComparison.Ordinal) || !termsEnum.SeekExact(new BytesRef(term[prefix.Length..])))
            {
                continue;
            }

            positions = termsEnum.DocsAndPositions(null, positions, DocsAndPositionsFlags.OFFSETS);
            if (positions is null)
            {
                continue;
            }

            foreach (var hit in hits)
            {
                var local = docs[hit] - leaf.DocBase;
                var at = positions.DocID < local ? positions.Advance(local) : positions.DocID;
                if (at == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }

                if (at != local)
                {
                    continue;
                }

                for (var p = 0; p < positions.Freq; p++)
                {
                    positions.NextPosition();
                    if (positions.StartOffset >= 0 && positions.EndOffset > positions.StartOffset)
                    {
                        result[hit]!.Add((positions.StartOffset, positions.EndOffset));
                    }
                }
            }
        }
    }
}
