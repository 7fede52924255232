using Warta.Linking;

namespace Warta.Tests.Linking;

public class FingerprintTests
{
    private static string RandomText(Random random, int words, string[] vocabulary) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)]));

    private static string[] Vocabulary(Random random, int size) =>
        Enumerable.Range(0, size).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + (char)('a' + random.Next(26))).ToArray();

    [Fact]
    public void Exact_hash_ignores_case_punctuation_and_whitespace()
    {
        var a = Fingerprint.Of("Banjir melanda Jakarta, Senin (10/1).");
        var b = Fingerprint.Of("banjir  melanda JAKARTA Senin 10 1");

        Assert.Equal(a.ExactHash, b.ExactHash);
        Assert.Equal(1.0, Fingerprint.Jaccard(a, b));
    }

    [Fact]
    public void MinHash_estimates_track_exact_jaccard()
    {
        var random = new Random(7);
        var vocabulary = Vocabulary(random, 5000);
        var signer = new MinHashSigner(128);
        foreach (var editRate in new[] { 0.0, 0.02, 0.05, 0.1, 0.3 })
        {
            var words = RandomText(random, 600, vocabulary).Split(' ');
            var edited = words.Select(w => random.NextDouble() < editRate ? vocabulary[random.Next(vocabulary.Length)] : w).ToArray();
            var a = Fingerprint.Of(string.Join(' ', words));
            var b = Fingerprint.Of(string.Join(' ', edited));

            var exact = Fingerprint.Jaccard(a, b);
            var estimate = MinHashSigner.Estimate(signer.Sign(a.Shingles), signer.Sign(b.Shingles));

            // 128 permutations: standard error sqrt(J(1−J)/128) ≤ 0.045, so 0.15 is more than three of them.
            Assert.InRange(estimate, exact - 0.15, exact + 0.15);
        }
    }

    [Fact]
    public void MinHash_signatures_are_identical_for_identical_sets_and_stable_across_signers()
    {
        var shingles = Fingerprint.Of("satu dua tiga empat lima enam tujuh delapan sembilan sepuluh").Shingles;

        Assert.Equal(new MinHashSigner(64).Sign(shingles), new MinHashSigner(64).Sign(shingles));
        Assert.Equal(1.0, MinHashSigner.Estimate(new MinHashSigner(64).Sign(shingles), new MinHashSigner(64).Sign(shingles)));
    }

    [Theory]
    [InlineData(128, 0)]
    [InlineData(128, 1)]
    [InlineData(128, 700)]
    [InlineData(128, 5000)]
    [InlineData(64, 300)]
    [InlineData(100, 300)]
    [InlineData(3, 50)]
    public void MinHash_signatures_equal_the_formula_permutation_by_permutation(int permutations, int setSize)
    {
        // The vector blocks and the scalar tail must give exactly what the documented formula gives: stored
        // signatures and LSH bands of existing stores depend on it.
        var random = new Random(permutations * 31 + setSize);
        var shingles = Enumerable.Range(0, setSize).Select(_ => (ulong)random.NextInt64()).ToArray();
        var signer = new MinHashSigner(permutations);

        var expected = new ulong[permutations];
        for (var i = 0; i < permutations; i++)
        {
            expected[i] = ulong.MaxValue;
            foreach (var shingle in shingles)
            {
                var x = (ulong)(uint)(shingle ^ (shingle >> 32));
                expected[i] = Math.Min(expected[i], ((signer.Multipliers[i] * x) + signer.Offsets[i]) >> 32);
            }
        }

        Assert.Equal(expected, signer.Sign(shingles));
    }

    [Fact]
    public void A_million_word_article_is_capped_and_fingerprinted_quickly()
    {
        var text = string.Join(' ', Enumerable.Repeat("kata lain lagi dan lagi", 200_000));
        var fingerprint = Fingerprint.Of(text, new FingerprintOptions { MaxWords = 20_000 });

        Assert.Equal(20_000, fingerprint.WordCount);
    }

    [Fact]
    public void Containment_measures_the_share_of_the_smaller_text_inside_the_larger()
    {
        var random = new Random(3);
        var vocabulary = Vocabulary(random, 3000);
        var article = RandomText(random, 300, vocabulary);
        var page = RandomText(random, 400, vocabulary) + " " + article + " " + RandomText(random, 400, vocabulary);

        var part = Fingerprint.Of(article);
        var whole = Fingerprint.Of(page);

        Assert.True(Fingerprint.Containment(part, whole) > 0.95);
        Assert.True(Fingerprint.Jaccard(part, whole) < 0.4);
    }
}
