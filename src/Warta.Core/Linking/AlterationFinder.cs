using System.Globalization;
using Warta.Model;

namespace Warta.Linking;

/// <summary>Kinds of <see cref="Alteration"/>.</summary>
public static class AlterationKind
{
    public const string SentenceRemoved = "sentence-removed";
    public const string SentenceAdded = "sentence-added";
    public const string SentenceChanged = "sentence-changed";
    public const string NameChanged = "name-changed";
    public const string NameRemoved = "name-removed";
    public const string NameAdded = "name-added";
    public const string NumberChanged = "number-changed";
    public const string NumberRemoved = "number-removed";
    public const string NumberAdded = "number-added";
    public const string QuoteChanged = "quote-changed";
    public const string QuoteRemoved = "quote-removed";
}

/// <summary>
/// One difference between a copy and its origin, with both versions: <see cref="Original"/> as the origin has it
/// and <see cref="Altered"/> as the copy has it (null when absent), plus the origin sentence for context.
/// </summary>
public sealed record Alteration(string Kind, string? Original, string? Altered, string? Context);

/// <summary>Options for <see cref="AlterationFinder"/>.</summary>
public sealed class AlterationOptions
{
    /// <summary>Word Jaccard from which two sentences are taken as versions of each other.</summary>
    public double SentenceMatchThreshold { get; init; } = 0.5;

    /// <summary>
    /// Lower word Jaccard accepted in a second pass, for a sentence whose neighbours are already aligned with the
    /// neighbours of the copy's sentence: a short sentence with a name and a number replaced falls below
    /// <see cref="SentenceMatchThreshold"/> yet sits exactly where its version does.
    /// </summary>
    public double NeighbourMatchThreshold { get; init; } = 0.2;

    /// <summary>Sentences compared per side; longer texts are aligned on their first sentences only.</summary>
    public int MaxSentences { get; init; } = 2_000;

    public void Validate()
    {
        if (SentenceMatchThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SentenceMatchThreshold), SentenceMatchThreshold, "must be in (0, 1]");
        }

        if (NeighbourMatchThreshold <= 0 || NeighbourMatchThreshold > SentenceMatchThreshold)
        {
            throw new ArgumentOutOfRangeException(nameof(NeighbourMatchThreshold), NeighbourMatchThreshold, "must be in (0, SentenceMatchThreshold]");
        }

        if (MaxSentences < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSentences), MaxSentences, "must be positive");
        }
    }
}

/// <summary>
/// Aligns a copy with its origin sentence by sentence, diffs aligned sentences word by word, and reports removed,
/// added and changed sentences and, above all, names, numbers and quotes that changed or vanished. Names are
/// capitalised tokens not at a sentence start, plus the article's entities when the analyser filled them.
/// </summary>
public sealed class AlterationFinder(AlterationOptions? options = null)
{
    private readonly AlterationOptions _options = Validated(options ?? new AlterationOptions());

    public IReadOnlyList<Alteration> Find(Article origin, Article copy)
    {
        var findings = Find(origin.Text, copy.Text);
        if (origin.Entities.Count == 0)
        {
            return findings;
        }

        // Entities the analyser found in the origin that the copy lacks entirely, not already reported as names.
        var copyText = copy.Text;
        var reported = new HashSet<string>(findings.Select(f => f.Original ?? string.Empty), StringComparer.Ordinal);
        var extra = origin.Entities
            .Select(e => e.Text)
            .Distinct(StringComparer.Ordinal)
            .Where(e => !copyText.Contains(e, StringComparison.Ordinal) && !reported.Contains(e))
            .Select(e => new Alteration(AlterationKind.NameRemoved, e, null, null));
        return [.. findings, .. extra];
    }

    public IReadOnlyList<Alteration> Find(string originText, string copyText)
    {
        var origin = TextTokens.Sentences(originText).Take(_options.MaxSentences).ToList();
        var copy = TextTokens.Sentences(copyText).Take(_options.MaxSentences).ToList();
        var originWords = origin.Select(s => new HashSet<string>(TextTokens.Words(s), StringComparer.Ordinal)).ToList();
        var copyWords = copy.Select(s => new HashSet<string>(TextTokens.Words(s), StringComparer.Ordinal)).ToList();

        // Greedy best-first matching over candidate pairs sharing words: copies reorder paragraphs, so alignment is
        // not forced to be monotonic.
        var pairs = new List<(double Score, int O, int C)>();
        var weakPairs = new List<(double Score, int O, int C)>();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var c = 0; c < copyWords.Count; c++)
        {
            foreach (var w in copyWords[c])
            {
                if (!postings.TryGetValue(w, out var list))
                {
                    postings[w] = list = [];
                }

                list.Add(c);
            }
        }

        for (var o = 0; o < originWords.Count; o++)
        {
            var shared = new Dictionary<int, int>();
            foreach (var w in originWords[o])
            {
                if (postings.TryGetValue(w, out var list) && list.Count <= 200)
                {
                    foreach (var c in list)
                    {
                        shared[c] = shared.GetValueOrDefault(c) + 1;
                    }
                }
            }

            foreach (var (c, count) in shared)
            {
                var score = (double)count / (originWords[o].Count + copyWords[c].Count - count);
                if (score >= _options.SentenceMatchThreshold)
                {
                    pairs.Add((score, o, c));
                }
                else if (score >= _options.NeighbourMatchThreshold)
                {
                    weakPairs.Add((score, o, c));
                }
            }
        }

        pairs.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.O != b.O ? a.O.CompareTo(b.O) : a.C.CompareTo(b.C));
        var originMatch = new int[origin.Count];
        var copyMatched = new bool[copy.Count];
        Array.Fill(originMatch, -1);
        foreach (var (_, o, c) in pairs)
        {
            if (originMatch[o] < 0 && !copyMatched[c])
            {
                originMatch[o] = c;
                copyMatched[c] = true;
            }
        }

        // Second pass: weaker pairs whose neighbours are aligned with each other (o−1 ↔ c−1 or o+1 ↔ c+1).
        weakPairs.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.O != b.O ? a.O.CompareTo(b.O) : a.C.CompareTo(b.C));
        foreach (var (_, o, c) in weakPairs)
        {
            var neighbours = (o > 0 && c > 0 && originMatch[o - 1] == c - 1) || (o + 1 < origin.Count && c + 1 < copy.Count && originMatch[o + 1] == c + 1);
            if (originMatch[o] < 0 && !copyMatched[c] && neighbours)
            {
                originMatch[o] = c;
                copyMatched[c] = true;
            }
        }

        // A sentence left between two aligned neighbours faces the copy's sentence between their partners, however
        // little they share ("4." → "439.", a list number; "(Uu." → "(Mantan.").
        for (var o = 1; o + 1 < origin.Count; o++)
        {
            if (originMatch[o] < 0 && originMatch[o - 1] >= 0 && originMatch[o + 1] == originMatch[o - 1] + 2 && !copyMatched[originMatch[o - 1] + 1])
            {
                originMatch[o] = originMatch[o - 1] + 1;
                copyMatched[originMatch[o]] = true;
            }
        }

        var joined = new string?[origin.Count];
        PairSubstitutions(origin, copy, originMatch, copyMatched, joined);

        // One sentence may be two in the other text when an edit moves a full stop ("Gatot S. Dewa Broto …" became
        // "Gatot Rossi." + "Dewa Broto …"): an unmatched copy sentence beside a partner joins it when that fits better.
        for (var o = 0; o < origin.Count; o++)
        {
            if (originMatch[o] < 0 || joined[o] is not null)
            {
                continue;
            }

            var c = originMatch[o];
            var (text, words) = (copy[c], copyWords[c]);
            foreach (var side in (ReadOnlySpan<int>)[-1, 1])
            {
                var n = c + side;
                if (n < 0 || n >= copy.Count || copyMatched[n])
                {
                    continue;
                }

                var candidate = side < 0 ? copy[n] + " " + text : text + " " + copy[n];
                var candidateWords = new HashSet<string>(TextTokens.Words(candidate), StringComparer.Ordinal);
                if (Jaccard(originWords[o], candidateWords) > Jaccard(originWords[o], words))
                {
                    copyMatched[n] = true;
                    (text, words) = (candidate, candidateWords);
                    joined[o] = candidate;
                }
            }
        }

        var findings = new List<Alteration>();
        for (var o = 0; o < origin.Count; o++)
        {
            if (originMatch[o] < 0)
            {
                findings.Add(new Alteration(AlterationKind.SentenceRemoved, origin[o], null, origin[o]));
                foreach (var quote in Quotes(origin[o]))
                {
                    if (!copyText.Contains(quote, StringComparison.Ordinal))
                    {
                        findings.Add(new Alteration(AlterationKind.QuoteRemoved, quote, null, origin[o]));
                    }
                }

                continue;
            }

            var altered = joined[o] ?? copy[originMatch[o]];
            if (!string.Equals(TextTokens.Normalise(origin[o]), TextTokens.Normalise(altered), StringComparison.Ordinal))
            {
                findings.Add(new Alteration(AlterationKind.SentenceChanged, origin[o], altered, origin[o]));
                findings.AddRange(WordChanges(origin[o], altered));
                findings.AddRange(QuoteChanges(origin[o], altered));
            }
        }

        for (var c = 0; c < copy.Count; c++)
        {
            if (!copyMatched[c])
            {
                findings.Add(new Alteration(AlterationKind.SentenceAdded, null, copy[c], null));
            }
        }

        findings.AddRange(VanishedNames(originText, copyText, findings));
        return findings;
    }

    /// <summary>
    /// Pairs sentences still unmatched after alignment when one is the other with a single name or number replaced
    /// ("photos (173)" → "photos (559)", "THIRD QUARTER" → "Hibu QUARTER", "4" → "110"): short lines share too few
    /// words for the Jaccard passes, and reordered paragraphs leave them no aligned neighbours. Identical sentences
    /// (moved) pair first. The copy's side may carry a few extra words away from the change (an attribution put in
    /// front) or be two sentences when the edit added a full stop. Only pairs that are each other's sole candidate
    /// are taken (repeated identical sentences counting as one), so a list of bare numbers is never paired by guess.
    /// </summary>
    private static void PairSubstitutions(List<string> origin, List<string> copy, int[] originMatch, bool[] copyMatched, string?[] joined)
    {
        var originLeft = Enumerable.Range(0, origin.Count).Where(o => originMatch[o] < 0).ToList();
        var copyLeft = Enumerable.Range(0, copy.Count).Where(c => !copyMatched[c]).ToList();
        if (originLeft.Count == 0 || copyLeft.Count == 0 || (long)originLeft.Count * copyLeft.Count > MaxResidualPairs)
        {
            return;
        }

        var moved = copyLeft.GroupBy(c => TextTokens.Normalise(copy[c]), StringComparer.Ordinal).ToDictionary(g => g.Key, g => new Queue<int>(g), StringComparer.Ordinal);
        foreach (var o in originLeft)
        {
            if (moved.TryGetValue(TextTokens.Normalise(origin[o]), out var queue) && queue.TryDequeue(out var c))
            {
                originMatch[o] = c;
                copyMatched[c] = true;
            }
        }

        var copyTokens = copyLeft.Where(c => !copyMatched[c]).ToDictionary(c => c, c => TextTokens.RawWords(copy[c]).Select(t => t.Text).ToList());
        var candidates = new List<(int O, int C, int Span)>();
        foreach (var o in originLeft.Where(o => originMatch[o] < 0))
        {
            var a = TextTokens.RawWords(origin[o]).Select(t => t.Text).ToList();
            if (a.Count is 0 or > MaxResidualWords)
            {
                continue;
            }

            var found = candidates.Count;
            foreach (var (c, tokens) in copyTokens)
            {
                if (OneSubstitution(a, tokens))
                {
                    candidates.Add((o, c, 1));
                }
            }

            // Two adjacent copy sentences only when no single one fits, and then with no extra words at all.
            foreach (var (c, tokens) in found == candidates.Count ? copyTokens : [])
            {
                if (copyTokens.TryGetValue(c + 1, out var next) && tokens.Count + next.Count == a.Count && OneSubstitution(a, [.. tokens, .. next]))
                {
                    candidates.Add((o, c, 2));
                }
            }
        }

        // Sentences with the same text count as one candidate: two "Ric" lines facing two "Project" lines pair in
        // order, whichever way they pair the findings are the same.
        string OriginKey(int o) => TextTokens.Normalise(origin[o]);
        string CopyKey(int c, int span) => span == 1 ? TextTokens.Normalise(copy[c]) : "\u0001" + c.ToString(CultureInfo.InvariantCulture);
        var perOrigin = candidates.GroupBy(p => p.O).ToDictionary(g => g.Key, g => g.Select(p => CopyKey(p.C, p.Span)).Distinct(StringComparer.Ordinal).Count());
        var perCopy = candidates.SelectMany(p => (p.Span == 1 ? [p.C] : new[] { p.C, p.C + 1 }).Select(c => (C: c, Origin: OriginKey(p.O))))
            .GroupBy(p => p.C).ToDictionary(g => g.Key, g => g.Select(p => p.Origin).Distinct(StringComparer.Ordinal).Count());
        foreach (var (o, c, span) in candidates)
        {
            if (perOrigin[o] == 1 && perCopy[c] == 1 && (span == 1 || perCopy[c + 1] == 1)
                && originMatch[o] < 0 && !copyMatched[c] && (span == 1 || !copyMatched[c + 1]))
            {
                originMatch[o] = c;
                copyMatched[c] = true;
                if (span == 2)
                {
                    copyMatched[c + 1] = true;
                    joined[o] = copy[c] + " " + copy[c + 1];
                }
            }
        }
    }

    private const long MaxResidualPairs = 40_000;
    private const int MaxResidualWords = 40;
    private const int MaxExtraWords = 6;

    /// <summary>
    /// True when <paramref name="b"/> is <paramref name="a"/> with exactly one token replaced by one token of the same
    /// kind (both numbers or both capitalised), give or take up to <see cref="MaxExtraWords"/> added words elsewhere.
    /// </summary>
    private static bool OneSubstitution(List<string> a, List<string> b)
    {
        if (b.Count < a.Count || b.Count > a.Count + MaxExtraWords || b.Count > MaxResidualWords + MaxExtraWords)
        {
            return false;
        }

        var present = new HashSet<string>(b, StringComparer.Ordinal);
        if (a.Count(t => !present.Contains(t)) != 1)
        {
            return false;
        }

        var lcs = CommonSuffixLengths(a, b);

        if (lcs[0, 0] != a.Count - 1)
        {
            return false;
        }

        // Walk the alignment gap by gap: the gap holding the one removed token must hold exactly one added token.
        int x = 0, y = 0, gapRemoved = 0, gapAdded = 0;
        string? removed = null, added = null, lastAdded = null;
        var fits = false;
        while (x <= a.Count && y <= b.Count)
        {
            var end = x == a.Count && y == b.Count;
            if (end || (x < a.Count && y < b.Count && string.Equals(a[x], b[y], StringComparison.Ordinal)))
            {
                if (gapRemoved > 0)
                {
                    fits = gapRemoved == 1 && gapAdded == 1;
                    added = lastAdded;
                }

                if (end)
                {
                    break;
                }

                (gapRemoved, gapAdded) = (0, 0);
                x++;
                y++;
            }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                lastAdded = b[y++];
                gapAdded++;
            }
            else
            {
                removed = a[x++];
                gapRemoved++;
            }
        }

        return fits && removed is not null && added is not null
            && ((TextTokens.IsNumber(removed) && TextTokens.IsNumber(added)) || (TextTokens.IsCapitalised(removed) && TextTokens.IsCapitalised(added)));
    }

    /// <summary>lcs[i, j]: the longest common subsequence of a[i..] and b[j..] (ordinal tokens).</summary>
    private static int[,] CommonSuffixLengths(List<string> a, List<string> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        return lcs;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        var shared = a.Count(b.Contains);
        var union = a.Count + b.Count - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>Word-level diff (LCS) of two aligned sentences, reporting changed, removed and added names and numbers.</summary>
    internal static IEnumerable<Alteration> WordChanges(string original, string altered)
    {
        var a = TextTokens.RawWords(original).Select(t => t.Text).ToList();
        var b = TextTokens.RawWords(altered).Select(t => t.Text).ToList();
        var lcs = CommonSuffixLengths(a, b);

        var findings = new List<Alteration>();
        var removed = new List<string>();
        var added = new List<string>();
        void Flush()
        {
            if (removed.Count > 0 || added.Count > 0)
            {
                findings.AddRange(Classify(removed, added, original));
            }

            removed.Clear();
            added.Clear();
        }

        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                Flush();
                x++;
                y++;
            }
            else if (y < b.Count && (x == a.Count || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                added.Add(b[y++]);
            }
            else
            {
                removed.Add(a[x++]);
            }
        }

        Flush();
        return findings;
    }

    private static IEnumerable<Alteration> Classify(List<string> removed, List<string> added, string context)
    {
        var numbers = Change(removed.Where(TextTokens.IsNumber).ToList(), added.Where(TextTokens.IsNumber).ToList(), context,
            AlterationKind.NumberChanged, AlterationKind.NumberRemoved, AlterationKind.NumberAdded);
        var names = Change(removed.Where(TextTokens.IsCapitalised).ToList(), added.Where(TextTokens.IsCapitalised).ToList(), context,
            AlterationKind.NameChanged, AlterationKind.NameRemoved, AlterationKind.NameAdded);
        return new[] { numbers, names }.OfType<Alteration>();
    }

    private static Alteration? Change(List<string> removed, List<string> added, string context, string changed, string gone, string fresh) =>
        (removed.Count, added.Count) switch
        {
            ( > 0, > 0) => new Alteration(changed, string.Join(' ', removed), string.Join(' ', added), context),
            ( > 0, 0) => new Alteration(gone, string.Join(' ', removed), null, context),
            (0, > 0) => new Alteration(fresh, null, string.Join(' ', added), context),
            _ => null,
        };

    private static IEnumerable<Alteration> QuoteChanges(string original, string altered)
    {
        foreach (var quote in Quotes(original))
        {
            if (altered.Contains(quote, StringComparison.Ordinal))
            {
                continue;
            }

            var best = Quotes(altered)
                .OrderByDescending(q => Fingerprint.Intersect(WordHashes(q), WordHashes(quote)))
                .FirstOrDefault();
            yield return best is null
                ? new Alteration(AlterationKind.QuoteRemoved, quote, null, original)
                : new Alteration(AlterationKind.QuoteChanged, quote, best, original);
        }
    }

    private static ulong[] WordHashes(string text)
    {
        var hashes = TextTokens.Words(text).Select(w => System.IO.Hashing.XxHash64.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(w))).Distinct().ToArray();
        Array.Sort(hashes);
        return hashes;
    }

    /// <summary>Quoted spans ("…", “…”) of at least three words.</summary>
    internal static IEnumerable<string> Quotes(string sentence)
    {
        var open = -1;
        var closer = '\0';
        for (var i = 0; i < sentence.Length; i++)
        {
            var ch = sentence[i];
            if (open < 0 && ch is '"' or '“')
            {
                open = i;
                closer = ch == '“' ? '”' : '"';
            }
            else if (open >= 0 && ch == closer)
            {
                var inner = sentence[(open + 1)..i].Trim();
                if (TextTokens.Words(inner, 3).Count >= 3)
                {
                    yield return inner;
                }

                open = -1;
            }
        }
    }

    /// <summary>Names of the origin missing from the whole copy and not already reported in a sentence diff.</summary>
    private static IEnumerable<Alteration> VanishedNames(string originText, string copyText, List<Alteration> findings)
    {
        var copyTokens = new HashSet<string>(TextTokens.RawWords(copyText).Select(t => t.Text), StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in findings.Where(f => f.Kind is AlterationKind.NameChanged or AlterationKind.NameRemoved or AlterationKind.NumberChanged or AlterationKind.NumberRemoved))
        {
            foreach (var token in (f.Original ?? string.Empty).Split(' '))
            {
                reported.Add(token);
            }
        }

        foreach (var sentence in TextTokens.Sentences(originText))
        {
            var tokens = TextTokens.RawWords(sentence);
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i].Text;
                var isName = TextTokens.IsCapitalised(token) && i > 0;
                var isNumber = TextTokens.IsNumber(token);
                if ((isName || isNumber) && !copyTokens.Contains(token) && reported.Add(token))
                {
                    yield return new Alteration(isName ? AlterationKind.NameRemoved : AlterationKind.NumberRemoved, token, null, sentence);
                }
            }
        }
    }

    private static AlterationOptions Validated(AlterationOptions options)
    {
        options.Validate();
        return options;
    }
}
