using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Warta.Model;

namespace Warta.Extraction;

/// <summary>
/// Finds a block of paragraphs printed twice in one document — also when the copies are split into paragraphs
/// differently or differ by a few words — and keeps the most complete copy. Candidates come from shared word
/// 4-gram fingerprints (linear in the text); only candidate blocks are aligned word by word (LCS), with the
/// alignment capped, so a long text never costs quadratic time.
/// </summary>
internal static class RepeatCollapser
{
    private const int ShingleSize = 4;

    // Bounds: fingerprints look at a paragraph's first 400 words and at most 2,000 paragraphs; an alignment
    // covers at most 1,500 × 1,500 words after the common head and tail are trimmed.
    private const int MaxTokensPerParagraph = 400;
    private const int MaxParagraphs = 2000;
    private const int MaxAlignTokens = 1500;
    private const int MaxPostings = 4;

    // A block is a repeat when the word-level LCS covers 80% of the longer copy; seed 000's copies, which differ
    // by one word and by paragraph breaks, score 0.98, while distinct paragraphs that share a phrase stay far below.
    private const double MinSimilarity = 0.8;
    private const int MinBlockTokens = 8;
    private const int MaxDifferences = 20;

    internal sealed record Result(bool[] Dropped, IReadOnlyList<CollapsedRepeat> Repeats);

    public static Result Collapse(IReadOnlyList<string> paragraphs)
    {
        var n = Math.Min(paragraphs.Count, MaxParagraphs);
        var dropped = new bool[paragraphs.Count];
        if (n < 2)
            return new Result(dropped, []);

        var partners = Partners(paragraphs, n);
        if (partners is null)
            return new Result(dropped, []);

        // Word lists only for paragraphs a candidate block takes in.
        var tokens = new List<ReadOnlyMemory<char>>?[n];
        List<ReadOnlyMemory<char>> Words(int k) => tokens[k] ??= Tokenize(paragraphs[k]);

        var repeats = new List<CollapsedRepeat>();
        var used = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (used[i] || partners[i] is not { Count: > 0 } mine)
                continue;
            var c = int.MaxValue;
            foreach (var p in mine)
            {
                if (p > i && !used[p])
                    c = Math.Min(c, p);
            }
            if (c == int.MaxValue)
                continue;

            // The first copy runs from i while each paragraph has a partner at or after c; the second copy starts
            // at c and takes partners of the first while it is no longer than the first plus a third (copies split
            // differently still cover the same words).
            var a = i;
            var partnersOfFirst = new HashSet<int>();
            for (var k = i; k < c; k++)
            {
                var later = partners[k]?.Where(p => p >= c && !used[p]).ToList();
                if (later is not { Count: > 0 })
                    break;
                a = k;
                partnersOfFirst.UnionWith(later);
            }
            var firstLength = 0;
            for (var k = i; k <= a; k++)
                firstLength += Words(k).Count;
            var bStart = c;
            var bEnd = c;
            var secondLength = Words(c).Count;
            while (bEnd + 1 < n && partnersOfFirst.Contains(bEnd + 1) && !used[bEnd + 1] &&
                   secondLength + Words(bEnd + 1).Count <= firstLength + firstLength / 3)
            {
                bEnd++;
                secondLength += Words(bEnd).Count;
            }
            if (bStart <= a)
                continue;

            var first = Concat(Words, i, a);
            var second = Concat(Words, bStart, bEnd);
            if (Math.Max(first.Count, second.Count) < MinBlockTokens)
                continue;
            var diff = Align(first, second);
            if (diff is null || diff.Similarity < MinSimilarity)
                continue;

            var keepSecond = second.Count > first.Count;
            var (keptFrom, keptTo, dropFrom, dropTo) = keepSecond ? (bStart, bEnd, i, a) : (i, a, bStart, bEnd);
            for (var k = dropFrom; k <= dropTo; k++)
                dropped[k] = true;
            for (var k = i; k <= a; k++)
                used[k] = true;
            for (var k = bStart; k <= bEnd; k++)
                used[k] = true;
            repeats.Add(new CollapsedRepeat(
                Join(paragraphs, keptFrom, keptTo),
                Join(paragraphs, dropFrom, dropTo),
                Differences(diff, keepSecond, keptTo - keptFrom + 1, dropTo - dropFrom + 1)));
        }
        return new Result(dropped, repeats);
    }

    /// <summary>
    /// The paragraphs each paragraph shares fingerprints with: at least two distinct word 4-grams and half of the
    /// smaller paragraph's. A fingerprint pairs a paragraph with the first <see cref="MaxPostings"/> paragraphs
    /// holding it. Null when no fingerprint is in two paragraphs, as in most articles. One pass over an
    /// open-addressing table counts each paragraph's distinct fingerprints and marks those two paragraphs hold; only
    /// the marked ones are then sorted as (hash, paragraph), so that case allocates nothing per fingerprint and a
    /// page sorts only its few shared phrases.
    /// </summary>
    private static List<int>?[]? Partners(IReadOnlyList<string> paragraphs, int n)
    {
        var total = 0;
        for (var i = 0; i < n; i++)
            total += Math.Max(0, Math.Min(paragraphs[i].Length / 2 + 1, MaxTokensPerParagraph) - ShingleSize + 1);
        var all = ArrayPool<long>.Shared.Rent(Math.Max(1, total));
        var slots = ArrayPool<int>.Shared.Rent(Math.Max(1, total));
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, total * 2));
        var keys = ArrayPool<int>.Shared.Rent(capacity);
        var holder = ArrayPool<int>.Shared.Rent(capacity);
        try
        {
            var count = 0;
            Span<int> hashes = stackalloc int[MaxTokensPerParagraph];
            for (var i = 0; i < n; i++)
            {
                var words = WordHashes(paragraphs[i], hashes);
                for (var k = 0; k + ShingleSize <= words; k++)
                    all[count++] = ((long)HashCode.Combine(hashes[k], hashes[k + 1], hashes[k + 2], hashes[k + 3]) << 32) | (uint)i;
            }

            // holder: 0 for an empty slot, else the last paragraph holding the fingerprint plus one, negated once a
            // second paragraph holds it. Paragraphs come in order, so a repeat within one paragraph is seen as such.
            var distinct = new int[n];
            var shared = 0;
            var mask = capacity - 1;
            var shift = 32 - BitOperations.Log2((uint)capacity);
            Array.Clear(holder, 0, capacity);
            for (var k = 0; k < count; k++)
            {
                var hash = (int)(all[k] >> 32);
                var paragraph = (int)(uint)all[k] + 1;
                var slot = (int)(((uint)hash * 0x9E3779B1u) >> shift);
                while (holder[slot] != 0 && keys[slot] != hash)
                    slot = (slot + 1) & mask;
                slots[k] = slot;
                var held = holder[slot];
                if (held == 0)
                {
                    keys[slot] = hash;
                    holder[slot] = paragraph;
                    distinct[paragraph - 1]++;
                }
                else if (Math.Abs(held) != paragraph)
                {
                    shared += held > 0 ? 1 : 0;
                    holder[slot] = -paragraph;
                    distinct[paragraph - 1]++;
                }
            }
            if (shared == 0)
                return null;

            // The fingerprints two or more paragraphs hold, sorted and without repeats within a paragraph.
            var kept = 0;
            for (var k = 0; k < count; k++)
            {
                if (holder[slots[k]] < 0)
                    all[kept++] = all[k];
            }
            var fingerprints = all.AsSpan(0, kept);
            fingerprints.Sort();
            var unique = 0;
            for (var k = 0; k < fingerprints.Length; k++)
            {
                if (unique == 0 || fingerprints[k] != fingerprints[unique - 1])
                    fingerprints[unique++] = fingerprints[k];
            }

            var pairs = new Dictionary<(int, int), int>();
            for (var g = 0; g < unique;)
            {
                var end = g + 1;
                while (end < unique && fingerprints[end] >> 32 == fingerprints[g] >> 32)
                    end++;
                for (var m = g + 1; m < end; m++)
                {
                    for (var k = g; k < Math.Min(m, g + MaxPostings); k++)
                        CollectionsMarshal.GetValueRefOrAddDefault(pairs, ((int)(uint)fingerprints[k], (int)(uint)fingerprints[m]), out _)++;
                }
                g = end;
            }

            var partners = new List<int>?[n];
            foreach (var ((i, j), shares) in pairs)
            {
                // An edge when the pair shares at least two 4-grams and half of the smaller paragraph's.
                if (shares < 2 || shares * 2 < Math.Min(distinct[i], distinct[j]))
                    continue;
                (partners[i] ??= []).Add(j);
                (partners[j] ??= []).Add(i);
            }
            return partners;
        }
        finally
        {
            ArrayPool<long>.Shared.Return(all);
            ArrayPool<int>.Shared.Return(slots);
            ArrayPool<int>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(holder);
        }
    }

    /// <summary>
    /// Case-insensitive hashes of the first words of <paramref name="text"/> (as <see cref="Tokenize"/> finds them)
    /// into <paramref name="hashes"/>; returns how many. Words equal under <see cref="Same"/> hash equal: an ASCII
    /// word by its ASCII upper case, any other by the runtime's ordinal case-insensitive hash (no character outside
    /// ASCII equals an ASCII one ignoring case; a test checks it).
    /// </summary>
    private static int WordHashes(string text, Span<int> hashes)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < hashes.Length)
        {
            var ch = text[i];
            var upper = WordUpper(ch);
            if (upper == 0)
            {
                i++;
                continue;
            }
            var start = i;
            var hash = 2166136261u;
            var ascii = true;
            while (true)
            {
                ascii &= ch < 128;
                hash = (hash ^ upper) * 16777619;
                if (++i == text.Length)
                    break;
                ch = text[i];
                upper = WordUpper(ch);
                if (upper == 0)
                    break;
            }
            hashes[count++] = ascii ? (int)hash : string.GetHashCode(text.AsSpan(start, i - start), StringComparison.OrdinalIgnoreCase);
        }
        return count;
    }

    // What a character adds to a word's hash: an ASCII letter its upper case, any other letter or digit itself; 0 for
    // a character that is not part of a word.
    private static uint WordUpper(char ch) => ch < 128 ? AsciiWordUpper[ch] : char.IsLetterOrDigit(ch) ? ch : 0u;

    // For each ASCII character: its upper case when it is a letter or digit, else 0 (not part of a word).
    private static readonly uint[] AsciiWordUpper =
        [.. Enumerable.Range(0, 128).Select(c => char.IsAsciiLetterOrDigit((char)c) ? char.ToUpperInvariant((char)c) : 0u)];

    /// <summary>The words of a text (letter and digit runs) as slices of it, at most the first 400.</summary>
    internal static List<ReadOnlyMemory<char>> Tokenize(string text) =>
        WordSpan.Find(text, MaxTokensPerParagraph).ConvertAll(w => text.AsMemory(w.Start, w.Length));

    private static List<ReadOnlyMemory<char>> Concat(Func<int, List<ReadOnlyMemory<char>>> words, int from, int to)
    {
        var all = new List<ReadOnlyMemory<char>>();
        for (var k = from; k <= to; k++)
            all.AddRange(words(k));
        return all;
    }

    private static string Join(IReadOnlyList<string> paragraphs, int from, int to)
    {
        var sb = new StringBuilder();
        for (var k = from; k <= to; k++)
        {
            if (sb.Length > 0)
                sb.Append("\n\n");
            sb.Append(paragraphs[k]);
        }
        return sb.ToString();
    }

    /// <summary>A word-level alignment: runs present in only one copy, and the share of the longer copy matched.</summary>
    internal sealed record Alignment(double Similarity, IReadOnlyList<(bool InFirst, string Words)> Gaps);

    internal static Alignment? Align(List<ReadOnlyMemory<char>> a, List<ReadOnlyMemory<char>> b)
    {
        var head = 0;
        while (head < a.Count && head < b.Count && Same(a[head], b[head]))
            head++;
        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && Same(a[^(tail + 1)], b[^(tail + 1)]))
            tail++;
        var n = a.Count - head - tail;
        var m = b.Count - head - tail;
        if (n > MaxAlignTokens || m > MaxAlignTokens)
            return null;

        // LCS table over the differing middle only.
        var table = new ushort[(n + 1) * (m + 1)];
        var w = m + 1;
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                table[i * w + j] = Same(a[head + i], b[head + j])
                    ? (ushort)(table[(i + 1) * w + j + 1] + 1)
                    : Math.Max(table[(i + 1) * w + j], table[i * w + j + 1]);
            }
        }
        var common = head + tail + table[0];
        var gaps = new List<(bool, string)>();
        var run = new StringBuilder();
        bool? runInFirst = null;
        void Flush()
        {
            if (runInFirst is { } inFirst && run.Length > 0)
                gaps.Add((inFirst, run.ToString()));
            run.Clear();
            runInFirst = null;
        }
        void Push(bool inFirst, ReadOnlyMemory<char> word)
        {
            if (runInFirst != inFirst)
                Flush();
            runInFirst = inFirst;
            if (run.Length > 0)
                run.Append(' ');
            run.Append(word.Span);
        }
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && Same(a[head + x], b[head + y]))
            {
                Flush();
                x++;
                y++;
            }
            else if (y >= m || (x < n && table[(x + 1) * w + y] >= table[x * w + y + 1]))
            {
                Push(true, a[head + x++]);
            }
            else
            {
                Push(false, b[head + y++]);
            }
        }
        Flush();
        return new Alignment((double)common / Math.Max(1, Math.Max(a.Count, b.Count)), gaps);
    }

    private static bool Same(ReadOnlyMemory<char> x, ReadOnlyMemory<char> y) => x.Span.Equals(y.Span, StringComparison.OrdinalIgnoreCase);

    private static List<string> Differences(Alignment diff, bool keptIsSecond, int keptParagraphs, int droppedParagraphs)
    {
        var result = new List<string>();
        foreach (var (inFirst, words) in diff.Gaps)
        {
            if (result.Count == MaxDifferences)
            {
                result.Add("further differences not listed");
                break;
            }
            var inKept = inFirst != keptIsSecond;
            var noun = words.Contains(' ', StringComparison.Ordinal) ? "words" : "word";
            result.Add($"{noun} '{words}' present only in the {(inKept ? "kept" : "dropped")} copy");
        }
        if (keptParagraphs != droppedParagraphs)
            result.Add($"split into {keptParagraphs} paragraph(s) in the kept copy and {droppedParagraphs} in the dropped copy");
        return result;
    }
}
