using Warta.Language;

namespace Warta.Tests.Language;

public sealed class StemmerTests
{
    [Theory]
    [InlineData("menegaskan", "tegas")]
    [InlineData("pemerintahan", "perintah")]
    [InlineData("ditangkap", "tangkap")]
    [InlineData("kekerasan", "keras")]
    [InlineData("mempertanyakan", "tanya")]
    [InlineData("perdamaian", "damai")]
    [InlineData("menyalahkan", "salah")]
    [InlineData("menarik", "tarik")]
    [InlineData("memutuskan", "putus")]
    [InlineData("mencapai", "capai")]
    [InlineData("berperan", "peran")]
    [InlineData("bukunya", "buku")]
    [InlineData("buku-buku", "buku")]
    [InlineData("Pemerintah", "perintah")]
    [InlineData("dan", "dan")]
    [InlineData("xyzqwerty", "xyzqwerty")]
    public void IndonesianStemmer_finds_sastrawi_roots(string word, string root) => Assert.Equal(root, IndonesianStemmer.Stem(word));

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("agreed", "agre")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("relational", "relat")]
    [InlineData("generalization", "general")]
    [InlineData("generously", "generous")]
    [InlineData("community", "communiti")]
    [InlineData("killed", "kill")]
    [InlineData("Presidents", "presid")]
    [InlineData("skies", "sky")]
    [InlineData("by", "by")]
    public void EnglishStemmer_follows_porter2(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Fact]
    public void Stemmers_survive_odd_input()
    {
        foreach (var word in new[] { "", "-", "--", "a-", "-a", "'", "'s", "ééé", new string('m', 5000), "me", "menge-" })
        {
            Assert.NotNull(IndonesianStemmer.Stem(word));
            Assert.NotNull(EnglishStemmer.Stem(word));
        }
    }
}
