using System.IO.Compression;

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

    private readonly Dictionary<ulong, int> _rows;
    private readonly float[] _weights;

    private NerTagger(Dictionary<ulong, int> rows, float[] weights)
    {
        _rows = rows;
        _weights = weights;
    }

    public static NerTagger CreateDefault() => Bundled.Value;

    public int FeatureCount => _rows.Count;

    /// <summary>One BIO tag per token ("O", "B-PER", "I-LOC", …).</summary>
    public string[] Tag(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var tags = new int[tokens.Count];
        var features = new List<ulong>(32);
        var hashes = Features.Prepare(tokens);
        Span<float> scores = stackalloc float[TagCount];
        for (var i = 0; i < tokens.Count; i++)
        {
            // Outside an entity, a word that starts lowercase does not start one in the training data's
            // conventions; skipping it is most of the tagger's speed (NER-UI dev F1 unchanged within 0.3).
            if ((i == 0 || tags[i - 1] == 0) && tokens[i].Length > 0 && !char.IsUpper(tokens[i][0]) && !char.IsDigit(tokens[i][0]))
                continue;
            features.Clear();
            Features.Extract(hashes, tokens.Count, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, features);
            scores.Clear();
            foreach (var f in features)
            {
                if (!_rows.TryGetValue(f, out var row))
                    continue;
                var w = _weights.AsSpan(row * TagCount, TagCount);
                for (var t = 0; t < TagCount; t++)
                    scores[t] += w[t];
            }

            tags[i] = Best(scores, i > 0 ? tags[i - 1] : 0);
        }

        return [.. tags.Select(t => Tags[t])];
    }

    /// <summary>The highest-scoring tag that keeps BIO valid: I-X only after B-X or I-X.</summary>
    internal static int Best(ReadOnlySpan<float> scores, int previous)
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
        var features = new List<ulong>(32);
        var scores = new float[TagCount];
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
                var hashes = Features.Prepare(tokens);
                for (var i = 0; i < tokens.Length; i++)
                {
                    step++;
                    features.Clear();
                    // Training conditions on the tags predicted so far, as decoding does.
                    Features.Extract(hashes, tokens.Length, i, i > 0 ? predicted[i - 1] : -1, i > 1 ? predicted[i - 2] : -1, features);
                    Array.Clear(scores);
                    foreach (var f in features)
                    {
                        if (rows.TryGetValue(f, out var row))
                        {
                            for (var t = 0; t < TagCount; t++)
                                scores[t] += weights[(row * TagCount) + t];
                        }
                    }

                    var guess = Best(scores, i > 0 ? predicted[i - 1] : 0);
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
        return new NerTagger(rows, averaged);

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
        var kept = _rows.Where(kv => Enumerable.Range(0, TagCount).Any(t => Math.Abs(_weights[(kv.Value * TagCount) + t]) >= minWeight)).OrderBy(kv => kv.Key).ToList();
        writer.Write(kept.Count);
        foreach (var (key, row) in kept)
        {
            writer.Write(key);
            for (var t = 0; t < TagCount; t++)
                writer.Write((Half)_weights[(row * TagCount) + t]);
        }
    }

    public static NerTagger Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gzip);
        var count = reader.ReadInt32();
        var rows = new Dictionary<ulong, int>(count);
        var weights = new float[count * TagCount];
        for (var i = 0; i < count; i++)
        {
            rows[reader.ReadUInt64()] = i;
            for (var t = 0; t < TagCount; t++)
                weights[(i * TagCount) + t] = (float)reader.ReadHalf();
        }

        return new NerTagger(rows, weights);
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

        /// <summary>Per-token hashes: [word, lowercase, shape, prefix3, suffix3, suffix2] for each token.</summary>
        public static ulong[] Prepare(IReadOnlyList<string> tokens)
        {
            var h = new ulong[tokens.Count * 6];
            for (var i = 0; i < tokens.Count; i++)
            {
                var word = tokens[i].AsSpan();
                var k = i * 6;
                h[k] = Hash(word, lower: false);
                h[k + 1] = Hash(word, lower: true);
                h[k + 2] = ShapeHash(word);
                var n = Math.Min(word.Length, 3);
                h[k + 3] = Hash(word[..n], lower: true);
                h[k + 4] = Hash(word[^n..], lower: true);
                h[k + 5] = Hash(word[^Math.Min(word.Length, 2)..], lower: true);
            }

            return h;
        }

        public static void Extract(ulong[] h, int count, int i, int previous, int previous2, List<ulong> output)
        {
            var k = i * 6;
            output.Add(Mix(0, 0));
            output.Add(Mix(1, h[k + 1]));
            output.Add(Mix(2, h[k + 2]));
            output.Add(Mix(3, h[k + 3]));
            output.Add(Mix(4, h[k + 4]));
            output.Add(Mix(5, h[k + 5]));
            output.Add(Mix(6, h[k]));
            for (var d = -Window; d <= Window; d++)
            {
                if (d == 0)
                    continue;
                var j = i + d;
                var lower = j < 0 ? Start : j >= count ? End : h[(j * 6) + 1];
                var shape = j < 0 ? Start : j >= count ? End : h[(j * 6) + 2];
                output.Add(Mix((ulong)(10 + d + Window), lower));
                output.Add(Mix((ulong)(20 + d + Window), shape));
            }

            output.Add(Mix(30, (ulong)(previous + 2)));
            output.Add(Mix(31, (ulong)(((previous + 2) * 16) + previous2 + 2)));
            output.Add(Mix(Mix(32, h[k + 1]), (ulong)(previous + 2)));
            var left = i > 0 ? h[((i - 1) * 6) + 1] : Start;
            output.Add(Mix(Mix(33, left), h[k + 1]));
            var right = i + 1 < count ? h[((i + 1) * 6) + 1] : End;
            output.Add(Mix(Mix(35, h[k + 1]), right));
            var leftShape = i > 0 ? h[((i - 1) * 6) + 2] : Start;
            output.Add(Mix(Mix(37, leftShape), h[k + 2]));
        }

        /// <summary>The hash of the word's shape: X for capitals, x for lowercase, d for digits, runs collapsed, 8 classes at most.</summary>
        private static ulong ShapeHash(ReadOnlySpan<char> word)
        {
            var h = Offset;
            var last = '\0';
            var n = 0;
            foreach (var c in word)
            {
                var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
                if (s == last)
                    continue;
                if (n++ == 8)
                    break;
                last = s;
                h = (h ^ s) * Prime;
            }

            return h;
        }

        private static ulong Hash(ReadOnlySpan<char> text, bool lower)
        {
            var h = Offset;
            foreach (var c in text)
                h = (h ^ (lower ? char.ToLowerInvariant(c) : c)) * Prime;
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
