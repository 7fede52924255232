namespace Warta.Extraction;

/// <summary>
/// The stable reason codes of <see cref="Model.RemovedSpan"/>: every span the text cleaner takes out carries one
/// of these, so a consumer can restore, count or audit removals by kind.
/// </summary>
public static class RemovalReasons
{
    /// <summary>A menu line: section names in a row ("Home Asia Pasifik Eropa …").</summary>
    public const string Navigation = "navigation";

    /// <summary>A breadcrumb trail, also when glued to the title ("HomeBeritaChina Tawarkan …").</summary>
    public const string Breadcrumb = "breadcrumb";

    /// <summary>A teaser for another article ("BACA JUGA: …", "Read more: …").</summary>
    public const string RelatedTeaser = "related-teaser";

    /// <summary>A comment form's labels ("LEAVE A REPLY", "Please enter your comment!").</summary>
    public const string CommentForm = "comment-form";

    /// <summary>A prompt to follow the outlet elsewhere ("Cek Berita … di Google News").</summary>
    public const string FollowPrompt = "follow-prompt";

    /// <summary>A prompt to share or subscribe.</summary>
    public const string SharePrompt = "share-prompt";

    /// <summary>A cookie or consent notice.</summary>
    public const string CookieNotice = "cookie-notice";

    /// <summary>The page's own date line above the article (the crawl or page date, not the publication date).</summary>
    public const string PageDate = "page-date";

    /// <summary>The publication date printed in a masthead or byline line.</summary>
    public const string PublicationDate = "publication-date";

    /// <summary>The title printed again.</summary>
    public const string TitleRepeat = "title-repeat";

    /// <summary>The author line or the author's name inside a masthead line.</summary>
    public const string Byline = "byline";

    /// <summary>The outlet's name printed at the start of the body ("Radartasik.com, …").</summary>
    public const string Outlet = "outlet";

    /// <summary>The place (and agency) that opens the body ("Kazakhstan,", "Jakarta (ANTARA) -").</summary>
    public const string Dateline = "dateline";

    /// <summary>A source line ("Sumber: russian today"); a citation, but not body text.</summary>
    public const string SourceLine = "source-line";

    /// <summary>A block of paragraphs printed twice; the less complete copy is dropped.</summary>
    public const string RepeatedBlock = "repeated-block";

    /// <summary>An end-of-article mark ("***", "(end)").</summary>
    public const string EndMark = "end-mark";
}
