using Warta.Analysis;
using Warta.Model;

namespace Warta.Tests.Analysis;

public sealed class EntityVariantFinderTests
{
    private static readonly ArticleAnalyzer Analyzer = new();

    [Fact]
    public void Find_flags_wang_li_as_a_different_name_for_the_foreign_minister()
    {
        var articles = new[]
        {
            Analyzer.Analyze(new Article { Source = "000", Text = SeedExcerpts.Seed000, Language = "id" }),
            Analyzer.Analyze(new Article { Source = "001", Text = SeedExcerpts.Seed001, Language = "id" }),
        };
        var findings = new EntityVariantFinder().Find(articles);
        var finding = Assert.Single(findings, f => f.Kind == "role-holder-differs");
        Assert.Equal(["Wang Li", "Wang Yi"], finding.Names);
        Assert.Equal("Menteri Luar Negeri China", finding.Role);
        Assert.Contains(findings, f => f.Kind == "acronym" && f.Names[0] == "CSTO");
    }

    [Fact]
    public void Find_reports_spelling_variants_across_articles()
    {
        static Article With(string source, string name) => new()
        {
            Source = source,
            Text = string.Empty,
            Entities = [new EntityMention(name, "PERSON", name, 0, name.Length)],
        };
        var findings = new EntityVariantFinder().Find([With("a", "Kassym-Jomart Tokayev"), With("b", "Kassym-Jomart Tokaev")]);
        Assert.Contains(findings, f => f.Kind == "spelling-variant");
    }

    [Fact]
    public void Find_is_silent_when_articles_agree()
    {
        var article = Analyzer.Analyze(new Article { Source = "000", Text = SeedExcerpts.Seed000, Language = "id" });
        Assert.DoesNotContain(new EntityVariantFinder().Find([article, article with { Source = "copy" }]), f => f.Kind == "role-holder-differs");
    }
}
