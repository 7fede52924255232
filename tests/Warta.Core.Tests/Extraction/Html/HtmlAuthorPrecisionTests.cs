using Warta.Extraction;

namespace Warta.Tests.Extraction.Html;

// What is not an author: the outlet, an organisation, its address, topics, captions and datelines.
public sealed class HtmlAuthorPrecisionTests
{
    private static readonly HtmlArticleExtractor Extractor = new();

    private static string Page(string head, string beforeBody = "", string afterBody = "") => HtmlMetadataTests.Page(head, beforeBody, afterBody);

    private static IReadOnlyList<string> Authors(string html, string url = "https://example.de/politik/gesetz") => Extractor.Extract(html, url).Authors;

    private static string MetaAuthor(string name) => $"<meta name=\"author\" content=\"{name}\">";

    private static string LdAuthor(string name) =>
        $"<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"author\":{{\"@type\":\"Person\",\"name\":\"{name}\"}}}}</script>";

    [Fact]
    public void The_outlet_with_its_address_names_no_one()
    {
        var site = "<meta property=\"og:site_name\" content=\"hessenschau.de\">";

        Assert.Empty(Authors(Page(site + MetaAuthor("hessenschau.de, Frankfurt, Germany")), "https://www.hessenschau.de/kultur/buch.html"));
        Assert.Empty(Authors(Page(MetaAuthor("Kirche und Leben, Münster, Germany")), "https://www.kirche-und-leben.de/artikel/caritas"));
    }

    [Fact]
    public void An_organisation_and_the_rest_of_its_name_name_no_one()
    {
        Assert.Empty(Authors(Page(MetaAuthor("Bayerische Landesanstalt für Wald und Forstwirtschaft - LWF"))));
    }

    [Fact]
    public void A_name_with_an_organisation_word_is_not_a_person()
    {
        Assert.Empty(Authors(Page(MetaAuthor("Suedtirol Online"))));
        Assert.Empty(Authors(Page(MetaAuthor("Auto Illustrierte"))));
        Assert.Empty(Authors(Page(string.Empty, "<p><span itemprop=\"author\">Revised Edition Edited by Adrian Parr</span></p>")));
        // A team keeps its word.
        Assert.Equal(["Staff Writer"], Authors(Page(LdAuthor("Staff Writer"))));
    }

    [Fact]
    public void A_name_whose_initials_spell_the_host_is_the_outlet()
    {
        Assert.Empty(Authors(Page(MetaAuthor("Deutsche Welle")), "https://www.dw.com/fr/elephants/a-6533123"));
        Assert.Equal(["Deutsche Welle"], Authors(Page(MetaAuthor("Deutsche Welle")), "https://example.de/politik/gesetz"));
    }

    [Fact]
    public void A_host_word_in_a_name_not_written_as_a_person_is_the_outlet()
    {
        Assert.Empty(Authors(Page(MetaAuthor("OÖ Volksblatt")), "https://volksblatt.at/chronik/alkohol/"));
        Assert.Empty(Authors(Page(MetaAuthor("DITIB")), "https://ditib.de/detail1.php?id=765"));
        Assert.Empty(Authors(Page(MetaAuthor("NEW WORK Experience")), "https://nwx.new-work.se/themenwelten/stress"));
        Assert.Empty(Authors(Page(string.Empty, "<p>von <a rel=\"author\" href=\"/?author=1\">Krimiblog-Archiv</a></p>"), "http://archiv.krimiblog.de/?p=2895"));
        // A personal site is named after its author.
        Assert.Equal(["Helge Fahrnberger"], Authors(Page(MetaAuthor("Helge Fahrnberger")), "https://helge.at/2014/mahu/"));
    }

    [Fact]
    public void A_site_name_led_by_an_article_is_no_personal_site()
    {
        var site = "<meta property=\"og:site_name\" content=\"Achtsam durch die Krise | Die FURCHE\">";

        Assert.Empty(Authors(Page(site + MetaAuthor("Die FURCHE")), "https://www.furche.at/gesellschaft/achtsam-2497954"));
    }

    [Fact]
    public void The_outlet_after_for_is_not_part_of_the_name()
    {
        Assert.Equal(["Glen Owen", "Brendan Carlin"], Authors(Page(LdAuthor("Glen Owen And Brendan Carlin For The Mail On Sunday"))));
    }

    [Fact]
    public void Agencies_named_by_a_plural_are_no_author()
    {
        Assert.Empty(Authors(Page(LdAuthor("Agencies"))));
        Assert.Empty(Authors(Page(MetaAuthor("Agenturen"))));
    }

    [Fact]
    public void The_topics_of_a_post_meta_box_are_not_authors()
    {
        var box = "<div class=\"postMeta--author vcard author\"><span>01.12.2022</span> / <a href=\"/thema/csp/\" rel=\"tag\">CSP</a> / " +
            "<a href=\"/thema/photovoltaik/\" rel=\"tag\">Photovoltaik</a> / <a href=\"/thema/speicher/\" rel=\"tag\">Speicher</a></div>";
        var single = "<div class=\"byline\">Posted by</div><span class=\"cnn_author\"><a href=\"/tag/shannon-travis/\" rel=\"tag\">Shannon Travis</a></span>";

        Assert.Empty(Authors(Page(string.Empty, box)));
        Assert.Equal(["Shannon Travis"], Authors(Page(string.Empty, single)));
    }

    [Fact]
    public void A_dateline_place_in_capitals_is_not_an_author()
    {
        Assert.Empty(Authors(Page(string.Empty, "<div class=\"byline_date\">WESTPORT, Wash. July 24, 2012 (AP)</div>")));
    }

    [Fact]
    public void The_section_in_a_teaser_byline_is_not_an_author()
    {
        Assert.Empty(Authors(Page(string.Empty, afterBody: "<p class=\"c-teaser__byline\">Kultur | 19.10.19</p>"), "https://www.example.de/kultur/buchmesse/bericht.html"));
    }

    [Fact]
    public void A_contributor_line_names_the_person_after_the_town()
    {
        Assert.Equal(["Masriadi"], Authors(Page(string.Empty, "<p>Penulis : Kontributor Lhokseumawe, Masriadi</p>")));
    }

    [Fact]
    public void A_picture_credit_is_not_an_author_but_a_name_after_a_photo_is()
    {
        var credit = "<div><img src=\"/foto/zuckerberg.jpg\" alt=\"\"><span class=\"pb_10 author\">Facebook</span> CEO Mark Zuckerberg in Beijing</div>";
        var photo = "<div class=\"information\"><img src=\"/images/p00nw06r.jpg\"><div class=\"author-information\"> Richard Hollingham </div><div class=\"author-profile\"></div></div>";

        Assert.Empty(Authors(Page(string.Empty, credit)));
        Assert.Equal(["Richard Hollingham"], Authors(Page(string.Empty, photo)));
    }

    [Fact]
    public void Link_labels_of_a_post_are_not_authors()
    {
        Assert.Empty(Authors(Page(string.Empty, afterBody: "<div class=\"byline\">Permalink | Comments | TrackBack</div>")));
    }

    [Fact]
    public void The_authors_of_cited_works_are_not_the_page_authors()
    {
        var references = "<ol><li itemprop=\"citation\" itemscope itemtype=\"http://schema.org/ScholarlyArticle\"><meta itemprop=\"author\" content=\"NH. Shear, SP. Spielberg, \">" +
            "<meta itemprop=\"datePublished\" content=\"1988\">Shear NH, Spielberg SP. Anticonvulsant hypersensitivity syndrome.</li></ol>";

        Assert.Equal(["Marwan H. Adwan"], Authors(Page("<meta name=\"dc.creator\" content=\"Marwan H. Adwan\">", afterBody: references)));
    }

    [Fact]
    public void A_press_release_cue_is_not_part_of_the_name()
    {
        Assert.Equal(["Katja Kipping"], Authors(Page(string.Empty, "<div class=\"byline\">Pressemitteilung von Katja Kipping</div>")));
    }

    [Fact]
    public void A_credit_for_text_and_pictures_names_one_author()
    {
        Assert.Equal(["Ivan Valetny"], Authors(Page(string.Empty, "<table><tr><td class=\"authorbold\"><b>Text &amp; Fotos:</b> Ivan Valetny</td></tr></table>")));
    }
}
