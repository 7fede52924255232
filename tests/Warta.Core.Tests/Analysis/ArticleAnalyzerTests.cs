using Warta.Analysis;
using Warta.Model;

namespace Warta.Tests.Analysis;

public sealed class ArticleAnalyzerTests
{
    private static readonly ArticleAnalyzer Analyzer = new();

    private static Article Analyze(string text, string language = "id") =>
        Analyzer.Analyze(new Article { Source = "test", Text = text, Language = language });

    [Fact]
    public void Analyze_resolves_wang_to_wang_yi_with_his_role()
    {
        var article = Analyze(SeedExcerpts.Seed000);
        var wang = article.Entities.Where(e => e.Text == "Wang").ToList();
        Assert.NotEmpty(wang);
        Assert.All(wang, e => Assert.Equal("Wang Yi", e.Canonical));
        Assert.All(wang, e => Assert.Equal("PERSON", e.Type));
        Assert.Contains(article.Entities, e => e.Canonical == "Wang Yi" && e.Role == "Menteri Luar Negeri");
        Assert.Contains(article.Entities, e => e.Text == "Mukhtar Tileuberdi" && e.Role == "Menteri Luar Negeri Kazakhstan");
    }

    [Fact]
    public void Analyze_attributes_kata_wang_to_wang_yi()
    {
        var quote = Assert.Single(Analyze(SeedExcerpts.Seed000).Quotes, q => q.Kind == "direct");
        Assert.Equal("Wang Yi", quote.Speaker);
        Assert.Equal("kata", quote.Verb);
        Assert.StartsWith("bersedia bersama-sama menentang", quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_finds_both_quotes_of_wei_fenghe_including_the_nested_one_and_lanjutnya()
    {
        var quotes = Analyze(SeedExcerpts.Seed001).Quotes.Where(q => q.Kind == "direct").ToList();
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Wei Fenghe", q.Speaker));
        Assert.Contains("“revolusi warna”", quotes[0].Text, StringComparison.Ordinal);
        Assert.Equal("lanjutnya", quotes[1].Verb);
    }

    [Fact]
    public void Analyze_finds_indirect_speech_with_its_speaker()
    {
        var quotes = Analyze(SeedExcerpts.Seed001).Quotes;
        var wangLi = Assert.Single(quotes, q => q.Speaker == "Wang Li");
        Assert.Equal("indirect", wangLi.Kind);
        Assert.StartsWith("protes didorong", wangLi.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_resolves_tokayev_and_links_csto_to_its_full_name()
    {
        var entities = Analyze(SeedExcerpts.Seed001).Entities;
        Assert.Contains(entities, e => e.Canonical == "Kassym-Jomart Tokayev" && e.Role == "Presiden Kazakh");
        Assert.All(entities.Where(e => e.Text == "Tokayev"), e => Assert.Equal("Kassym-Jomart Tokayev", e.Canonical));
        Assert.Contains(entities, e => e.Text == "CSTO" && e.Canonical == "Organisasi Perjanjian Keamanan Kolektif" && e.Type == "ORGANIZATION");
        Assert.Contains(entities, e => e.Text == "Wang Li" && e.Role == "Menteri Luar Negeri China");
    }

    [Fact]
    public void Analyze_counts_225_people_killed_at_least()
    {
        var numbers = Analyze(SeedExcerpts.Seed001).Numbers;
        var killed = Assert.Single(numbers, n => n.Value == 225);
        Assert.Equal("orang tewas", killed.Counts);
        Assert.Equal("at least", killed.Qualifier);
        Assert.Contains(numbers, n => n.Text == "tiga" && n.Counts == "bulan" && n.Qualifier == "about");
        Assert.Contains(numbers, n => n.Text == "puluhan ribu" && n.Value == 10_000);
    }

    [Fact]
    public void Analyze_reads_indonesian_thousands_and_dates()
    {
        var numbers = Analyze(SeedExcerpts.Seed000).Numbers;
        Assert.Contains(numbers, n => n.Value == 1770 && n.Counts == "km");
        Assert.Contains(numbers, n => n.Value == 1110 && n.Counts == "mil");
        Assert.Contains(numbers, n => n.Text == "10 Januari 2022" && n.Counts == "date" && n.Value == 20220110);
    }

    [Fact]
    public void Analyze_reads_english_separators_and_quotes()
    {
        var article = Analyze("At least 1,500 people were evacuated, officials said. \"We are doing everything we can to help them,\" Governor Andrew Cuomo said on Monday.", "en");
        Assert.Contains(article.Numbers, n => n.Value == 1500 && n.Qualifier == "at least" && n.Counts == "people");
        var quote = Assert.Single(article.Quotes, q => q.Kind == "direct");
        Assert.Equal("said", quote.Verb);
        Assert.Equal("Andrew Cuomo", quote.Speaker);
    }

    [Fact]
    public void Analyze_names_rt_russia_today_and_russian_today_as_one_organisation()
    {
        var article = Analyze("Kata Putin kepada RT di Moskwa. Wawancara itu disiarkan Russia Today. “Kita harus waspada terhadap kekuatan asing,” lanjutnya dikutip dari Russian Today.");
        var names = article.Entities.Where(e => e.Text is "RT" or "Russia Today" or "Russian Today").ToList();
        Assert.Equal(["RT", "Russia Today", "Russian Today"], names.Select(e => e.Text));
        Assert.All(names, e => Assert.Equal(("RT", "ORGANIZATION"), (e.Canonical, e.Type)));
    }

    [Fact]
    public void Analyze_names_the_seed_s_russian_today_rt()
    {
        var article = Analyze(SeedExcerpts.Seed001);
        Assert.Contains(article.Entities, e => e.Text == "Russian Today" && e.Canonical == "RT" && e.Type == "ORGANIZATION");
    }

    [Fact]
    public void Number_word_length_bounds_cover_every_number_word()
    {
        Assert.Equal(NumberFinder.MinWordLength, NumberFinder.NumberWords.Min(w => w.Length));
        Assert.Equal(NumberFinder.MaxWordLength, NumberFinder.NumberWords.Max(w => w.Length));
        // The first-letter filter indexes a-z only.
        Assert.All(NumberFinder.NumberWords, w => Assert.InRange(w[0], 'a', 'z'));
    }

    [Fact]
    public void Capitalised_number_words_are_still_read()
    {
        var article = Analyze("Tiga orang tewas dan Puluhan rumah rusak, kata polisi. Sekitar Lima Ratus warga mengungsi.");
        Assert.Contains(article.Numbers, n => n.Text == "Tiga" && n.Value == 3);
        Assert.Contains(article.Numbers, n => n.Text == "Puluhan" && n.Value == 10);
        Assert.Contains(article.Numbers, n => n.Text == "Lima Ratus" && n.Value == 500);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ทดสอบภาษาไทยที่ไม่มีการเว้นวรรคเลยแม้แต่น้อย")]
    [InlineData("“ an unclosed quote that runs on and on")]
    [InlineData("\" \" \" “ ” ” ” ( ) ( 1.2.3.4.5 ,,,, ...")]
    public void Analyze_survives_odd_input(string text)
    {
        var article = Analyze(text);
        Assert.NotNull(article.Entities);
    }

    [Fact]
    public void Analyze_bounds_a_huge_text_without_punctuation()
    {
        var huge = string.Concat(Enumerable.Repeat("kata Presiden Joko Widodo di Jakarta bahwa ", 50_000));
        var article = Analyze(huge);
        Assert.NotEmpty(article.Entities);
        Assert.All(article.Entities, e => Assert.True(e.End <= TextUnits.MaxChars));
    }
}
