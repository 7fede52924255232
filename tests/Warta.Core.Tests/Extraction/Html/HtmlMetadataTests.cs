using Warta.Evaluation.Extraction;
using Warta.Extraction;
using Warta.Extraction.Html;
using Warta.Model;

namespace Warta.Tests.Extraction.Html;

public sealed class HtmlMetadataTests
{
    private static readonly HtmlArticleExtractor Extractor = new();

    private const string Body =
        "<p>Der Bundestag hat am Donnerstag nach langer Debatte ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen, das ab Januar gilt.</p>" +
        "<p>Die Opposition kritisierte den Entwurf als unzureichend, während die Regierung von einem wichtigen Schritt für den Klimaschutz sprach.</p>" +
        "<p>Verbände der Industrie begrüßten die Planungssicherheit, forderten aber schnellere Genehmigungen für neue Windparks und Stromleitungen.</p>";

    // A German article page with the given head and the blocks before and after its body; other test classes use it too.
    internal static string Page(string head, string beforeBody = "", string afterBody = "") =>
        $"<!DOCTYPE html><html lang=\"de\"><head><title>Neues Gesetz beschlossen</title>{head}</head><body>" +
        $"<div class=\"content\"><h1>Neues Gesetz beschlossen</h1>{beforeBody}<div class=\"article-body\">{Body}</div>{afterBody}</div></body></html>";

    // A page whose JSON-LD declares one publication date.
    private static string Declared(string datePublished, string beforeBody, string afterBody = "") =>
        Page($"<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\":\"{datePublished}\"}}</script>", beforeBody, afterBody);

    [Fact]
    public void A_byline_line_in_the_body_names_the_author()
    {
        var html = Page(string.Empty, "<p>Blog Beitrag von Margarita Koreneva</p>");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(["Margarita Koreneva"], article.Authors);
        Assert.Equal("text:byline", article.Metadata!.Sources["authors"]);
    }

    [Fact]
    public void A_byline_shown_above_the_body_beats_a_site_wide_meta_author()
    {
        var html = Page("<meta name=\"author\" content=\"Matthias Hille - Lukas Balbach\">",
            "<p class=\"date\">Erstellt von <a href=\"/author/fabian/\">Fabian</a> am Dienstag 6. Mai 2014</p>");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(["Fabian"], article.Authors);
        Assert.Equal("text:byline", article.Metadata!.Sources["authors"]);
    }

    [Fact]
    public void A_byline_after_the_body_does_not_replace_the_meta_author()
    {
        var html = Page("<meta name=\"author\" content=\"Mark Di Stefano\">", afterBody:
            "<p>Die Abstimmung im Plenum fiel deutlich aus, nachdem mehrere Abgeordnete der Opposition ihre Bedenken zurückgestellt hatten.</p>" +
            "<p>Der Bundesrat muss dem Gesetz noch zustimmen, was nach Einschätzung von Beobachtern in den kommenden Wochen geschehen dürfte.</p>" +
            "<p>by Ellie Hall</p>");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(["Mark Di Stefano"], article.Authors);
    }

    [Fact]
    public void A_byline_line_names_every_author_it_joins()
    {
        var html = Page(string.Empty, "<p>Von <strong>Roland Brockmann</strong> und <strong>Sebastian Drescher</strong></p>");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(["Roland Brockmann", "Sebastian Drescher"], article.Authors);
    }

    [Fact]
    public void A_job_title_after_a_byline_name_is_not_an_author()
    {
        var html = Page(string.Empty, "<p>Posted by Rudy Galfi, Product Manager</p>");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(["Rudy Galfi"], article.Authors);
    }

    [Fact]
    public void A_personal_site_is_by_the_person_its_host_and_site_name_spell()
    {
        var html = Page("<meta property=\"og:site_name\" content=\"Dr. Alexander Klier\">");
        var article = Extractor.Extract(html, "https://www.alexander-klier.net/zeitenkompetenz/zeitphilosophie/");

        Assert.Equal(["Alexander Klier"], article.Authors);
        Assert.Equal("site:owner", article.Metadata!.Sources["authors"]);
    }

    [Fact]
    public void A_form_of_address_in_the_site_name_marks_a_personal_site()
    {
        var html = Page("<meta property=\"og:site_name\" content=\"Frau Sabienes sagt\"><meta name=\"twitter:creator\" content=\"@sabienes\">");
        var article = Extractor.Extract(html, "https://frau-sabienes.de/konsumsparen-fazit/");

        Assert.Equal(["Frau Sabienes"], article.Authors);
    }

    [Fact]
    public void A_site_whose_host_is_not_the_name_has_no_owner_author()
    {
        // A person's site on a host that is another word; a brand's name that its host spells, with no title.
        var named = Extractor.Extract(Page("<meta property=\"og:site_name\" content=\"Dr. Wolfgang Michal\">"), "https://www.freitag-blog.de/2017/06/07/gesetz/");
        var brand = Extractor.Extract(Page("<meta property=\"og:site_name\" content=\"Statistics Globe\">"), "https://statisticsglobe.com/ggplot2");

        Assert.Empty(named.Authors);
        Assert.Empty(brand.Authors);
    }

    [Fact]
    public void A_cms_account_or_an_ad_label_is_not_an_author()
    {
        var admin = Extractor.Extract(Page(string.Empty, "<span class=\"author vcard\">von <a href=\"/author/wordpressadmin/\" rel=\"author\">wordpressadmin</a></span>"), "https://example.de/blog/gesetz/");
        var ad = Extractor.Extract(Page(string.Empty, afterBody: "<p class=\"author\">von Gesponserte Inhalte</p>"), "https://example.de/blog/gesetz/");

        Assert.Empty(admin.Authors);
        Assert.Empty(ad.Authors);
    }

    [Fact]
    public void A_byline_heading_without_a_name_is_not_an_author()
    {
        var html = Page(string.Empty, afterBody: "<div class=\"author-info\"><h2 class=\"author-heading\">Published by</h2></div>");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Empty(article.Authors);
    }

    [Fact]
    public void A_time_without_a_year_is_not_taken_for_today()
    {
        var html = Page("<meta name=\"date\" content=\"2:33 PM\">");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Null(article.Published);
    }

    [Fact]
    public void A_publication_date_in_the_future_is_refused()
    {
        var html = Page("<meta property=\"article:published_time\" content=\"2099-05-01T10:00:00+02:00\">" +
            "<meta name=\"date\" content=\"2021-03-04\">");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(new DateTimeOffset(2021, 3, 4, 0, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void A_full_date_in_the_url_beats_a_metadata_date_on_another_day()
    {
        var html = Page("<meta property=\"article:published_time\" content=\"2020-02-25T02:25:54+00:00\">");
        var article = Extractor.Extract(html, "https://example.com/2020/02/24/gesetz-beschlossen/");

        Assert.Equal(new DateTimeOffset(2020, 2, 24, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("url", article.Metadata!.Sources["published"]);
    }

    [Fact]
    public void A_metadata_time_on_the_urls_day_is_kept_with_its_time()
    {
        var html = Page("<meta property=\"article:published_time\" content=\"2020-02-24T10:15:00+01:00\">");
        var article = Extractor.Extract(html, "https://example.com/2020/02/24/gesetz-beschlossen/");

        Assert.Equal(new DateTimeOffset(2020, 2, 24, 10, 15, 0, TimeSpan.FromHours(1)), article.Published);
    }

    [Fact]
    public void An_archived_copy_is_dated_by_the_original_url_not_the_crawl()
    {
        var html = Page(string.Empty, "<span class=\"post-date\">5. Oktober 2013</span>");
        var article = Extractor.Extract(html, "https://web.archive.org/web/20160218174457/http://example.de/2013/10/gesetz.html");

        Assert.Equal(new DateTimeOffset(2013, 10, 5, 0, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void A_declared_date_shown_above_the_body_beats_a_first_declared_date_shown_nowhere()
    {
        var html = Declared("2021-12-06T14:36:00Z", "<p class=\"info\"><time datetime=\"2022-12-15T09:13:00+01:00\">15.12.2022</time></p>");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(new DateTimeOffset(2022, 12, 15, 9, 13, 0, TimeSpan.FromHours(1)), article.Published);
        Assert.Equal("html:time+shown", article.Metadata!.Sources["published"]);
    }

    [Fact]
    public void A_declared_date_shown_in_the_document_title_beats_a_first_declared_date_shown_nowhere()
    {
        var html = Page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-05-10T23:35:55\"}</script>" +
            "<meta name=\"cXenseParse:recs:publishtime\" content=\"2022-05-11T04:10:00-03:00\">")
            .Replace("<title>Neues Gesetz beschlossen</title>", "<title>Neues Gesetz beschlossen - Información - 11/05/2022</title>", StringComparison.Ordinal);
        var article = Extractor.Extract(html, "https://example.com.uy/informacion/gesetz.html");

        Assert.Equal(new DateTimeOffset(2022, 5, 11, 4, 10, 0, TimeSpan.FromHours(-3)), article.Published);
        Assert.Equal("meta:cxenseparse:recs:publishtime+shown", article.Metadata!.Sources["published"]);
    }

    [Fact]
    public void A_first_declared_date_shown_on_the_page_is_kept()
    {
        var html = Declared("2021-12-06T14:36:00Z", "<p class=\"info\"><time datetime=\"2022-12-15T09:13:00+01:00\">15.12.2022</time></p>",
            "<p>Erstveröffentlichung: 06.12.2021</p>");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(new DateTimeOffset(2021, 12, 6, 14, 36, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void A_date_a_sentence_below_the_body_talks_about_does_not_confirm_a_declared_date()
    {
        var html = Page("<meta name=\"date\" content=\"2020-04-29T11:52:23\">", "<p>Stand: 28.04.2020 18:00 Uhr</p>",
            "<p>Die Umweltverbände nannten das Gesetz einen Anfang, verlangten aber verbindliche Ziele für jedes einzelne Bundesland.</p>" +
            "<p>Der Bundesrat soll sich im kommenden Monat mit dem Gesetz befassen, eine Mehrheit gilt nach den Beratungen als sicher.</p>" +
            "<p>Über dieses Thema berichtete Inforadio am 29. April 2020 um 09:53 Uhr.</p>");
        var article = Extractor.Extract(html, "https://example.de/investigativ/datenleck-101.html");

        Assert.Equal(new DateTimeOffset(2020, 4, 28, 18, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void An_update_date_shown_above_the_body_does_not_pick_a_declared_date()
    {
        var html = Page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2017-12-15T10:00:00Z\"}</script>" +
            "<meta name=\"sailthru.date\" content=\"2018-07-24\">", "<p>By Alissa Wilkinson Updated Jul 24, 2018, 2:15pm EDT</p>");
        var article = Extractor.Extract(html, "https://example.com/culture/best-movies");

        Assert.Equal(new DateTimeOffset(2017, 12, 15, 10, 0, 0, TimeSpan.Zero), article.Published);
    }

    // Which date wins when the markup declares one and the lines above the body show another.
    [Theory]
    // A local midnight written in UTC is the day shown, kept as a day.
    [InlineData("<meta property=\"article:published_time\" content=\"2021-11-04T23:00Z\">", "<span>5. November 2021</span>", "2021-11-05T00:00:00Z")]
    // A UTC time that is no local midnight keeps its day (the shown day is its day in some zone).
    [InlineData("<meta property=\"article:published_time\" content=\"2021-11-04T23:10:00Z\">", "<span>5. November 2021</span>", "2021-11-04T23:10:00Z")]
    // A dateline after a byline beats a declared date shown nowhere.
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2020-12-03T07:32:49Z\"}</script>", "<p>von eseppelt · 31. Oktober 2023</p>", "2023-10-31T00:00:00Z")]
    // A longer line that starts with a date is a dateline.
    [InlineData("<meta name=\"date\" content=\"2020-02-12\">", "<div>05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)</div>", "2020-02-05T00:00:00Z")]
    // A date after another label is an event's.
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2019-11-27T10:00:00Z\"}</script>", "<p>Termin: 21.02.2020, 19 Uhr</p>", "2019-11-27T10:00:00Z")]
    // A slashed date shown month first confirms the declared date.
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-11-01T05:00:00Z\"}</script>", "<p>11/01/2021</p>", "2021-11-01T05:00:00Z")]
    // A long first paragraph that opens with its date, wire style, is read from its start.
    [InlineData("", "<p>29.11.2022 – Mehrfach und vehement hatte die Branche vor den Plänen gewarnt, Erlöse rückwirkend abzuschöpfen, doch die Regierung hielt an ihrem Entwurf fest, den das Kabinett nun ohne Änderungen an den Bundestag weitergeleitet hat.</p>", "2022-11-29T00:00:00Z")]
    public void A_shown_date_settles_a_declared_one(string head, string shown, string published)
    {
        var article = Extractor.Extract(Page(head, shown), "https://example.de/presse/gesetz");

        Assert.Equal(DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture), article.Published);
    }

    [Fact]
    public void A_german_date_in_a_date_element_dates_the_page()
    {
        var html = Page(string.Empty, "<div class=\"news-meta\"><span class=\"headline-date\">02. November 2021</span></div>");
        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(new DateTimeOffset(2021, 11, 2, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(DatePrecision.Day, article.PublishedPrecision);
    }

    [Fact]
    public void A_modification_date_before_the_publication_date_is_skipped()
    {
        var html = Page(string.Empty, afterBody: "<div class=\"footer-date\">Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023</div>");
        var article = Extractor.Extract(html, "https://example.de/artikel,30063.html");

        Assert.Equal(new DateOnly(2023, 11, 1), DateOnly.FromDateTime(article.Published!.Value.DateTime));
    }

    [Fact]
    public void The_day_of_the_sites_current_edition_does_not_date_the_article()
    {
        var html = Page(string.Empty, "<p>Édition du 12 octobre 2020 Éditions précédentes</p><p>Par Matthieu Hy le 07 Mai 2020</p>")
            .Replace("lang=\"de\"", "lang=\"fr\"", StringComparison.Ordinal);
        var article = Extractor.Extract(html, "https://example.fr/node/libre-cours");

        Assert.Equal(new DateTimeOffset(2020, 5, 7, 0, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void Dates_in_comments_do_not_date_the_page()
    {
        var html = Page(string.Empty, afterBody: "<div class=\"comments\"><span class=\"comment-date\">3. März 2024</span></div>");
        var article = Extractor.Extract(html, "https://example.de/artikel");

        Assert.Null(article.Published);
    }

    [Fact]
    public void An_indonesian_wall_clock_dateline_is_anchored_at_wib()
    {
        var html = "<html lang=\"en\"><head><title>Brandon Salim Makin Dekat</title></head><body><div class=\"content\">" +
            "<h1>Brandon Salim Makin Dekat</h1><span class=\"date-post\">Kamis, 05 November 2015 11:52</span>" +
            "<div class=\"entry-body\"><p>Aktor muda Brandon Salim terlihat semakin dekat dengan Sivia dalam beberapa kesempatan terakhir, kata sumber.</p>" +
            "<p>Keduanya bermain bersama dalam film terbaru yang akan tayang di bioskop seluruh Indonesia pada akhir bulan ini, menurut produser.</p></div></div></body></html>";
        var article = Extractor.Extract(html, "http://www.example.com/showbiz/brandon-salim-82f43b.html");

        Assert.Equal(new DateTimeOffset(2015, 11, 5, 11, 52, 0, TimeSpan.FromHours(7)), article.Published);
    }

    [Fact]
    public void A_zoned_visible_time_keeps_the_metadata_seconds()
    {
        var html = Page("<meta name=\"pubdate\" content=\"2015-11-05 T10:08:58Z\">", "<div class=\"date\">Kamis, 05/11/2015 10:08 WIB</div>");
        var article = Extractor.Extract(html, "http://inet.example.com/read/2015/11/05/100026/3062623/google");

        Assert.Equal(DateTimeOffset.Parse("2015-11-05T03:08:58Z", System.Globalization.CultureInfo.InvariantCulture), article.Published);
    }

    [Theory]
    [InlineData("Publié le 15 septembre 2009", 2009, 9, 15)]
    [InlineData("Hamburg, 2. November 2021", 2021, 11, 2)]
    [InlineData("23 de mayo de 2019", 2019, 5, 23)]
    [InlineData("15 августа 2016, 13:43", 2016, 8, 15)]
    [InlineData("2020年2月14日", 2020, 2, 14)]
    [InlineData("Samstag, 5. Oktober 2013", 2013, 10, 5)]
    [InlineData("November 2, 2021", 2021, 11, 2)]
    [InlineData("Erstellt am09.02.2022", 2022, 2, 9)]
    [InlineData("Tanja Karrasch3.11.2023", 2023, 11, 3)]
    [InlineData("Von: Björn Jahner | 31.10.23", 2023, 10, 31)]
    [InlineData("3 de mayo de 202221:25", 2022, 5, 3)]
    [InlineData("November 2, 202109:15", 2021, 11, 2)]
    [InlineData("Deutscher Tennis Bund 4. 2. 2022.", 2022, 2, 4)]
    [InlineData("macbacchi28.09.1912:44", 2019, 9, 28)]
    [InlineData("26 | 01 | 2022 Schweiz | Praxis | Video", 2022, 1, 26)]
    [InlineData("Kultur, 2.11.22", 2022, 11, 2)]
    [InlineData("Brasília03/05/2022 21:44", 2022, 5, 3)]
    [InlineData("sábado 06 de mayo del 2022Actualizado 07 May 2022 | 13:43 h", 2022, 5, 6)]
    public void Visible_dates_are_read_in_many_languages(string text, int year, int month, int day)
    {
        var found = VisibleDates.Find(text);

        Assert.NotNull(found);
        Assert.Equal(new DateOnly(year, month, day), DateOnly.FromDateTime(found.Value.DateTime));
    }

    [Theory]
    [InlineData("Version 1.2.10 ist da")]
    [InlineData("Preis 12.50.22")]
    [InlineData("Firmware 3.10.22.1")]
    [InlineData("Artikel 1. 2. 20221")]
    public void Dotted_numbers_that_are_no_day_month_and_year_are_not_dates(string text) => Assert.Null(VisibleDates.Find(text));

    [Fact]
    public void A_word_that_looks_like_a_month_is_not_a_date_without_a_real_month()
    {
        Assert.Null(VisibleDates.Find("5 Kommentare 2019"));
    }

    [Fact]
    public void Json_ld_author_references_resolve_to_the_person_node()
    {
        var ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[" +
            "{\"@type\":\"Article\",\"headline\":\"Neues Gesetz beschlossen\",\"author\":{\"@id\":\"https://example.de/#/schema/person/1\"}}," +
            "{\"@type\":\"Person\",\"@id\":\"https://example.de/#/schema/person/1\",\"name\":\"Chris Jung\"}]}</script>";
        var article = Extractor.Extract(Page(ld), "https://example.de/gesetz");

        Assert.Equal(["Chris Jung"], article.Authors);
    }

    [Fact]
    public void Byline_boxes_lose_their_cues_and_link_labels()
    {
        var html = Page(string.Empty, "<div class=\"entry-author\"><span>Veröffentlicht von</span><a href=\"/author/cj\">Chris Jung</a></div>");
        Assert.Equal(["Chris Jung"], Extractor.Extract(html, "https://example.de/gesetz").Authors);

        html = Page(string.Empty, afterBody: "<div class=\"author-box\"><a href=\"/author/pr\">Zeige alle Beiträge von Petra Ruland →</a></div>");
        Assert.Equal(["Petra Ruland"], Extractor.Extract(html, "https://example.de/gesetz").Authors);
    }

    [Fact]
    public void Names_that_start_with_a_cue_word_keep_their_letters()
    {
        var html = Page(string.Empty, "<div class=\"byline\">Daniel Braun, Davor Pasoski</div>");

        Assert.Equal(["Daniel Braun", "Davor Pasoski"], Extractor.Extract(html, "https://example.de/gesetz").Authors);
    }

    [Fact]
    public void Comment_form_labels_and_commenters_are_not_authors()
    {
        var comments = "<div id=\"respond\"><form><p class=\"comment-form-author\"><label>Name (erforderlich)</label><input></p></form></div>" +
            "<div class=\"comment-list\"><div class=\"comment-author\">Art Edwards says</div></div>";
        var article = Extractor.Extract(Page(string.Empty, afterBody: comments), "https://example.de/gesetz");

        Assert.Empty(article.Authors);
    }

    [Fact]
    public void A_declared_user_name_counts_as_an_author()
    {
        var article = Extractor.Extract(Page("<meta name=\"author\" content=\"gnaddrig\">"), "https://example.de/gesetz");

        Assert.Equal(["gnaddrig"], article.Authors);
    }

    [Fact]
    public void A_profile_url_in_the_author_meta_is_not_an_author()
    {
        var article = Extractor.Extract(Page("<meta property=\"article:author\" content=\"https://www.facebook.com/someone\">"), "https://example.de/gesetz");

        Assert.Empty(article.Authors);
    }

    [Fact]
    public void A_kicker_in_the_visible_headline_text_belongs_to_the_title()
    {
        var html = "<html><head><title>KPK Periksa Pejabat Mahkamah Agung | Republika Online</title>" +
            "<meta property=\"og:site_name\" content=\"Republika Online\"></head><body><div class=\"jdl-pic\">In Picture: KPK Periksa Pejabat Mahkamah Agung</div>" +
            "<div class=\"content\"><p>Petugas KPK memeriksa seorang pejabat Mahkamah Agung yang tertangkap tangan di Jakarta, kata juru bicara lembaga itu.</p></div></body></html>";

        Assert.Equal("In Picture: KPK Periksa Pejabat Mahkamah Agung", Extractor.Extract(html, null).Title);
    }

    [Theory]
    [InlineData("Anwalt Niemeyer", "<h1>Willkommen in der Kanzlei</h1>", "Willkommen in der Kanzlei")]
    [InlineData("Home", "<h1>Time to say goodbye.</h1>", "Time to say goodbye.")]
    [InlineData("Anwalt Niemeyer", "<h1>Anwalt Niemeyer</h1><h1>Willkommen</h1><h1>Kontakt aufnehmen</h1>", "Anwalt Niemeyer")]
    [InlineData("Neues Gesetz beschlossen", "<h1>Willkommen in der Kanzlei</h1>", "Neues Gesetz beschlossen")]
    public void A_declared_title_that_only_names_the_site_gives_way_to_the_one_other_h1(string declared, string h1s, string expected)
    {
        var html = $"<html><head><title>{declared}</title></head><body>{h1s}<div class=\"content\">{Body}</div></body></html>";

        Assert.Equal(expected, Extractor.Extract(html, "https://www.anwaltniemeyer.de/index.html").Title);
    }

    [Theory]
    [InlineData("Faire Lieferketten - Evangelisches Jugendwerk in Württemberg (ejw)", "Faire Lieferketten", "", "Faire Lieferketten")]
    [InlineData("Regional: Hujan deras melanda Bogor sejak pagi", "Regional", "", "Regional: Hujan deras melanda Bogor sejak pagi")]
    [InlineData("Seelenradio - Nummer zwei: Leo und die anderen", "Seelenradio", "Seelenradio", "Nummer zwei: Leo und die anderen")]
    public void A_short_h1_is_the_title_when_the_declared_title_is_it_and_then_the_site(string declared, string h1, string site, string expected)
    {
        // A section name before a colon stays part of the title, and a short h1 that names the site is no headline.
        var siteName = site.Length > 0 ? $"<meta property=\"og:site_name\" content=\"{site}\">" : string.Empty;
        var html = $"<html><head><title>{declared}</title>{siteName}</head><body><h1>{h1}</h1><div class=\"content\">{Body}</div></body></html>";

        Assert.Equal(expected, Extractor.Extract(html, "https://www.example.de/aktuell/beitrag").Title);
    }

    [Fact]
    public void Scored_authors_match_across_connectives_and_separators()
    {
        var scorer = new ExtractionScorer();
        var page = new ExtractionPage { Set = "t", Id = "1", Html = string.Empty, GoldAuthors = ["Lars Fischer und Alina Schadwinkel"] };
        scorer.Add(page, new ExtractionOutput(string.Empty, null, ["Lars Fischer", "Alina Schadwinkel"], null, null));
        scorer.Add(page, new ExtractionOutput(string.Empty, null, ["Lars Fischer"], null, null));

        Assert.Equal((1, 2), scorer.Field("author"));
    }

    [Fact]
    public void A_name_inside_a_microdata_author_names_the_author()
    {
        // The author box with a biography is too long for a byline; its itemprop=name child is read instead.
        var html = Page(string.Empty, "<div itemprop=\"author publisher\" itemscope><span itemprop=\"name\">Jana Weber</span> <span>schreibt seit 2009 über Energiepolitik, Klimaschutz und die Arbeit des Bundestages in Berlin und Brüssel, zuvor war sie Korrespondentin in Wien.</span></div>");

        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(["Jana Weber"], article.Authors);
        Assert.Equal("microdata:author", article.Metadata!.Sources["authors"]);
    }

    [Fact]
    public void A_link_with_rel_author_among_other_rels_names_the_author()
    {
        var html = Page(string.Empty, "<p class=\"meta\">Von <a rel=\"nofollow author\" href=\"/team/jw\">Jana Weber</a></p>");

        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(["Jana Weber"], article.Authors);
        Assert.Equal("rel:author", article.Metadata!.Sources["authors"]);
    }

    [Fact]
    public void A_canonical_link_among_other_rels_gives_the_canonical_url()
    {
        var html = Page("<link rel=\"alternate canonical\" href=\"/presse/gesetz\">");

        var article = Extractor.Extract(html, "https://example.de/presse/gesetz?utm=x");

        Assert.Equal("https://example.de/presse/gesetz", article.Metadata!.CanonicalUrl);
    }

    [Theory]
    [InlineData("  Neues\n\tGesetz  beschlossen ", "Neues Gesetz beschlossen")]
    [InlineData("Neues Gesetz", "Neues Gesetz")]
    [InlineData("Tom &amp; Jerry\u00A0Show", "Tom & Jerry Show")]
    [InlineData(" \n ", "")]
    public void Metadata_text_is_decoded_with_whitespace_collapsed(string raw, string clean)
    {
        Assert.Equal(clean, HtmlMetadataReader.Clean(raw));
    }

    [Fact]
    public void The_author_of_a_personal_blog_named_after_them_is_kept()
    {
        var html = Page("<meta property=\"og:site_name\" content=\"Daniel Lemire&#039;s blog\">",
            "<p class=\"byline\"><span class=\"author vcard\"><a class=\"url fn n\" href=\"/author/lemire\">Daniel Lemire</a></span></p>");

        var article = Extractor.Extract(html, "https://lemire.example/blog/gesetz");

        Assert.Equal(["Daniel Lemire"], article.Authors);
    }

    [Fact]
    public void A_declared_author_that_is_the_site_itself_is_kept_only_when_it_names_a_person()
    {
        var person = Extractor.Extract(Page("<meta property=\"og:site_name\" content=\"Pamela Anderson\"><meta name=\"author\" content=\"Pamela Anderson\">"), null);
        var outlet = Extractor.Extract(Page("<meta property=\"og:site_name\" content=\"Kompas Cyber Media\"><meta name=\"author\" content=\"Kompas Cyber Media\">"), null);

        Assert.Equal(["Pamela Anderson"], person.Authors);
        Assert.Empty(outlet.Authors);
    }
    [Fact]
    public void An_editorial_team_declared_as_the_author_is_taken_when_no_person_is_named()
    {
        var team = Extractor.Extract(Page("<meta name=\"author\" content=\"Redaktion\">"), "https://example.de/presse/gesetz");
        var named = Extractor.Extract(Page("<meta property=\"og:site_name\" content=\"Battery News\"><meta name=\"author\" content=\"Die Redaktion von Battery News\">"), "https://example.de/zellen");
        var person = Extractor.Extract(Page("<meta name=\"author\" content=\"Redaktion\">", "<p>Von Roland Brockmann</p>"), "https://example.de/presse/gesetz");

        Assert.Equal(["Redaktion"], team.Authors);
        Assert.Equal(["Die Redaktion von Battery News"], named.Authors);
        Assert.Equal(["Roland Brockmann"], person.Authors);
    }

    [Fact]
    public void The_written_by_label_pair_of_twitter_meta_names_the_author()
    {
        var html = Page("<meta name=\"twitter:label1\" content=\"Verfasst von\"><meta name=\"twitter:data1\" content=\"Karoline Herr\">" +
            "<meta name=\"twitter:label2\" content=\"Lesedauer\"><meta name=\"twitter:data2\" content=\"2 Minuten\">");

        var article = Extractor.Extract(html, "https://example.de/presse/gesetz");

        Assert.Equal(["Karoline Herr"], article.Authors);
        Assert.Equal("meta:twitter:data1", article.Metadata!.Sources["authors"]);
    }

    [Fact]
    public void A_recipe_node_or_an_agency_in_json_ld_names_the_author_when_nothing_else_does()
    {
        var recipe = Extractor.Extract(Page("<script type=\"application/ld+json\">{\"@type\":\"Recipe\",\"author\":{\"@type\":\"Person\",\"name\":\"jesusfreak\"}}</script>"), "https://example.de/rezepte/kuchen");
        var agency = Extractor.Extract(Page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\",\"name\":\"Deutsche Presse-Agentur\"}}</script>"), "https://example.de/presse/gesetz");

        Assert.Equal(["jesusfreak"], recipe.Authors);
        Assert.Equal(["Deutsche Presse-Agentur"], agency.Authors);
    }

    [Fact]
    public void A_declared_full_name_the_host_spells_is_the_site_owner_but_an_outlet_name_is_not()
    {
        var person = Extractor.Extract(Page("<meta name=\"author\" content=\"Wolfgang Schmale\">"), "https://wolfgangschmale.example/2020/studie/");
        var outlet = Extractor.Extract(Page("<meta name=\"author\" content=\"El Colombiano\">"), "https://www.elcolombiano.example/antioquia/buses");

        Assert.Equal(["Wolfgang Schmale"], person.Authors);
        Assert.Empty(outlet.Authors);
    }
    [Fact]
    public void A_utc_date_takes_the_offset_another_of_the_pages_dates_states_for_the_same_instant()
    {
        var html = Page("<meta property=\"article:published_time\" content=\"2019-10-18T22:04:00Z\"><meta name=\"date\" content=\"Sat, 19 Oct 2019 00:04:00 +0200\">");

        var article = Extractor.Extract(html, "https://example.at/gesundheit/krebs");

        Assert.Equal(new DateTimeOffset(2019, 10, 19, 0, 4, 0, TimeSpan.FromHours(2)), article.Published);
        Assert.Equal(TimeSpan.FromHours(2), article.Published!.Value.Offset);
    }

    [Fact]
    public void A_shown_wall_clock_time_of_the_same_minute_gives_a_utc_date_its_offset()
    {
        var html = Page("<meta property=\"article:published_time\" content=\"2022-05-04T00:44:52Z\">", "<p class=\"date\">03/05/2022 21:44</p>");

        var article = Extractor.Extract(html, "https://example.com.br/republica/pacheco");

        Assert.Equal(TimeSpan.FromHours(-3), article.Published!.Value.Offset);
        Assert.Equal(new DateTime(2022, 5, 3), article.Published.Value.Date);
    }
    [Fact]
    public void A_dublin_core_creator_property_is_read_first_and_rdfa_properties_may_share_one_attribute()
    {
        var preferred = Extractor.Extract(Page("<meta name=\"author\" content=\"Anna Lena Becker\"><meta property=\"dc:creator\" content=\"Jonas Weber\">"), null);
        var shared = Extractor.Extract(Page("<meta property=\"dc:creator twitter:site_name\" content=\"Jonas Weber\">"), null);

        Assert.Equal(["Jonas Weber"], preferred.Authors);
        Assert.Equal(["Jonas Weber"], shared.Authors);
    }

    [Fact]
    public void A_job_title_after_a_name_is_not_a_name()
    {
        var trailing = Extractor.Extract(Page(string.Empty, "<p class=\"byline\"><span class=\"author\">Ben Silverman Games Editor</span></p>"), null);
        var listed = Extractor.Extract(Page("<meta name=\"author\" content=\"Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project\">"), null);

        Assert.Equal(["Ben Silverman"], trailing.Authors);
        Assert.Equal(["Daniel Kahn Gillmor"], listed.Authors);
    }

    [Fact]
    public void A_site_named_with_a_form_of_address_is_not_taken_for_its_author()
    {
        var html = Page("<meta property=\"og:site_name\" content=\"Madame Figaro\"><meta property=\"dc:creator\" content=\"Madame Figaro\">");

        var article = Extractor.Extract(html, "https://madame.example.fr/beaute/intestin");

        Assert.Empty(article.Authors);
    }
    [Fact]
    public void A_byline_shown_outside_the_body_names_the_author_when_nothing_else_does()
    {
        var user = Extractor.Extract(Page(string.Empty, afterBody: "<div class=\"submitted\">Gespeichert von <span class=\"username\">rasos</span> am 24. Juli 2017 - 18:02</div>"), null);
        var credit = Extractor.Extract(Page(string.Empty, afterBody: "<p><em>Text von Christian Seiler   Illustration von Markus Roost</em></p>"), null);
        var sentence = Extractor.Extract(Page(string.Empty, afterBody: "<p>von Atemschutzmaske über Exit-Strategie bis Zoonose</p>"), null);

        Assert.Equal(["rasos"], user.Authors);
        Assert.Equal("html:shown-byline", user.Metadata!.Sources["authors"]);
        Assert.Equal(["Christian Seiler"], credit.Authors);
        Assert.Empty(sentence.Authors);
    }

    [Fact]
    public void A_label_in_its_own_node_names_the_author_in_the_nodes_after_it()
    {
        var heading = Extractor.Extract(Page(string.Empty, afterBody: "<p><h5 class=\"title-inline\">Datum: </h5>03.11.2021 <br><h5 class=\"title-inline\">Autor: </h5>Peter Maahn/SP-X</p>"), null);
        var lineBreak = Extractor.Extract(Page(string.Empty, afterBody: "<p><b>Von:</b> <br> <br> Götz Warnke</p>"), null);
        var separator = Extractor.Extract(Page(string.Empty, "<div class=\"meta\"><span>yas!</span> <span class=\"screen-reader-text\">| By </span> <span>Cara Stiles</span> | <time>April 13, 2020</time></div>"), null);
        var led = Extractor.Extract(Page(string.Empty, afterBody: "<div>05.02.2020 <span>-&nbsp;Redaktion: Eberhard Fuhr (Pressesprecher)</span></div>"), null);
        var han = Extractor.Extract(Page(string.Empty, afterBody: "<div><span>新华网</span> 责任编辑： 焦鹏 </div>"), null);
        var credit = Extractor.Extract(Page(string.Empty, afterBody: "<div id=\"footer\"><a href=\"/\">Atahualpa Theme</a> by <a href=\"/b\">BytesForAll</a></div>"), null);

        Assert.Equal(["Peter Maahn"], heading.Authors);
        Assert.Equal("html:labelled-byline", heading.Metadata!.Sources["authors"]);
        Assert.Equal(["Götz Warnke"], lineBreak.Authors);
        Assert.Equal(["Cara Stiles"], separator.Authors);
        Assert.Equal(["Eberhard Fuhr"], led.Authors);
        Assert.Equal(["焦鹏"], han.Authors);
        Assert.Empty(credit.Authors);
    }

    [Fact]
    public void A_shown_byline_reads_a_space_between_its_elements()
    {
        var article = Extractor.Extract(Page(string.Empty, afterBody: "<div class=\"x\"><span>Geschrieben von</span><span><a href=\"/team/a\">Alex Bozarjian</a></span></div>"), null);

        Assert.Equal(["Alex Bozarjian"], article.Authors);
        Assert.Equal("html:shown-byline", article.Metadata!.Sources["authors"]);
    }

    [Fact]
    public void A_profession_before_a_name_an_agency_code_after_it_and_an_update_line_are_not_names()
    {
        var lawyer = Extractor.Extract(Page("<meta name=\"author\" content=\"Rechtsanwalt Sebastian Einbock\">"), null);
        var agency = Extractor.Extract(Page("<meta name=\"author\" content=\"David Hutzler, dpa\">"), null);
        var updated = Extractor.Extract(Page(string.Empty, "<div class=\"author-details\"><em>Last Updated:</em> January 7, 2025</div>"), null);

        Assert.Equal(["Sebastian Einbock"], lawyer.Authors);
        Assert.Equal(["David Hutzler"], agency.Authors);
        Assert.Empty(updated.Authors);
    }

    [Fact]
    public void A_date_line_with_a_name_after_it_names_the_author()
    {
        var dash = Extractor.Extract(Page(string.Empty, "<p class=\"text-muted\">11.12.2019 - Amelie Loevenich</p>"), null);
        var time = Extractor.Extract(Page(string.Empty, "<small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small>"), null);
        var cue = Extractor.Extract(Page(string.Empty, "<h2>Stars <span>06.11.2023 13:30 von Olga </span></h2>"), null);
        var place = Extractor.Extract(Page(string.Empty, "<p>11.12.2019 - Berlin</p>"), null);

        Assert.Equal(["Amelie Loevenich"], dash.Authors);
        Assert.Equal("html:dated-byline", dash.Metadata!.Sources["authors"]);
        Assert.Equal(["Uta Helkenberg"], time.Authors);
        Assert.Equal(["Olga"], cue.Authors);
        Assert.Empty(place.Authors);
    }

    [Fact]
    public void A_signature_under_the_body_names_the_author_when_nothing_else_does()
    {
        static string Signed(string signature) =>
            "<!DOCTYPE html><html lang=\"de\"><head><title>Neues Gesetz beschlossen</title></head><body><div class=\"content\">" +
            $"<h1>Neues Gesetz beschlossen</h1><div class=\"article-body\">{Body}{signature}</div></div></body></html>";
        var bold = Extractor.Extract(Signed("<p><b><i>Stefan Wasmer</i></b></p>"), null);
        var dated = Extractor.Extract(Signed("<p>Benni<br>10. September 2017</p>"), null);
        var greeted = Extractor.Extract(Signed("<p>Euer HansEhrlich</p>"), null);
        var plain = Extractor.Extract(Signed("<p>Weitere Informationen</p>"), null);

        Assert.Equal(["Stefan Wasmer"], bold.Authors);
        Assert.Equal("text:signature", bold.Metadata!.Sources["authors"]);
        Assert.Equal(["Benni"], dated.Authors);
        Assert.Equal(["HansEhrlich"], greeted.Authors);
        Assert.Empty(plain.Authors);
    }

    [Fact]
    public void The_author_label_inside_a_box_of_labelled_lines_starts_the_names()
    {
        var html = Page(string.Empty, "<div class=\"liveArticleAuthorDateBlock\"><span>Datum:</span> 19.11.2021 <br><span>Autor:</span> Fritz Imhof<br><span>Quelle:</span> Livenet</div>");

        Assert.Equal(["Fritz Imhof"], Extractor.Extract(html, null).Authors);
    }

    [Fact]
    public void A_dotted_account_counts_only_where_nothing_stronger_names_the_author()
    {
        var shown = Extractor.Extract(Page(string.Empty, "<div>Von <a href=\"/redaktion/isabelladibiase\" class=\"username\">Isabella.DiBiase</a> am Samstag</div>"), null);
        var domain = Extractor.Extract(Page(string.Empty, "<div>Von <a href=\"/\" class=\"username\">koffer.com</a> am Samstag</div>"), null);
        var declared = Extractor.Extract(Page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"edilson.la.rosa\"}}</script><meta name=\"author\" content=\"Edilson La Rosa\">"), null);

        Assert.Equal(["Isabella.DiBiase"], shown.Authors);
        Assert.Empty(domain.Authors);
        Assert.Equal(["Edilson La Rosa"], declared.Authors);
    }

    [Fact]
    public void An_editorial_team_in_a_byline_element_is_the_author_when_no_person_is_named()
    {
        var team = Extractor.Extract(Page(string.Empty, "<div class=\"author-box\"><span class=\"author\">Redaktion</span> <time>1. November 2023</time></div>"), null);
        var person = Extractor.Extract(Page(string.Empty, "<div class=\"author-box\"><span class=\"author\">Redaktion</span></div><p>Von Anna Berg</p>"), null);

        Assert.Equal(["Redaktion"], team.Authors);
        Assert.Equal("html:byline-team", team.Metadata!.Sources["authors"]);
        Assert.Equal(["Anna Berg"], person.Authors);
    }

    [Fact]
    public void A_site_named_as_someones_on_the_host_their_name_spells_is_theirs()
    {
        var owned = Extractor.Extract(Page("<meta property=\"og:site_name\" content=\"Gregory Szorc's Digital Home\">"), "https://gregoryszorc.com/blog/2020/01/13/python-3/");
        var other = Extractor.Extract(Page("<meta property=\"og:site_name\" content=\"Gregory Szorc's Digital Home\">"), "https://example.com/blog/python-3/");

        Assert.Equal(["Gregory Szorc"], owned.Authors);
        Assert.Empty(other.Authors);
    }

    [Fact]
    public void A_bold_last_line_outside_a_paragraph_is_no_signature()
    {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><title>Cruises</title></head><body><div class=\"article-body\">" +
            Body + "<div><b>River Cruise Tools</b></div></div></body></html>";

        Assert.Empty(Extractor.Extract(html, null).Authors);
    }

    [Fact]
    public void An_organisation_a_bare_cue_or_an_exclamation_is_no_author()
    {
        var association = Extractor.Extract(Page("<meta name=\"author\" content=\"Hanns-Seidel-Stiftung e.V\">"), null);
        var company = Extractor.Extract(Page("<meta name=\"author\" content=\"Web Commerce GmbH\">"), null);
        var cue = Extractor.Extract(Page("<meta name=\"author\" content=\"Artikel von\">"), null);
        var headline = Extractor.Extract(Page("<meta name=\"author\" content=\"Endlich mehr Beschleunigung wagen!\">"), null);
        var changed = Extractor.Extract(Page(string.Empty, "<div class=\"author\">Zuletzt geändert 12.03.2021</div>"), null);

        Assert.Empty(association.Authors);
        Assert.Empty(company.Authors);
        Assert.Empty(cue.Authors);
        Assert.Empty(headline.Authors);
        Assert.Empty(changed.Authors);
    }

    [Fact]
    public void A_byline_with_the_surname_completes_a_declared_first_name()
    {
        var meta = Extractor.Extract(Page("<meta name=\"author\" content=\"Nils\">", "<p><strong>Eine Kolumne von Nils Pickert</strong></p>"), null);
        var split = Extractor.Extract(Page(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Todd\"}}</script>",
            "<div class=\"full-name-wrapper\"><p class=\"label\"><strong>By</strong></p><p class=\"full-name\">Todd Bates</p></div>"), null);
        var other = Extractor.Extract(Page(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Nils\"}}</script>",
            "<p>Von Anna Schmidt</p>"), null);
        var site = Extractor.Extract(Page("<meta name=\"author\" content=\"Matthias\">", "<p>Von Matthias</p>"), null);

        Assert.Equal(["Nils Pickert"], meta.Authors);
        Assert.Equal(["Todd Bates"], split.Authors);
        Assert.Equal(["Nils"], other.Authors);
        Assert.Equal(["Matthias"], site.Authors);
    }

    [Fact]
    public void A_person_node_whose_description_opens_with_the_full_name_gives_the_surname()
    {
        static string Person(string description) => Page(
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"Article\",\"author\":{\"@id\":\"#p\"}}," +
            $"{{\"@type\":\"Person\",\"@id\":\"#p\",\"name\":\"Stefanus\",\"description\":\"{description}\"}}]}}</script>");
        var bio = Extractor.Extract(Person("Stefanus Stahl - Maschinenbauer, Abenteurer und ICB-Projektleiter."), null);
        var verb = Extractor.Extract(Person("Stefanus schreibt über Reifen."), null);

        Assert.Equal(["Stefanus Stahl"], bio.Authors);
        Assert.Equal(["Stefanus"], verb.Authors);
    }

    [Fact]
    public void Co_authors_declared_beside_the_json_ld_author_are_kept()
    {
        const string Ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Sadhbh O'Sullivan\"}";
        var creator = Extractor.Extract(Page(Ld + ",\"creator\":[\"Sadhbh O'Sullivan\",\"Elisabeth Kochan\"]}</script>"), null);
        var meta = Extractor.Extract(Page(Ld + "}</script><meta name=\"author\" content=\"Sadhbh O'Sullivan,Elisabeth Kochan\">"), null);
        var others = Extractor.Extract(Page(Ld + "}</script><meta name=\"author\" content=\"Anna Schmidt, Elisabeth Kochan\">"), null);

        Assert.Equal(["Sadhbh O'Sullivan", "Elisabeth Kochan"], creator.Authors);
        Assert.Equal(["Sadhbh O'Sullivan", "Elisabeth Kochan"], meta.Authors);
        Assert.Equal(["Sadhbh O'Sullivan"], others.Authors);
    }

    [Fact]
    public void A_chinese_role_before_a_name_is_no_part_of_it()
    {
        var reporter = Extractor.Extract(Page(string.Empty, "<table><tr><td><font>&nbsp;&nbsp;作者： 记者王敬照 </font></td></tr></table>"), null);
        var name = Extractor.Extract(Page("<meta name=\"author\" content=\"本报记者 李明\">"), null);
        var plain = Extractor.Extract(Page("<meta name=\"author\" content=\"记者\">"), null);

        Assert.Equal(["王敬照"], reporter.Authors);
        Assert.Equal(["李明"], name.Authors);
        Assert.Empty(plain.Authors);
    }

    [Fact]
    public void A_recipe_name_a_theme_credit_a_short_weekday_and_a_job_description_are_no_author()
    {
        var recipe = Extractor.Extract(Page(string.Empty, "<div class=\"hrecipe\"><h1 class=\"fn title\">Vanille-Hafer-Porridge mit Leinsamen und Apfel</h1></div>"), null);
        var card = Extractor.Extract(Page(string.Empty, "<span class=\"vcard\"><span class=\"fn\">Anna Schmidt</span></span>"), null);
        var theme = Extractor.Extract(Page("<meta name=\"author\" content=\"Peter Amende und Fuchsy designed\">", "<a rel=\"author\" href=\"/author/hb/\">Harald Bauer</a>"), null);
        var weekday = Extractor.Extract(Page(string.Empty, "<div class=\"article-author\">Von <strong><a href=\"/autoren/ts/\">Tomas Spahn</a></strong> Fr, 18. Oktober 2019</div>"), null);
        var job = Extractor.Extract(Page(string.Empty, afterBody: "<p><strong>Autorin: Uta Staschewski, Projektleiterin der HSS in Tunesien.</strong></p>"), null);
        var headline = Extractor.Extract(Page(string.Empty, afterBody: "<div class=\"teaser\"><a href=\"/lenk/43143.html\">Von Einheimischen, Gästen und ganz viel Kühen</a></div>"), null);

        Assert.Empty(recipe.Authors);
        Assert.Equal(["Anna Schmidt"], card.Authors);
        Assert.Equal(["Harald Bauer"], theme.Authors);
        Assert.Equal(["Tomas Spahn"], weekday.Authors);
        Assert.Equal(["Uta Staschewski"], job.Authors);
        Assert.Empty(headline.Authors);
    }

    [Fact]
    public void Declared_and_shown_names_are_read_without_a_handle_an_interviewee_or_an_account_slug()
    {
        var cxense = Extractor.Extract(Page("<meta property=\"cXenseParse:author\" content=\"Lisa Petrich\">", "<span class=\"article-author\">Clara Müller</span>"), null);
        var handle = Extractor.Extract(Page("<meta name=\"author\" content=\"Williams Perdomo @wperdomod\">"), null);
        var interview = Extractor.Extract(Page("<meta name=\"author\" content=\"Paul Soldan\">", "<p><em>Ein Interview von <strong>Eugen Zentner</strong> mit <strong>Sonja Silberhorn</strong>.</em></p>"), null);
        static string Account(string shown) => Page("<meta property=\"article:author\" content=\"gabor_munier\">", afterBody: $"<ul><li><span>Author: {shown}, Datum: 03.Mär.19</span></li></ul>");
        var spelled = Extractor.Extract(Account("<a href=\"/autoren/gabor-munier\">Gàbor Muniér</a>"), null);
        var other = Extractor.Extract(Account("<a href=\"/autoren/anna-schmidt\">Anna Schmidt</a>"), null);

        Assert.Equal(["Lisa Petrich"], cxense.Authors);
        Assert.Equal(["Williams Perdomo"], handle.Authors);
        Assert.Equal(["Eugen Zentner"], interview.Authors);
        Assert.Equal(["Gàbor Muniér"], spelled.Authors);
        Assert.Equal(["gabor_munier"], other.Authors);
    }

    [Fact]
    public void A_reading_time_a_note_in_brackets_and_a_lower_case_phrase_are_no_part_of_the_names()
    {
        var reading = Extractor.Extract(Page(string.Empty,
            "<div class=\"author\"><a href=\"/autor/ic\">Isabel Caro</a>, <a href=\"/autor/rl\">Rocío Latorre</a> y <a href=\"/autor/jmw\">José Miguel Wilson</a> <div>Tiempo de lectura: 8 minutos</div></div>"), null);
        var note = Extractor.Extract(Page(string.Empty, afterBody: "<p style=\"text-align: right;\"><em>Autor: <a href=\"/sd/\">Samuel Diekmann </a>(Sponsored Post), Redner bei rent-a-pastor.com</em></p>"), null);
        var phrase = Extractor.Extract(Page("<meta name=\"author\" content=\"deinen Hochzeitsbloggern\">"), null);
        var particle = Extractor.Extract(Page("<meta name=\"author\" content=\"van Gogh\">"), null);

        Assert.Equal(["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"], reading.Authors);
        Assert.Equal(["Samuel Diekmann"], note.Authors);
        Assert.Empty(phrase.Authors);
        Assert.Equal(["van Gogh"], particle.Authors);
    }

    [Fact]
    public void An_author_box_names_its_author_in_its_heading()
    {
        const string Bio = "<p>Martin schreibt seit vielen Jahren über Leasing, Finanzierung und Firmenwagen für kleine und mittlere Unternehmen in ganz Deutschland.</p>";
        var box = Extractor.Extract(Page(string.Empty, afterBody: $"<div class=\"author-bio footer\"><h3>Martin Junker</h3>{Bio}</div>"), null);
        var about = Extractor.Extract(Page(string.Empty, afterBody: $"<div class=\"author-bio footer\"><h3>Über den Autor</h3>{Bio}</div>"), null);
        var post = Extractor.Extract(Page(string.Empty, afterBody: $"<div class=\"entry-author-itsallaboutyoga entry\"><h3>Permission To Be Bad</h3>{Bio}</div>"), null);

        Assert.Equal(["Martin Junker"], box.Authors);
        Assert.Empty(about.Authors);
        Assert.Empty(post.Authors);
    }

    [Fact]
    public void The_name_after_a_by_inside_a_byline_is_the_author()
    {
        var post = Extractor.Extract(Page(string.Empty, "<div class=\"byline\">Music post by Lisa Knisely</div>"), null);
        var posted = Extractor.Extract(Page(string.Empty, "<span class=\"author\">Posted in Architecture By Raphaelle</span>"), null);
        var particle = Extractor.Extract(Page(string.Empty, "<span class=\"author\">Christoph von Ritter</span>"), null);
        var edited = Extractor.Extract(Page(string.Empty, "<p class=\"byline\">Rob Ewaschuk Edited by Betsy Beyer</p>"), null);
        var filed = Extractor.Extract(Page(string.Empty, "<p class=\"byline\">Article by Steph Miller, filed under Cities</p>"), null);

        Assert.Equal(["Lisa Knisely"], post.Authors);
        Assert.Equal(["Raphaelle"], posted.Authors);
        Assert.Equal(["Christoph von Ritter"], particle.Authors);
        Assert.Equal(["Rob Ewaschuk"], edited.Authors);
        Assert.Equal(["Steph Miller"], filed.Authors);
    }
}
