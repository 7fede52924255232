using System.Text;
using Warta.Analysis;
using Warta.Language;
using Warta.Model;

namespace Warta.Tests.Analysis;

/// <summary>
/// Text the models never saw, run-on sentences, no punctuation, mixed languages and megabytes on one line: the
/// analysis answers sensibly, with offsets inside the text, and never throws.
/// </summary>
public sealed class BadInputTests
{
    private static readonly ArticleAnalyzer Analyzer = new();
    private static readonly LanguageIdentifier Identifier = LanguageIdentifier.CreateDefault();

    private static Article Analyze(string text)
    {
        var article = Analyzer.Analyze(new Article { Source = "test", Text = text, Language = Identifier.Identify(text) });
        foreach (var e in article.Entities)
        {
            Assert.InRange(e.Start, 0, e.End - 1);
            Assert.True(e.End <= text.Length);
            Assert.Equal(e.Text, text[e.Start..e.End]);
        }

        foreach (var n in article.Numbers)
            Assert.True(n.Start >= 0 && n.End <= text.Length);
        return article;
    }

    [Theory]
    [InlineData("ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏂᏴᏫᏯ ᎤᏂᏣᏘ ᏚᎾᏓᏅᏛ")] // Cherokee
    [InlineData("ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ ⴰⴷ ⵜⵜⵓⵙⵎⵔⴰⵙ ⴳ ⵓⵙⵏⵓⵍⴼⵓ")] // Tifinagh
    [InlineData("𐌀𐌁𐌂 𐌃𐌄𐌅 𐌆𐌇𐌈 😀😀😀 👨‍👩‍👧‍👦")] // Old Italic (surrogate pairs), emoji with joiners
    [InlineData("\ud800 lone \udc00 surrogates \u0000 and controls \u0007\u001b")]
    [InlineData("a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301 Zalgo\u0336\u0336\u0336 text")]
    public void Analyze_answers_on_scripts_the_models_never_saw(string text)
    {
        var article = Analyze(text);
        Assert.NotNull(article.Entities);
        Assert.NotNull(article.Quotes);
    }

    [Fact]
    public void Identify_names_a_known_script_or_nothing_for_an_unknown_one()
    {
        Assert.Equal("am", Identifier.Identify("የኢትዮጵያ መንግሥት አዲስ እርምጃዎችን አስታወቀ"));
        var cherokee = Identifier.Identify("ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᎠᏂᏴᏫᏯ ᎤᏂᏣᏘ ᏚᎾᏓᏅᏛ");
        Assert.True(cherokee is null || Identifier.Languages.Contains(cherokee));
    }

    [Fact]
    public void Analyze_cuts_a_sentence_of_twenty_thousand_words_and_still_finds_names()
    {
        var words = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
            words.Append(i % 50 == 0 ? "Presiden Joko Widodo " : "dan warga kota ");
        var article = Analyze(words.ToString());
        Assert.Contains(article.Entities, e => e.Text == "Joko Widodo");
    }

    [Fact]
    public void Analyze_reads_text_without_any_punctuation_or_capitals()
    {
        var text = string.Concat(Enumerable.Repeat("menteri luar negeri mengatakan bahwa pemerintah akan membantu warga yang terdampak banjir ", 500));
        var article = Analyze(text);
        Assert.Equal("id", article.Language);
        Assert.Empty(article.Entities);
    }

    [Fact]
    public void Analyze_handles_indonesian_english_and_chinese_mixed_in_one_text()
    {
        var text = "Menteri Luar Negeri Wang Yi bertemu Presiden Kassym-Jomart Tokayev di Astana. "
            + "“We will support stability in the region,” Wang said. 中国外交部长王毅表示支持。 "
            + "Dia menambahkan bahwa 225 orang tewas dalam kerusuhan itu.";
        var article = Analyze(text);
        Assert.Contains(article.Entities, e => e.Text == "Kassym-Jomart Tokayev" && e.Role == "Presiden");
        Assert.Contains(article.Numbers, n => n.Value == 225 && n.Counts == "orang tewas");
        Assert.Contains(article.Quotes, q => q.Verb == "said" && q.Kind == "direct" && q.Text.StartsWith("We will", StringComparison.Ordinal));
        Assert.DoesNotContain(article.Quotes, q => q.Text.Contains('王', StringComparison.Ordinal));
        Assert.Equal("id", article.Language);
    }

    [Fact]
    public void Analyze_and_identify_bound_a_five_megabyte_single_line()
    {
        var line = new StringBuilder(5 * 1024 * 1024);
        var pieces = new[] { "Presiden ", "Joko ", "Widodo ", "kata ", "“", "bahwa ", "1.770 ", "orang ", "tewas ", "”", "(", "CSTO", ") " };
        for (var i = 0; line.Length < 5 * 1024 * 1024; i++)
            line.Append(pieces[i % pieces.Length]);
        var text = line.ToString();
        Assert.Equal("id", Identifier.Identify(text));
        var article = Analyze(text);
        Assert.NotEmpty(article.Entities);
        Assert.All(article.Entities, e => Assert.True(e.End <= TextUnits.MaxChars));
        Assert.All(article.Numbers, n => Assert.True(n.End <= TextUnits.MaxChars));
    }

    [Fact]
    public void Tagger_gives_one_tag_per_token_for_a_sentence_of_ten_thousand_tokens()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(i => i % 7 == 0 ? "Jakarta" : i % 11 == 0 ? "😀" : "kota").ToArray();
        var tags = NerTagger.CreateDefault().Tag(tokens);
        Assert.Equal(tokens.Length, tags.Length);
        Assert.All(tags, t => Assert.Contains(t, NerTagger.Tags));
    }
}
