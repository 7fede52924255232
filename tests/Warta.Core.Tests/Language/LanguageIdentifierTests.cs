using Warta.Language;

namespace Warta.Tests.Language;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Identifier = LanguageIdentifier.CreateDefault();

    [Theory]
    [InlineData("id", "China Tawarkan Dukungan Keamanan pada Kazakhstan")]
    [InlineData("id", "Menteri Luar Negeri China Wang Yi mengatakan bahwa pemerintah bersedia membantu.")]
    [InlineData("en", "Fed official says weak data caused by weather, should not slow taper")]
    [InlineData("de", "Die Bundesregierung will die Steuern im nächsten Jahr deutlich senken")]
    [InlineData("fr", "Le gouvernement français annonce de nouvelles mesures pour les retraites")]
    [InlineData("ru", "Правительство России объявило о новых мерах поддержки экономики")]
    [InlineData("ar", "أعلنت الحكومة عن إجراءات جديدة لدعم الاقتصاد الوطني")]
    [InlineData("ja", "政府は新しい経済対策を発表しました")]
    [InlineData("zh", "中国外交部长王毅与哈萨克斯坦外长通电话")]
    [InlineData("ko", "정부는 새로운 경제 대책을 발표했다")]
    [InlineData("ka", "საქართველოს მთავრობამ ახალი ზომები გამოაცხადა")]
    [InlineData("hy", "Հայաստանի կառավարությունը նոր միջոցներ է հայտարարել")]
    // Short title-case headlines full of names, and the languages function words must not steal them from.
    [InlineData("en", "Exchange Chief Files for Bankruptcy after the Hack")]
    [InlineData("en", "Asian Markets Slide as the Dollar Gains on Weak Data")]
    [InlineData("id", "Israel Tutup Akses Masjid bagi Warga Gaza")]
    [InlineData("id", "Warga Gaza Antre Roti di Tengah Perang Hamas")]
    [InlineData("nl", "De regering wil de belastingen volgend jaar verlagen")]
    [InlineData("es", "El gobierno anuncia nuevas medidas para las pensiones")]
    [InlineData("it", "Il governo annuncia nuove misure per le pensioni")]
    [InlineData("tl", "Ang pamahalaan ay nagbigay ng tulong sa mga biktima ng bagyo")]
    public void Identify_names_the_language_of_a_headline(string expected, string text) =>
        Assert.Equal(expected, Identifier.Identify(text));

    [Fact]
    public void Identify_tells_malay_from_indonesian()
    {
        Assert.Equal("ms", Identifier.Identify("Kerajaan berkata bahawa polis akan menyiasat kes itu kerana ramai orang terlibat semalam."));
        Assert.Equal("id", Identifier.Identify("Pemerintah mengatakan bahwa polisi akan menyelidiki kasus itu karena banyak orang terlibat kemarin."));
    }

    [Fact]
    public void Identify_tells_javanese_and_sundanese_from_indonesian()
    {
        Assert.Equal("jv", Identifier.Identify("Pamarentah wis ngandika yen wong-wong sing manggon ing desa iku ora kudu lunga saka omahe."));
        Assert.Equal("su", Identifier.Identify("Pamaréntah geus nyarios yén jalma-jalma nu cicing di désa ieu teu kudu indit ti imahna jeung kulawargana."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345 67.89 !!! ???")]
    public void Identify_is_undecided_without_letters(string text) => Assert.Null(Identifier.Identify(text));

    [Fact]
    public void Detect_returns_probabilities_that_sum_to_one_best_first()
    {
        var scores = Identifier.Detect("Pihak berwenang menyalahkan kekerasan itu pada ekstremis");
        Assert.Equal("id", scores[0].Language);
        Assert.InRange(scores.Sum(s => s.Probability), 0.99, 1.01);
        Assert.True(scores.Zip(scores.Skip(1)).All(p => p.First.Probability >= p.Second.Probability));
    }

    [Fact]
    public void Detect_bounds_time_on_huge_unpunctuated_input()
    {
        var huge = string.Concat(Enumerable.Repeat("kekuatan eksternal menentang ", 200_000));
        Assert.Equal("id", Identifier.Identify(huge));
    }

    [Fact]
    public void Identifier_knows_at_least_sixty_languages() => Assert.True(Identifier.Languages.Count >= 60, Identifier.Languages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
