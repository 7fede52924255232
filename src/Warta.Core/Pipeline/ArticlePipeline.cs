using Warta.Analysis;
using Warta.Extraction;
using Warta.Language;
using Warta.Model;

namespace Warta.Pipeline;

/// <summary>
/// Turns one <see cref="RawInput"/> into an <see cref="Article"/>: extraction by input kind, then citations,
/// language and analysis. Stateless across documents, so one instance serves any number of threads.
/// </summary>
public sealed class ArticlePipeline
{
    private readonly TextArticleExtractor _text;
    private readonly HtmlArticleExtractor _html;
    private readonly CitationFinder _citations;
    private readonly LanguageIdentifier _language;
    private readonly ArticleAnalyzer _analyzer;

    public ArticlePipeline(PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        options.Validate();
        _citations = options.Citations ?? CitationFinder.CreateDefault();
        _text = new TextArticleExtractor();
        _html = new HtmlArticleExtractor();
        _language = options.Language ?? LanguageIdentifier.CreateDefault();
        _analyzer = new ArticleAnalyzer();
    }

    public Article Process(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var article = input.Kind switch
        {
            InputKind.Html => _html.Extract(input),
            InputKind.Text => _text.Extract(input),
            _ => HeadlineOnly(input),
        };
        article = article with
        {
            Citations = _citations.Find(article.Text, article.Removed),
            Language = input.Language ?? article.Language ?? _language.Identify(Joined(article.Title, article.Text)),
        };
        return _analyzer.Analyze(article);
    }

    private static Article HeadlineOnly(RawInput input) => new()
    {
        Source = input.Source,
        Url = input.Url,
        ExternalId = input.ExternalId,
        Title = input.Title,
        Text = string.Empty,
        Published = input.Published,
        Outlet = input.Outlet,
    };

    private static string Joined(string? title, string text) =>
        string.IsNullOrEmpty(title) ? text : string.Concat(title, "\n\n", text);
}

/// <summary>Options for <see cref="ArticlePipeline"/>; every member has a working default.</summary>
public sealed class PipelineOptions
{
    /// <summary>The agency list to cite against; defaults to the bundled one (<c>Resources/agencies.tsv</c>).</summary>
    public CitationFinder? Citations { get; init; }

    /// <summary>The language identifier; defaults to the bundled profiles.</summary>
    public LanguageIdentifier? Language { get; init; }

    public void Validate()
    {
    }
}
