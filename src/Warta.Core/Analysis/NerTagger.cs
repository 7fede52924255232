using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Warta.Language;

namespace Warta.Analysis;

/// <summary>
/// Named-entity tagger over BIO tags for PER, ORG and LOC: an averaged perceptron decoded greedily left to
/// right (each decision sees the two previous tags), with hashed features of the word, its shape, affixes, its
/// neighbours and its capitalisation. Trained by <c>tools/Warta.Train</c> (see Resources/ner/README.md); the
/// bundled model loads once, lazily.
/// </summary>
public sealed class NerTagger
{
    public static readonly string[] Tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

    private const int TagCount = 7;
    private const int Window = 2;

    private static readonly Lazy<NerTagger> Bundled = new(() =>
    {
        using var stream = typeof(NerTagger).Assembly.GetManifestResourceStream("Warta.Resources.ner/id-ner.bin.gz")
            ?? throw new InvalidOperationException("The bundled NER model (Resources/ner/id-ner.bin.gz) is missing.");
        return Load(stream);
    });

    // Weights are stored 8 to a row (7 tags and a zero) so a row adds to the scores in one vector operation.
    private const int Stride = 8;

    private readonly ulong[] _keys;
    private readonly float[] _weights;
    private readonly UInt64Index _index;
    private readonly Vector256<float>[] _fixedScores;

    /// <summary>
    /// A model of <paramref name="keys"/>[k] → <paramref name="weights"/>[k * 7 .. k * 7 + 7]. Decoding keeps the
    /// weights in the index's slot order, so a lookup touches the key's slot and then its weights, nothing else.
    /// </summary>
    private NerTagger(ulong[] keys, float[] weights)
    {
        _keys = keys;
        _index = new UInt64Index(keys);
        _weights = new float[_index.Capacity * Stride];
        for (var k = 0; k < keys.Length; k++)
            weights.AsSpan(k * TagCount, TagCount).CopyTo(_weights.AsSpan(_index.FindSlot(keys[k]) * Stride));
        _fixedScores = new Vector256<float>[64];
        Span<ulong> features = stackalloc ulong[Features.Count];
        for (var previous = -1; previous < TagCount; previous++)
        {
            for (var previous2 = -1; previous2 < TagCount; previous2++)
            {
                Features.Extract(new ulong[Features.PerToken], 1, 0, previous, previous2, features);
                _fixedScores[((previous + 1) * 8) + previous2 + 1] = Score(features[..1]) + Score(features[Features.PreviousTags..(Features.PreviousTags + 2)]);
            }
        }
    }

    public static NerTagger CreateDefault() => Bundled.Value;

    public int FeatureCount => _keys.Length;

    /// <summary>One BIO tag per token ("O", "B-PER", "I-LOC", …).</summary>
    public string[] Tag(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var tags = new int[tokens.Count];
        Tag(new StringWords(tokens), tags);
        var result = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
            result[i] = Tags[tags[i]];
        return result;
    }

    /// <summary>Tag ids (indices into <see cref="Tags"/>) for the tokens of one sentence, written to <paramref name="tags"/>.</summary>
    internal void Tag(ReadOnlySpan<Token> tokens, Span<int> tags) => Tag(new TokenWords(tokens), tags);

    private void Tag<TWords>(TWords words, Span<int> tags)
        where TWords : IWords, allows ref struct
    {
        var count = words.Count;
        var hashes = ArrayPool<ulong>.Shared.Rent(Math.Max(1, count * Features.PerToken));
        try
        {
            // A token's hashes are computed when a scored token first needs them (most tokens are never scored).
            var ready = -1;
            Span<ulong> features = stackalloc ulong[Features.Count];
            for (var i = 0; i < count; i++)
            {
                tags[i] = 0;
                var word = words[i];
                // Outside an entity, a token that does not start with a capital (a lowercase word, a number, a
                // mark) does not start one in the training data's conventions; skipping it is most of the tagger's
                // speed and costs nothing measurable (NER-UI dev 83.3 scoring numbers too, 83.5 skipping them).
                if ((i == 0 || tags[i - 1] == 0) && word.Length > 0 && !char.IsUpper(word[0]))
                    continue;
                for (var j = Math.Max(ready + 1, i - Window); j <= Math.Min(count - 1, i + Window); j++)
                    Features.Prepare(words[j], hashes.AsSpan(j * Features.PerToken, Features.PerToken));
                ready = Math.Max(ready, Math.Min(count - 1, i + Window));
                var previous = i > 0 ? tags[i - 1] : -1;
                var previous2 = i > 1 ? tags[i - 2] : -1;
                Features.Extract(hashes, count, i, previous, previous2, features);
                // The bias and the previous-tags features take one of 64 values: their sums are precomputed.
                var scores = _fixedScores[((previous + 1) * 8) + previous2 + 1] + Score(features[1..Features.PreviousTags])
                    + Score(features[(Features.PreviousTags + 2)..]);
                tags[i] = Best(scores, i > 0 ? tags[i - 1] : 0);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
        }
    }

    private Vector256<float> Score(ReadOnlySpan<ulong> features)
    {
        var scores = Vector256<float>.Zero;
        ref var weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        foreach (var f in features)
        {
            var slot = _index.FindSlot(f);
            if (slot >= 0)
                scores += Vector256.LoadUnsafe(ref weights, (nuint)slot * Stride);
        }

        return scores;
    }

    /// <summary>The words of a sentence, whatever holds them.</summary>
    private interface IWords
    {
        int Count { get; }

        ReadOnlySpan<char> this[int index] { get; }
    }

    private readonly struct StringWords(IReadOnlyList<string> tokens) : IWords
    {
        public int Count => tokens.Count;

        public ReadOnlySpan<char> this[int index] => tokens[index];
    }

    private readonly ref struct TokenWords(ReadOnlySpan<Token> tokens) : IWords
    {
        private readonly ReadOnlySpan<Token> _tokens = tokens;

        public int Count => _tokens.Length;

        public ReadOnlySpan<char> this[int index] => _tokens[index].Text;
    }

    /// <summary>The highest-scoring tag that keeps BIO valid: I-X only after B-X or I-X.</summary>
    internal static int Best(Vector256<float> scores, int previous)
    {
        var best = 0;
        for (var t = 1; t < TagCount; t++)
        {
            if (t % 2 == 0 && previous != t && previous != t - 1)
                continue;
            if (scores[t] > scores[best])
                best = t;
        }

        return best;
    }

    /// <summary>Trains an averaged perceptron on sentences of (token, tag) pairs; tags outside <see cref="Tags"/> count as "O".</summary>
    public static NerTagger Train(IReadOnlyList<(string[] Tokens, string[] Tags)> sentences, int epochs, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var rows = new Dictionary<ulong, int>();
        var weights = new List<float>();
        var totals = new List<double>();
        var stamps = new List<int>();
        var step = 0;
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var random = new Random(17);
        Span<ulong> features = stackalloc ulong[Features.Count];
        Span<float> scores = stackalloc float[Stride];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var errors = 0;
            var count = 0;
            foreach (var s in order)
            {
                var (tokens, gold) = sentences[s];
                var goldIds = gold.Select(g => Math.Max(0, Array.IndexOf(Tags, g))).ToArray();
                var predicted = new int[tokens.Length];
                var hashes = new ulong[tokens.Length * Features.PerToken];
                for (var i = 0; i < tokens.Length; i++)
                    Features.Prepare(tokens[i], hashes.AsSpan(i * Features.PerToken, Features.PerToken));
                for (var i = 0; i < tokens.Length; i++)
                {
                    step++;
                    // Training conditions on the tags predicted so far, as decoding does.
                    Features.Extract(hashes, tokens.Length, i, i > 0 ? predicted[i - 1] : -1, i > 1 ? predicted[i - 2] : -1, features);
                    scores.Clear();
                    foreach (var f in features)
                    {
                        if (rows.TryGetValue(f, out var row))
                        {
                            for (var t = 0; t < TagCount; t++)
                                scores[t] += weights[(row * TagCount) + t];
                        }
                    }

                    var guess = Best(Vector256.Create<float>(scores), i > 0 ? predicted[i - 1] : 0);
                    count++;
                    if (guess != goldIds[i])
                    {
                        errors++;
                        foreach (var f in features)
                        {
                            if (!rows.TryGetValue(f, out var row))
                            {
                                row = rows.Count;
                                rows[f] = row;
                                for (var t = 0; t < TagCount; t++)
                                {
                                    weights.Add(0);
                                    totals.Add(0);
                                    stamps.Add(0);
                                }
                            }

                            Update(row * TagCount + goldIds[i], 1);
                            Update(row * TagCount + guess, -1);
                        }
                    }

                    predicted[i] = guess;
                }
            }

            log?.Invoke(FormattableString.Invariant($"epoch {epoch + 1}: token error {(double)errors / count:P2}, {rows.Count} features"));
        }

        var averaged = new float[weights.Count];
        for (var k = 0; k < weights.Count; k++)
            averaged[k] = (float)((totals[k] + ((step - stamps[k]) * (double)weights[k])) / step);
        var keys = new ulong[rows.Count];
        foreach (var (key, row) in rows)
            keys[row] = key;
        return new NerTagger(keys, averaged);

        void Update(int k, float delta)
        {
            totals[k] += (step - stamps[k]) * (double)weights[k];
            stamps[k] = step;
            weights[k] += delta;
        }
    }

    /// <summary>Writes the model, dropping features whose averaged weights are all below <paramref name="minWeight"/>.</summary>
    public void Save(Stream stream, float minWeight)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        var kept = Enumerable.Range(0, _keys.Length)
            .Where(row => Enumerable.Range(0, TagCount).Any(t => Math.Abs(Weight(row, t)) >= minWeight))
            .OrderBy(row => _keys[row]).ToList();
        writer.Write(kept.Count);
        foreach (var row in kept)
        {
            writer.Write(_keys[row]);
            for (var t = 0; t < TagCount; t++)
                writer.Write((Half)Weight(row, t));
        }
    }

    private float Weight(int row, int tag) => _weights[(_index.FindSlot(_keys[row]) * Stride) + tag];

    public static NerTagger Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        var count = reader.ReadInt32();
        if (count is < 0 or > 50_000_000)
            throw new InvalidDataException("The NER model's feature count is out of range.");
        var keys = new ulong[count];
        var weights = new float[count * TagCount];
        for (var i = 0; i < count; i++)
        {
            keys[i] = reader.ReadUInt64();
            for (var t = 0; t < TagCount; t++)
                weights[(i * TagCount) + t] = (float)reader.ReadHalf();
        }

        return new NerTagger(keys, weights);
    }

    /// <summary>
    /// Hashed feature templates. Each token's word, lowercase form, shape and affixes are hashed once per sentence
    /// (<see cref="Prepare"/>); a feature is a template id mixed with those hashes, so extraction allocates nothing.
    /// </summary>
    internal static class Features
    {
        private const ulong Offset = 14695981039346656037;
        private const ulong Prime = 1099511628211;
        private static readonly ulong Start = Hash("<s>", lower: false);
        private static readonly ulong End = Hash("</s>", lower: false);

        /// <summary>Hashes per token: word, lowercase, shape, prefix3, suffix3, suffix2.</summary>
        public const int PerToken = 6;

        /// <summary>Features per decision.</summary>
        public const int Count = 21;

        /// <summary>
        /// Where <see cref="Extract"/> writes the two features of the previous tags alone; the bias is first. Neither
        /// depends on the words, so decoding adds their precomputed sums instead of looking them up.
        /// </summary>
        public const int PreviousTags = 15;

        /// <summary>
        /// Writes a word's <see cref="PerToken"/> hashes to <paramref name="h"/>. One pass over the word hashes it as
        /// written, in lowercase (whose state after three characters is the prefix's hash) and by shape; the suffixes
        /// are hashed apart, from their own start.
        /// </summary>
        public static void Prepare(ReadOnlySpan<char> word, Span<ulong> h)
        {
            var exact = Offset;
            var lower = Offset;
            var prefix = Offset;
            var shape = Offset;
            var last = '\0';
            var runs = 0;
            for (var k = 0; k < word.Length; k++)
            {
                var c = word[k];
                exact = (exact ^ c) * Prime;
                lower = (lower ^ CaseFolding.ToLower(c)) * Prime;
                if (k == 2)
                    prefix = lower;
                // Runs of one class collapse, and the shape keeps 8 of them at most.
                var s = ShapeClass(c);
                if (s != last && runs <= MaxShapeRuns && runs++ < MaxShapeRuns)
                {
                    last = s;
                    shape = (shape ^ s) * Prime;
                }
            }

            h[0] = exact;
            h[1] = lower;
            h[2] = shape;
            h[3] = word.Length < 3 ? lower : prefix;
            h[4] = Hash(word[^Math.Min(word.Length, 3)..], lower: true);
            h[5] = Hash(word[^Math.Min(word.Length, 2)..], lower: true);
        }

        /// <summary>Writes the <see cref="Count"/> features of token <paramref name="i"/> to <paramref name="output"/>.</summary>
        public static void Extract(ReadOnlySpan<ulong> h, int count, int i, int previous, int previous2, Span<ulong> output)
        {
            var k = i * PerToken;
            var o = 0;
            output[o++] = Mix(0, 0);
            output[o++] = Mix(1, h[k + 1]);
            output[o++] = Mix(2, h[k + 2]);
            output[o++] = Mix(3, h[k + 3]);
            output[o++] = Mix(4, h[k + 4]);
            output[o++] = Mix(5, h[k + 5]);
            output[o++] = Mix(6, h[k]);
            for (var d = -Window; d <= Window; d++)
            {
                if (d == 0)
                    continue;
                var j = i + d;
                var lower = j < 0 ? Start : j >= count ? End : h[(j * PerToken) + 1];
                var shape = j < 0 ? Start : j >= count ? End : h[(j * PerToken) + 2];
                output[o++] = Mix((ulong)(10 + d + Window), lower);
                output[o++] = Mix((ulong)(20 + d + Window), shape);
            }

            output[o++] = Mix(30, (ulong)(previous + 2));
            output[o++] = Mix(31, (ulong)(((previous + 2) * 16) + previous2 + 2));
            output[o++] = Mix(Mix(32, h[k + 1]), (ulong)(previous + 2));
            var left = i > 0 ? h[((i - 1) * PerToken) + 1] : Start;
            output[o++] = Mix(Mix(33, left), h[k + 1]);
            var right = i + 1 < count ? h[((i + 1) * PerToken) + 1] : End;
            output[o++] = Mix(Mix(35, h[k + 1]), right);
            var leftShape = i > 0 ? h[((i - 1) * PerToken) + 2] : Start;
            output[o] = Mix(Mix(37, leftShape), h[k + 2]);
        }

        private const int MaxShapeRuns = 8;

        /// <summary>A character's class in a word's shape: X for capitals, x for lowercase, d for digits, else itself.</summary>
        private static char ShapeClass(char c) => char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;

        private static ulong Hash(ReadOnlySpan<char> text, bool lower)
        {
            var h = Offset;
            foreach (var c in text)
            {
                var folded = lower ? CaseFolding.ToLower(c) : c;
                h = (h ^ folded) * Prime;
            }
            return h;
        }

        private static ulong Mix(ulong a, ulong b)
        {
            var x = (a * 0x9E3779B97F4A7C15) ^ b;
            x ^= x >> 31;
            x *= 0xBF58476D1CE4E5B9;
            return x ^ (x >> 29);
        }
    }
}
