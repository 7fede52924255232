using Warta.Analysis;
using Warta.Language;

namespace Warta.Tests.Analysis;

public sealed class NerTaggerTests
{
    private static readonly NerTagger Tagger = NerTagger.CreateDefault();

    [Fact]
    public void Tag_finds_person_organisation_and_place_in_indonesian()
    {
        var tokens = "Presiden Joko Widodo meresmikan kantor Bank Indonesia di Surabaya kemarin .".Split(' ');
        var tags = Tagger.Tag(tokens);
        Assert.Equal("B-PER", tags[1]);
        Assert.Equal("I-PER", tags[2]);
        Assert.Equal("B-LOC", tags[8]);
        Assert.Equal("O", tags[3]);
    }

    [Fact]
    public void Tag_always_returns_valid_bio()
    {
        var tokens = "Menteri Luar Negeri China Wang Li mengatakan protes didorong oleh tiga kekuatan jahat".Split(' ');
        var tags = Tagger.Tag(tokens);
        Assert.Equal(tokens.Length, tags.Length);
        for (var i = 0; i < tags.Length; i++)
        {
            if (tags[i].StartsWith("I-", StringComparison.Ordinal))
                Assert.EndsWith(tags[i][2..], tags[i - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tag_handles_empty_and_unseen_scripts()
    {
        Assert.Empty(Tagger.Tag([]));
        Assert.Equal(3, Tagger.Tag(["東京", "ทดสอบ", "😀"]).Length);
    }

    [Fact]
    public void Model_round_trips_through_save_and_load()
    {
        var sentences = new List<(string[], string[])>
        {
            (["Budi", "pergi", "ke", "Bandung"], ["B-PER", "O", "O", "B-LOC"]),
            (["Ani", "tinggal", "di", "Medan"], ["B-PER", "O", "O", "B-LOC"]),
        };
        var trained = NerTagger.Train(sentences, epochs: 5);
        using var stream = new MemoryStream();
        trained.Save(stream, minWeight: 0f);
        stream.Position = 0;
        var loaded = NerTagger.Load(stream);
        Assert.Equal(trained.Tag(["Budi", "pergi", "ke", "Bandung"]), loaded.Tag(["Budi", "pergi", "ke", "Bandung"]));
        Assert.Equal(["B-PER", "O", "O", "B-LOC"], loaded.Tag(["Budi", "pergi", "ke", "Bandung"]));
    }

    [Theory]
    [InlineData("Jakarta")]
    [InlineData("di")]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("2022-an")]
    [InlineData("Kassym-Jomart")]
    [InlineData("ÉCOLE")]
    [InlineData("東京")]
    [InlineData("a1B2c3D4e5F6g7")]
    [InlineData("AAbb11--..!!")]
    public void Prepare_hashes_a_word_as_the_separate_hashes_of_its_forms(string word)
    {
        var hashes = new ulong[NerTagger.Features.PerToken];
        NerTagger.Features.Prepare(word, hashes);

        var prefix = word[..Math.Min(word.Length, 3)];
        Assert.Equal(
            [Fnv(word), Fnv(Lower(word)), Fnv(Shape(word)), Fnv(Lower(prefix)), Fnv(Lower(word[^Math.Min(word.Length, 3)..])), Fnv(Lower(word[^Math.Min(word.Length, 2)..]))],
            hashes);

        static string Lower(string text) => string.Concat(text.Select(CaseFolding.ToLower));

        // X for capitals, x for lowercase, d for digits, other characters as they are; runs collapse; 8 runs at most.
        static string Shape(string text)
        {
            var runs = new List<char>();
            foreach (var c in text)
            {
                var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
                if (runs.Count == 0 || runs[^1] != s)
                    runs.Add(s);
            }

            return new string([.. runs.Take(8)]);
        }

        static ulong Fnv(string text)
        {
            var h = 14695981039346656037;
            foreach (var c in text)
                h = (h ^ c) * 1099511628211;
            return h;
        }
    }
}
