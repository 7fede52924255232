using Warta.Linking;

namespace Warta.Tests.Linking;

public class CopyLinkerTests
{
    private static string[] Vocabulary(Random random, int size) =>
        Enumerable.Range(0, size).Select(i => "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + (char)('a' + random.Next(26))).ToArray();

    private static string[] RandomWords(Random random, int words, string[] vocabulary) =>
        Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();

    [Fact]
    public void Lsh_finds_every_synthetic_pair_at_or_above_the_threshold_and_no_unrelated_pair()
    {
        var random = new Random(11);
        var vocabulary = Vocabulary(random, 20_000);
        var linker = new CopyLinker();
        var originals = new List<(string[] Words, Fingerprint Fingerprint)>();
        for (var i = 0; i < 300; i++)
        {
            var words = RandomWords(random, 400, vocabulary);
            var fingerprint = Fingerprint.Of(string.Join(' ', words));
            Assert.Empty(linker.Add(i, fingerprint));
            originals.Add((words, fingerprint));
        }

        var expected = 0;
        var found = 0;
        for (var i = 0; i < 300; i++)
        {
            // Edit rates from 0 to 3% of words put Jaccard between ≈ 0.75 and 1, straddling the 0.8 threshold.
            var rate = i % 7 * 0.005;
            var copyWords = originals[i].Words.Select(w => random.NextDouble() < rate ? vocabulary[random.Next(vocabulary.Length)] : w);
            var copy = Fingerprint.Of(string.Join(' ', copyWords));
            var truth = Fingerprint.Jaccard(copy, originals[i].Fingerprint);
            var links = linker.Add(10_000 + i, copy);
            if (truth >= 0.8)
            {
                expected++;
                found += links.Count(l => l.To == i && l.Relation is CopyRelation.NearDuplicate or CopyRelation.Exact);
            }
            else
            {
                Assert.DoesNotContain(links, l => l.To == i && l.Relation == CopyRelation.NearDuplicate);
            }

            Assert.All(links, l => Assert.True(l.To == i || l.To >= 10_000, $"false link {l}"));
        }

        Assert.True(expected > 150, $"only {expected} pairs reached Jaccard 0.8");
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Thousands_of_identical_articles_link_to_one_representative_without_growing_buckets()
    {
        var linker = new CopyLinker();
        const string Text = "Pemerintah mengumumkan kebijakan baru tentang subsidi bahan bakar minyak untuk nelayan kecil di seluruh provinsi mulai bulan depan.";
        Assert.Empty(linker.Add(1, Text));
        for (var id = 2; id <= 5000; id++)
        {
            var links = linker.Add(id, Text);
            var link = Assert.Single(links);
            Assert.Equal(new CopyLink(id, 1, CopyRelation.Exact, 1.0), link);
        }
    }

    [Fact]
    public void Templated_near_identical_articles_stay_bounded_per_article()
    {
        var linker = new CopyLinker(new CopyLinkerOptions { MaxBucketSize = 8 });
        var body = string.Join(' ', Enumerable.Range(0, 200).Select(i => "kata" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var maxLinks = 0;
        for (var id = 0; id < 2000; id++)
        {
            var links = linker.Add(id, body + " nomor " + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            maxLinks = Math.Max(maxLinks, links.Count);
        }

        // Every bucket holds at most 8 members, and the sentence index likewise, so links per article stay small.
        Assert.InRange(maxLinks, 1, 8 * 2);
    }

    [Fact]
    public void One_word_and_empty_articles_link_to_nothing_but_their_exact_twins()
    {
        var linker = new CopyLinker();

        Assert.Empty(linker.Add(1, "Banjir"));
        Assert.Empty(linker.Add(2, string.Empty));
        Assert.Empty(linker.Add(3, "Gempa"));
        Assert.Equal(CopyRelation.Exact, Assert.Single(linker.Add(4, "banjir!")).Relation);
        Assert.Empty(linker.Add(5, "   "));
    }

    [Fact]
    public void A_truncated_copy_is_contained_in_its_source_and_a_wrapped_copy_contains_it()
    {
        var random = new Random(5);
        var vocabulary = Vocabulary(random, 5000);
        var article = string.Join(' ', RandomWords(random, 500, vocabulary));
        var truncated = string.Join(' ', article.Split(' ').Take(200));
        var wrapped = string.Join(' ', RandomWords(random, 400, vocabulary)) + " " + article;
        var linker = new CopyLinker();

        linker.Add(1, article);
        var truncatedLinks = linker.Add(2, truncated);
        var wrappedLinks = linker.Add(3, wrapped);

        var toOrigin = Assert.Single(truncatedLinks);
        Assert.Equal(CopyRelation.ContainedIn, toOrigin.Relation);
        Assert.Equal(1, toOrigin.To);
        Assert.Contains(wrappedLinks, l => l.To == 1 && l.Relation == CopyRelation.Contains);
    }

    [Fact]
    public void The_two_different_seeds_are_not_linked_but_a_seed_and_its_edited_copy_are()
    {
        var first = SeedFiles.Read("000");
        var second = SeedFiles.Read("001");
        var edited = first.Replace("Wang Yi", "Wang Li", StringComparison.Ordinal);
        var linker = new CopyLinker();

        Assert.Empty(linker.Add(1, first));
        Assert.Empty(linker.Add(2, second));
        var link = Assert.Single(linker.Add(3, edited));
        Assert.Equal(1, link.To);
        Assert.Equal(CopyRelation.NearDuplicate, link.Relation);
    }

    [Fact]
    public void Options_validation_names_the_bad_property()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CopyLinker(new CopyLinkerOptions { Bands = 3 }));
        Assert.Equal("Bands", error.ParamName);
    }
}
