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

        var tokens = new List<string>[n];
        var shingles = new HashSet<int>[n];
        for (var i = 0; i < n; i++)
        {
            tokens[i] = Tokenize(paragraphs[i]);
            shingles[i] = Shingles(tokens[i]);
        }

        var partners = Partners(shingles);
        if (partners is null)
            return new Result(dropped, []);

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
                firstLength += tokens[k].Count;
            var bStart = c;
            var bEnd = c;
            var secondLength = tokens[c].Count;
            while (bEnd + 1 < n && partnersOfFirst.Contains(bEnd + 1) && !used[bEnd + 1] &&
                   secondLength + tokens[bEnd + 1].Count <= firstLength + firstLength / 3)
            {
                bEnd++;
                secondLength += tokens[bEnd].Count;
            }
            if (bStart <= a)
                continue;

            var first = Concat(tokens, i, a);
            var second = Concat(tokens, bStart, bEnd);
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

    private static List<int>?[]? Partners(HashSet<int>[] shingles)
    {
        var n = shingles.Length;
        var postings = new Dictionary<int, List<int>>();
        var shared = new Dictionary<(int, int), int>();
        for (var j = 0; j < n; j++)
        {
            foreach (var s in shingles[j])
            {
                if (postings.TryGetValue(s, out var list))
                {
                    foreach (var i in list)
                        shared[(i, j)] = shared.GetValueOrDefault((i, j)) + 1;
                    if (list.Count < MaxPostings)
                        list.Add(j);
                }
                else
                {
                    postings[s] = [j];
                }
            }
        }
        if (shared.Count == 0)
            return null;
        var partners = new List<int>?[n];
        foreach (var ((i, j), count) in shared)
        {
            // An edge when the pair shares at least two 4-grams and half of the smaller paragraph's.
            if (count < 2 || count * 2 < Math.Min(shingles[i].Count, shingles[j].Count))
                continue;
            (partners[i] ??= []).Add(j);
            (partners[j] ??= []).Add(i);
        }
        return partners;
    }

    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var word = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (word && start < 0)
            {
                start = i;
            }
            else if (!word && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
                if (tokens.Count == MaxTokensPerParagraph)
                    break;
            }
        }
        return tokens;
    }

    private static HashSet<int> Shingles(List<string> tokens)
    {
        var set = new HashSet<int>();
        if (tokens.Count < ShingleSize)
            return set;
        Span<int> hashes = tokens.Count <= 512 ? stackalloc int[tokens.Count] : new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
            hashes[i] = string.GetHashCode(tokens[i], StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i + ShingleSize <= tokens.Count; i++)
            set.Add(HashCode.Combine(hashes[i], hashes[i + 1], hashes[i + 2], hashes[i + 3]));
        return set;
    }

    private static List<string> Concat(List<string>[] tokens, int from, int to)
    {
        var all = new List<string>();
        for (var k = from; k <= to; k++)
            all.AddRange(tokens[k]);
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

    internal static Alignment? Align(List<string> a, List<string> b)
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
        void Push(bool inFirst, string word)
        {
            if (runInFirst != inFirst)
                Flush();
            runInFirst = inFirst;
            if (run.Length > 0)
                run.Append(' ');
            run.Append(word);
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

    private static bool Same(string x, string y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);

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
