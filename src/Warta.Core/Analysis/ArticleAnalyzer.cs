using Warta.Model;

namespace Warta.Analysis;

/// <summary>Adds entities, quotes and numbers to an article.</summary>
public sealed class ArticleAnalyzer
{
    // Skeleton: adds nothing. The analysis helper replaces this.
    public Article Analyze(Article article) => article;
}
