using Warta.Model;

namespace Warta.Analysis;

/// <summary>
/// Adds entities (with roles and in-article canonical names), quotes and numbers to an article. Stateless across
/// articles; the NER model loads once, lazily, and is shared.
/// </summary>
public sealed class ArticleAnalyzer
{
    private readonly EntityRecognizer _entities;

    public ArticleAnalyzer(NerTagger? tagger = null) => _entities = new EntityRecognizer(tagger ?? NerTagger.CreateDefault());

    public Article Analyze(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (string.IsNullOrWhiteSpace(article.Text))
            return article;
        var units = new TextUnits(article.Text);
        var entities = _entities.Find(units);
        return article with
        {
            Entities = entities,
            Quotes = QuoteFinder.Find(units, entities),
            Numbers = NumberFinder.Find(units, article.Language),
        };
    }
}
