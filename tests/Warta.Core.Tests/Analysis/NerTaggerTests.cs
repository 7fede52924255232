using Warta.Analysis;

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
}
