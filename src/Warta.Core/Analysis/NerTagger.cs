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
        Span<float> scores = stackalloc float[TagCount];
        for (var i = 0; i < tokens.Count; i++)
        {
            features.Clear();
            Features.Extract(tokens, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, features);
            scores.Clear();
            foreach (var f in features)
            {
                if (!_rows.TryGetValue(f, out var row))
                    continue;
                for (var t = 0; t < TagCount; t++)
                    scores[t] += _weights[(row * TagCount) + t];
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
                for (var i = 0; i < tokens.Length; i++)
                {
                    step++;
                    features.Clear();
                    // Training conditions on the tags predicted so far, as decoding does.
                    Features.Extract(tokens, i, i > 0 ? predicted[i - 1] : -1, i > 1 ? predicted[i - 2] : -1, features);
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

    /// <summary>Hashed feature templates; a template id is mixed into each hash so templates never collide by value.</summary>
    internal static class Features
    {
        private const ulong Offset = 14695981039346656037;
        private const ulong Prime = 1099511628211;

        public static void Extract(IReadOnlyList<string> tokens, int i, int previous, int previous2, List<ulong> output)
        {
            var word = tokens[i];
            output.Add(Hash(0, ""));
            output.Add(HashLower(1, word));
            output.Add(Hash(2, Shape(word)));
            var lowerLength = Math.Min(word.Length, 3);
            output.Add(HashLower(3, word.AsSpan(0, lowerLength)));
            output.Add(HashLower(4, word.AsSpan(word.Length - lowerLength)));
            output.Add(HashLower(5, word.AsSpan(word.Length - Math.Min(word.Length, 2))));
            output.Add(Hash(6, word));
            for (var d = -Window; d <= Window; d++)
            {
                if (d == 0)
                    continue;
                var j = i + d;
                var neighbour = j < 0 ? "<s>" : j >= tokens.Count ? "</s>" : tokens[j];
                output.Add(HashLower((ulong)(10 + d + Window), neighbour));
                output.Add(Hash((ulong)(20 + d + Window), Shape(neighbour)));
            }

            output.Add(Hash(30, Tags[previous < 0 ? 0 : previous] + (previous < 0 ? "^" : "")));
            output.Add(Hash(31, (previous < 0 ? "^" : Tags[previous]) + "|" + (previous2 < 0 ? "^" : Tags[previous2])));
            output.Add(Mix(HashLower(32, word), (ulong)(previous + 2)));
            var left = i > 0 ? tokens[i - 1] : "<s>";
            output.Add(Mix(HashLower(33, left), HashLower(34, word)));
            var right = i + 1 < tokens.Count ? tokens[i + 1] : "</s>";
            output.Add(Mix(HashLower(35, word), HashLower(36, right)));
            output.Add(Mix(Hash(37, Shape(left)), Hash(38, Shape(word))));
        }

        /// <summary>The word's shape: X for capitals, x for lowercase, d for digits, runs collapsed ("Xx-Xx", "XX", "d.d").</summary>
        public static string Shape(string word)
        {
            Span<char> buffer = stackalloc char[8];
            var n = 0;
            foreach (var c in word)
            {
                var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
                if (n > 0 && buffer[n - 1] == s)
                    continue;
                if (n == buffer.Length)
                    break;
                buffer[n++] = s;
            }

            return new string(buffer[..n]);
        }

        private static ulong Hash(ulong template, ReadOnlySpan<char> text)
        {
            var h = (Offset ^ template) * Prime;
            foreach (var c in text)
                h = (h ^ c) * Prime;
            return h;
        }

        private static ulong HashLower(ulong template, ReadOnlySpan<char> text)
        {
            var h = (Offset ^ template) * Prime;
            foreach (var c in text)
                h = (h ^ char.ToLowerInvariant(c)) * Prime;
            return h;
        }

        private static ulong Mix(ulong a, ulong b) => (a ^ (b + 0x9E3779B97F4A7C15 + (a << 6) + (a >> 2))) * Prime;
    }
}
