using Warta.Language;

namespace Warta.Tests.Language;

public sealed class TokenizerTests
{
    private static string[] Texts(string s) => [.. Tokenizer.Tokenize(s).Select(t => t.Text)];

    [Fact]
    public void Tokenize_keeps_abbreviations_initials_and_numbers_whole()
    {
        Assert.Equal(["Dr.", "H.", "Wang", "di", "Jl.", "Sudirman", "No.", "5", ",", "1.770", "km", "dan", "3,5", "%", "."],
            Texts("Dr. H. Wang di Jl. Sudirman No. 5, 1.770 km dan 3,5%."));
        Assert.Equal(["The", "U.S.", "said", "it", "paid", "$", "1,500.25", "."], Texts("The U.S. said it paid $1,500.25."));
    }

    [Fact]
    public void Tokenize_keeps_hyphenated_words_and_separates_quotes()
    {
        Assert.Equal(["“", "Kassym-Jomart", "buku-buku", "don't", ",", "”", "kata", "Wei", "."], Texts("“Kassym-Jomart buku-buku don't,” kata Wei."));
    }

    [Fact]
    public void Tokenize_gives_offsets_into_the_text()
    {
        const string text = "Jakarta (ANTARA) - Presiden";
        Assert.All(Tokenizer.Tokenize(text), t => Assert.Equal(t.Text, text[t.Start..t.End]));
    }

    [Fact]
    public void Split_does_not_break_after_abbreviations_or_inside_numbers()
    {
        var sentences = SentenceSplitter.Split("Dr. Wang tiba di Jl. Sudirman No. 5 pukul 10.30. Ia bertemu H. Salim. “Kami siap!” katanya.\n\nParagraf baru");
        Assert.Equal(4, sentences.Count);
        Assert.Equal("Dr.", sentences[0][0].Text);
        Assert.Equal("Ia", sentences[1][0].Text);
        Assert.Equal("“", sentences[2][0].Text);
        Assert.Equal("Paragraf", sentences[3][0].Text);
    }

    [Fact]
    public void Split_keeps_a_dateline_in_its_sentence()
    {
        var sentences = SentenceSplitter.Split("Jakarta (ANTARA) - Presiden Joko Widodo meresmikan jalan tol. Acara berlangsung meriah.");
        Assert.Equal(2, sentences.Count);
        Assert.Equal("Jakarta", sentences[0][0].Text);
    }

    [Fact]
    public void Split_cuts_a_run_on_text_into_bounded_sentences()
    {
        var text = string.Concat(Enumerable.Repeat("kata tanpa titik ", 5000));
        Assert.All(SentenceSplitter.Split(text), s => Assert.True(s.Count <= SentenceSplitter.MaxTokens));
    }

    [Fact]
    public void Stopwords_are_bundled_for_indonesian_and_english()
    {
        Assert.Contains("yang", Stopwords.For("id"));
        Assert.Contains("the", Stopwords.For("en"));
        Assert.Empty(Stopwords.For("xx"));
    }
}
