using System.Text;
using Warta.Evaluation.Extraction;
using Warta.Extraction;
using Warta.Extraction.Html;

namespace Warta.Tests.Extraction.Html;

public sealed class HtmlArticleExtractorTests
{
    private static readonly HtmlArticleExtractor Extractor = new();

    private const string Body =
        "<p>Gempa berkekuatan 5,6 magnitudo mengguncang Cianjur, Jawa Barat, pada Senin siang, menyebabkan ratusan rumah rusak dan ribuan warga mengungsi.</p>" +
        "<p>Badan Nasional Penanggulangan Bencana mencatat sedikitnya 225 orang meninggal dunia, sementara ratusan lainnya luka-luka dan dirawat di rumah sakit.</p>" +
        "<p>Presiden meninjau lokasi bencana pada Selasa dan meminta seluruh kementerian mempercepat bantuan, termasuk tenda, makanan dan layanan kesehatan.</p>";

    private static string Page(string head, string article, string extra = "") =>
        $"<!DOCTYPE html><html lang=\"id\"><head>{head}</head><body>" +
        "<header class=\"site-header\"><a href=\"/\">Beranda</a> <a href=\"/news\">Berita</a></header>" +
        "<nav><ul><li><a href=\"/a\">Nasional</a></li><li><a href=\"/b\">Ekonomi</a></li><li><a href=\"/c\">Olahraga</a></li></ul></nav>" +
        $"<div class=\"container\"><div class=\"article-content\">{article}</div>{extra}</div>" +
        "<footer><p>Hak cipta dilindungi undang-undang. Dilarang mengutip tanpa izin redaksi kami.</p></footer></body></html>";

    // Extracts the page and checks the body holds each kept passage and none of the dropped ones.
    private static void AssertKeeps(string html, string[] kept, string[] dropped)
    {
        var text = Extractor.Extract(html, null).Text;
        Assert.All(kept, passage => Assert.Contains(passage, text, StringComparison.Ordinal));
        Assert.All(dropped, passage => Assert.DoesNotContain(passage, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_keeps_the_body_and_drops_navigation_and_footer()
    {
        var article = Extractor.Extract(Page("<title>Gempa Cianjur</title>", Body), "https://example.id/read/1");

        Assert.Contains("sedikitnya 225 orang meninggal dunia", article.Text, StringComparison.Ordinal);
        Assert.Contains("layanan kesehatan.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Beranda", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Olahraga", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hak cipta", article.Text, StringComparison.Ordinal);
        Assert.Equal(3, article.Text.Split("\n\n").Length);
    }

    [Fact]
    public void A_layout_box_named_sidebar_that_holds_the_headline_is_walked()
    {
        var html = "<html><head><title>Gempa Cianjur</title></head><body>" +
            "<div class=\"sidebar-wrapper\"><div class=\"article-wrapper\"><h1>Gempa Cianjur merusak ratusan rumah warga</h1>" + Body + "</div>" +
            "<div class=\"sidebar\"><p>Kolom samping ini berisi tautan ke rubrik lain dan jadwal acara pekan depan di kota kami.</p></div></div>" +
            "<div class=\"site-info\"><p>Kami adalah portal berita daerah yang didirikan oleh sekelompok wartawan muda dan terbit setiap hari sejak lama.</p>" +
            "<p>Redaksi menerima tulisan pembaca tentang peristiwa di sekitar tempat tinggal mereka melalui surat elektronik kepada kami.</p>" +
            "<p>Iklan dan kerja sama dengan perusahaan daerah diatur oleh bagian usaha yang terpisah dari meja redaksi kami.</p></div></body></html>";

        AssertKeeps(html, ["mengguncang Cianjur", "layanan kesehatan."], ["Kolom samping", "portal berita daerah"]);
    }

    [Theory]
    [InlineData("entry-author-info")]
    [InlineData("post-author-bio")]
    [InlineData("TestReport__AuthorBox")]
    public void A_box_about_the_author_inside_the_entry_is_dropped(string boxClass)
    {
        var article = Body + $"<div class=\"{boxClass}\"><p>Rina Wulandari menulis tentang kebencanaan dan lingkungan sejak " +
            "sepuluh tahun lalu dan tinggal di Bandung bersama keluarganya.</p></div>";

        AssertKeeps(Page("<title>Gempa Cianjur</title>", article), ["mengguncang Cianjur", "layanan kesehatan."], ["Rina Wulandari"]);
    }

    [Fact]
    public void A_layout_named_for_its_sidebar_column_is_walked()
    {
        var html = "<html><head><title>Gempa Cianjur</title></head><body>" +
            "<div class=\"o-row c-fixed-sidebar-layout--left\"><div class=\"o-col c-sidebar\"><a href=\"/s\">Bagikan</a></div>" +
            $"<div class=\"o-col\"><div class=\"c-article__content\">{Body}</div></div></div>" +
            "<div class=\"c-slider\"><div class=\"c-slide\"><p>Banjir bandang menerjang tiga desa di Garut setelah hujan deras mengguyur " +
            "kawasan itu sepanjang malam dan merendam ratusan rumah.</p></div><div class=\"c-slide\"><p>Harga beras di pasar tradisional naik " +
            "untuk pekan kedua berturut-turut karena pasokan dari daerah sentra produksi berkurang.</p></div></div></body></html>";

        AssertKeeps(html, ["mengguncang Cianjur", "layanan kesehatan."], ["Banjir bandang", "Bagikan"]);
    }

    [Fact]
    public void A_rating_widget_named_after_the_post_is_dropped()
    {
        var article = Body + "<p><span class=\"post-ratings\">War der Artikel nützlich? Bewerten Sie ihn mit ein bis fünf Sternen, " +
            "(Noch keine Bewertungen)</span></p>";

        AssertKeeps(Page("<title>Gempa Cianjur</title>", article), ["mengguncang Cianjur", "layanan kesehatan."], ["Bewerten Sie"]);
    }

    [Fact]
    public void A_contributor_note_in_a_paragraph_classed_author_bio_is_kept()
    {
        var article = Body + "<p class=\"author-bio\">Rina Wulandari menulis tentang kebencanaan dan lingkungan sejak sepuluh tahun lalu.</p>";

        AssertKeeps(Page("<title>Gempa Cianjur</title>", article), ["mengguncang Cianjur", "Rina Wulandari menulis"], []);
    }

    [Theory]
    [InlineData("entry-author-itsallaboutyoga")]
    [InlineData("authorname")]
    public void A_class_that_only_names_the_author_does_not_drop_the_box(string boxClass)
    {
        var article = $"<div class=\"{boxClass}\">{Body}</div>";

        AssertKeeps(Page("<title>Gempa Cianjur</title>", article), ["mengguncang Cianjur", "layanan kesehatan."], []);
    }

    [Fact]
    public void An_overlay_that_opens_with_a_close_control_is_not_the_body()
    {
        var overlay = "<div id=\"shipping\"><div class=\"close\">Tutup [X]</div><h3>Ongkos kirim dan pengiriman</h3>" +
            "<p>Pesanan dikirim lewat kurir, pos, atau jasa ekspedisi lain, dan biasanya tiba dalam dua sampai lima hari kerja, tergantung alamat, cuaca, dan hari libur.</p>" +
            "<p>Ongkos kirim gratis untuk belanja di atas lima ratus ribu rupiah, sedangkan di bawahnya dikenakan biaya, dihitung dari berat, jarak, dan jenis layanan.</p>" +
            "<p>Barang yang rusak, basah, atau tidak sesuai pesanan dapat dikembalikan, ditukar, atau diganti uangnya, asalkan dilaporkan dalam tujuh hari setelah diterima.</p>" +
            "<p>Untuk pertanyaan, keluhan, atau permintaan khusus, hubungi layanan pelanggan kami, setiap hari, pukul delapan pagi sampai delapan malam.</p></div>";

        var html = "<html><head><title>Gempa Cianjur</title></head><body><div id=\"page\">" + Body + "</div>" + overlay + "</body></html>";

        AssertKeeps(html, ["mengguncang Cianjur", "layanan kesehatan."], ["Ongkos kirim", "Tutup"]);
    }

    // A standfirst in the article's header (which is dropped, headline and byline with it) and one in a box a few
    // levels above the body's.
    [Theory]
    [InlineData("<article><header>", "article-lead", "</header><div class=\"article-body\">", "</div></article>")]
    [InlineData("<div class=\"post\"><div class=\"head\">", "teaser-text", "</div><div class=\"wrap\"><div class=\"inner\"><div class=\"entry-body\">", "</div></div></div></div>")]
    [InlineData("<div class=\"post\"><div class=\"head\">", "intro", "</div><div class=\"wrap\"><div class=\"inner\"><div class=\"entry-body\">", "</div></div></div></div>")]
    public void A_standfirst_above_the_body_is_kept_and_the_byline_is_not(string open, string leadClass, string between, string close)
    {
        var article = open + "<h1>Gempa Cianjur merusak ratusan rumah warga</h1><div class=\"date\">Oleh Redaksi Daerah, Senin 21 November 2022</div>" +
            $"<p class=\"{leadClass}\">Ribuan warga Cianjur masih bertahan di tenda pengungsian tiga hari setelah gempa.</p>" + between + Body + close;

        AssertKeeps(Page("<title>Gempa Cianjur</title>", article), ["bertahan di tenda pengungsian", "mengguncang Cianjur"], ["Oleh Redaksi"]);
    }

    [Fact]
    public void Ruby_readings_are_not_part_of_the_text()
    {
        var body = "<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができました。</p>";

        var text = Extractor.Extract(Page("<title>法律</title>", body + Body), null).Text;

        Assert.Contains("子どもへの虐待をなくすための法律ができました。", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_drops_share_related_comment_cookie_and_newsletter_blocks()
    {
        var extra =
            "<div class=\"share-buttons\"><a href=\"#\">Bagikan ke Facebook</a> <a href=\"#\">Twitter</a></div>" +
            "<div class=\"related-posts\"><p>Berita lain yang mungkin menarik perhatian Anda tentang gempa di Jawa Barat hari ini.</p></div>" +
            "<div id=\"comments\"><p>Komentar pembaca: semoga korban cepat pulih dan bantuan segera datang ke semua lokasi.</p></div>" +
            "<div class=\"cookie-consent\"><p>Situs ini memakai cookie untuk meningkatkan pengalaman Anda saat membaca berita.</p></div>" +
            "<div class=\"newsletter-signup\"><p>Daftar buletin kami untuk mendapatkan berita terbaru langsung ke kotak masuk Anda.</p></div>";
        var article = Extractor.Extract(Page("<title>Gempa</title>", Body + extra), null);

        Assert.Contains("mengguncang Cianjur", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bagikan", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mungkin menarik", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Komentar pembaca", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cookie", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("buletin", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_joins_a_body_split_over_paragraph_fields_but_not_the_author_box_beside_it()
    {
        // A CMS page: each paragraph group in its own field wrapper, images between them, an author box after.
        static string Field(string inner) => $"<div class=\"field-item\"><div class=\"paragraph\"><div class=\"col-8\">{inner}</div></div></div>";
        var article =
            "<article class=\"page-full\"><div class=\"fields\">" +
            Field(Body) +
            Field("<img src=\"/a.jpg\" alt=\"\">") +
            Field("<h2>Bantuan mengalir</h2><p>Relawan dari berbagai daerah berdatangan membawa logistik, obat-obatan dan perlengkapan bayi untuk para pengungsi di posko utama.</p>") +
            Field("<p>Pemerintah daerah menyiapkan lahan untuk hunian sementara, sambil menunggu perbaikan rumah warga yang rusak berat akibat guncangan.</p>") +
            "</div><div class=\"author-box\"><p>Andi Wijaya adalah wartawan senior yang meliput bencana alam di Indonesia selama lebih dari dua puluh tahun.</p></div></article>";
        var html = "<html><head><title>Gempa</title></head><body><nav><a href=\"/\">Beranda</a></nav>" +
            $"<div class=\"container\"><div class=\"row\">{article}</div></div></body></html>";
        var text = Extractor.Extract(html, null).Text;

        Assert.Contains("mengguncang Cianjur", text, StringComparison.Ordinal);
        Assert.Contains("Bantuan mengalir", text, StringComparison.Ordinal);
        Assert.Contains("perlengkapan bayi", text, StringComparison.Ordinal);
        Assert.Contains("hunian sementara", text, StringComparison.Ordinal);
        Assert.DoesNotContain("wartawan senior", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_reads_soft_hyphenated_words_whole()
    {
        var body = "<p>Wäh\u00ADrend Sie über den Markt schlen\u00ADdern, pro\u00ADbieren Sie allerlei feine Köstlichkeiten aus der Region und der Nachbarschaft.</p>" + Body;
        var article = Extractor.Extract(Page("<title>Markt</title>", body), null);

        Assert.Contains("Während Sie über den Markt schlendern", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_keeps_a_paragraph_the_body_repeats_but_collapses_a_second_rendering()
    {
        const string Repeated = "<p>Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>";
        var twice = Extractor.Extract(Page("<title>Lorem</title>", Repeated + Body + Repeated), null);
        var rendered = Extractor.Extract(Page("<title>Lorem</title>", $"<div class=\"teaser\">{Repeated}</div><div class=\"full\">{Repeated}{Body}</div>"), null);

        Assert.Equal(2, CountOf(twice.Text, "Lorem ipsum"));
        Assert.Equal(5, twice.Text.Split("\n\n").Length);
        Assert.EndsWith("magna aliqua.", twice.Text, StringComparison.Ordinal);
        Assert.Empty(twice.Repeats);
        Assert.Equal(1, CountOf(rendered.Text, "Lorem ipsum"));
    }

    [Fact]
    public void Extract_takes_the_pages_own_article_when_later_ones_are_appended_below_it()
    {
        static string Story(string headline, string words) =>
            $"<article class=\"list-item\"><div class=\"head\"><h2>{headline}</h2></div><div class=\"detail\">" +
            string.Concat(Enumerable.Range(1, 6).Select(i => $"<p>{words} paragraf {i}, dengan rincian, angka, dan kutipan dari para pejabat yang terlibat langsung.</p>")) +
            "</div></article>";
        var html = "<html><head><title>Banjir Rendam Ribuan Rumah di Semarang</title></head><body><main>" +
            Story("Banjir Rendam Ribuan Rumah di Semarang", "Banjir merendam ribuan rumah") +
            Story("Harga Beras Naik Menjelang Lebaran", "Harga beras naik tajam di pasar tradisional, pedagang mengeluh sepi pembeli, sementara pemerintah") +
            "</main></body></html>";
        var article = Extractor.Extract(html, null);

        Assert.Contains("Banjir merendam ribuan rumah", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Harga beras", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_takes_every_post_of_a_blog_front_page_but_one_post_on_a_page_titled_by_it()
    {
        static string Post(string headline, string words) =>
            $"<div class=\"row\"><article class=\"post\"><h2>{headline}</h2><div class=\"entry-body\">" +
            string.Concat(Enumerable.Range(1, 3).Select(i => $"<p>{words} bagian {i}, dengan rincian, angka, dan kutipan dari para warga yang ikut serta.</p>")) +
            "</div><p class=\"posted\">Diposting pukul 10.00</p></article></div>";
        var posts = Post("Panen Raya di Klaten", "Petani Klaten memanen padi lebih awal") +
            Post("Pasar Malam Kembali Dibuka", "Pasar malam alun-alun kembali ramai dikunjungi") +
            Post("Jalan Desa Diperbaiki", "Warga bergotong royong memperbaiki jalan desa");
        var front = Extractor.Extract($"<html><head><title>Catatan Warga Klaten</title></head><body><h1>Catatan Warga Klaten</h1><div class=\"main\">{posts}</div>" +
            "<div class=\"sidebar\"><p>Arsip bulan lalu, tautan teman, dan daftar bacaan yang kami sukai selama ini.</p></div></body></html>", null);

        Assert.Contains("Petani Klaten", front.Text, StringComparison.Ordinal);
        Assert.Contains("Pasar malam alun-alun", front.Text, StringComparison.Ordinal);
        Assert.Contains("Jalan Desa Diperbaiki", front.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Arsip bulan lalu", front.Text, StringComparison.Ordinal);

        // A post page titled by its post keeps that post alone, even when other posts follow in the same template.
        var single = Extractor.Extract($"<html><head><title>Panen Raya di Klaten</title></head><body><div class=\"main\">{posts}</div></body></html>", null);
        Assert.Contains("Petani Klaten", single.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pasar malam alun-alun", single.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_keeps_boxes_whose_class_only_qualifies_them_with_a_boilerplate_word()
    {
        var html = "<html><head><title>Gempa</title></head><body><div class=\"l-outer l-outer--nav\"><section class=\"o-section o-section--has-ads\">" +
            $"<div class=\"layout with-sidebar\">{Body}</div></section></div>" +
            "<div class=\"ads\"><p>Iklan ini panjang, berkoma, dan ditulis seperti paragraf berita biasa agar terlihat seperti isi.</p></div></body></html>";
        var article = Extractor.Extract(html, null);

        Assert.Contains("layanan kesehatan.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Iklan ini", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_and_style_bodies_are_emptied_before_parsing_but_json_ld_is_kept()
    {
        const string Html = "<html><head><script>var a = \"<div>\";</script><style>p { color: red }</style>" +
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head><body><p>Teks</p></body></html>";
        var bounded = HtmlInputGuard.Bound(Html, 1_000_000, 512, out var truncated, out var flattened);

        Assert.DoesNotContain("var a", bounded, StringComparison.Ordinal);
        Assert.DoesNotContain("color: red", bounded, StringComparison.Ordinal);
        Assert.Contains("<script></script><style></style>", bounded, StringComparison.Ordinal);
        Assert.Contains("{\"@type\":\"NewsArticle\"}", bounded, StringComparison.Ordinal);
        Assert.Contains("<p>Teks</p>", bounded, StringComparison.Ordinal);
        Assert.False(truncated);
        Assert.False(flattened);
    }

    [Theory]
    [InlineData("<h3>3 Comments</h3>")]
    [InlineData("<h2>Komentar</h2>")]
    [InlineData("<h2 id=\"comments\">Comments</h2>")]
    public void Readers_comments_printed_after_the_body_as_its_siblings_are_cut_at_their_heading(string heading)
    {
        // An old blog prints comments as paragraphs beside the post's, under a heading, with nothing to drop them by.
        const string Comments = "<p>Saya setuju sekali dengan tulisan ini, terima kasih sudah berbagi cerita yang sangat menyentuh.</p>" +
            "<p class=\"posted\">Posted by: Rina at November 22, 2022 10:15 AM</p>";
        var html = Page("<title>Gempa Cianjur</title>", "<h2>Dampak gempa</h2>" + Body + heading + Comments);
        var article = Extractor.Extract(html, null);

        Assert.Contains("layanan kesehatan.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Saya setuju", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Posted by", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Removed, r => r.Reason == RemovalReasons.CommentForm && r.Text.StartsWith("Saya setuju", StringComparison.Ordinal));
    }

    [Fact]
    public void A_comments_heading_above_the_body_cuts_nothing()
    {
        var html = Page("<title>Gempa Cianjur</title>", "<h3>2 Comments</h3>" + Body);

        Assert.Contains("layanan kesehatan.", Extractor.Extract(html, null).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_for_browsers_without_frames_or_plugins_stays_out_of_the_text()
    {
        // noframes and noembed hold raw text: read as text, their markup would be words of the article.
        var html = "<html><body><article>" + Body +
            "<p><iframe src=\"https://video.example/e/1\"></iframe><noframes><a href=\"https://video.example/1\"><img src=\"t.jpg\" alt=\"Preview\"/></a></noframes></p>" +
            "<noembed><b>Plugin missing</b></noembed></article></body></html>";
        var article = Extractor.Extract(html, null);

        Assert.Contains("layanan kesehatan.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Plugin missing", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void What_looks_like_a_tag_inside_a_quoted_value_is_left_as_it_is()
    {
        // The tokenizer reads the title to its closing quote, so the span and its width are words of the value.
        const string Title = "<div title=\"a > <span width='1'>\" id=t>x</div>";
        Assert.Equal(Title, HtmlInputGuard.Bound(Title, 1_000_000, 512, out _, out _));

        // An unclosed quote ('Somalia' opened with ") runs on to the next double quote, the one after width=: leaving
        // out width="2", as if it were a tag's, would carry the value on to class=" and swallow the paragraph "Two".
        const string Html = "<img alt=\"Somalia' width='1'><p>Swallowed</p><img width=\"2\"><p>Two, a paragraph of the page.</p>" +
            "<p class=\"x\">Three, another paragraph of the page.</p>";
        var article = Extractor.Extract(Html, null);
        Assert.DoesNotContain("Swallowed", article.Text, StringComparison.Ordinal);
        Assert.Contains("Two, a paragraph", article.Text, StringComparison.Ordinal);
        Assert.Contains("Three, another", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unread_layout_and_event_attributes_are_left_out_before_parsing()
    {
        const string Html = "<table width=\"100%\" border=0 cellpadding='2'><tr><td class=\"main\" valign=top onclick=\"go()\">x</td></tr></table>" +
            "<img src=\"a.jpg\" srcset=\"a.jpg 1x, b.jpg 2x\" alt=\"A\" width=10 />" +
            "<font size=2 color=red>f</font><a href=\"/x\" target=_blank>l</a>" +
            "<div title=\"a > b\" width=5>q</div><div STYLE=\"display:none\" Height=3 id=d>h</div>" +
            "<button data-track=\"x\" data-dismiss=\"modal\" data-bs-dismiss=\"modal\">c</button><svg><path d=\"M0 0L1 1\"/></svg>";
        var bounded = HtmlInputGuard.Bound(Html, 1_000_000, 512, out _, out _);

        Assert.Contains("<table   >", bounded, StringComparison.Ordinal);
        Assert.Contains("<td class=\"main\"  >", bounded, StringComparison.Ordinal);
        Assert.Contains("<img src=\"a.jpg\"  alt=\"A\"  />", bounded, StringComparison.Ordinal);
        // Formatting elements keep every attribute: the tree builder compares them.
        Assert.Contains("<font size=2 color=red>", bounded, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/x\" target=_blank>", bounded, StringComparison.Ordinal);
        // A quoted '>' does not end the tag.
        Assert.Contains("<div title=\"a > b\" >q</div>", bounded, StringComparison.Ordinal);
        Assert.Contains("<div STYLE=\"display:none\"  id=d>", bounded, StringComparison.Ordinal);
        // data-… attributes go, but for the close controls' that BoilerplateRules reads.
        Assert.Contains("<button  data-dismiss=\"modal\" data-bs-dismiss=\"modal\">", bounded, StringComparison.Ordinal);
        Assert.Contains("<path />", bounded, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_keeps_a_lead_in_its_own_box_before_the_body()
    {
        var html = "<html><head><title>Gempa</title></head><body><div class=\"page\"><div class=\"lead-box\">Gempa magnitudo 5,6 " +
            "mengguncang Cianjur. Bagaimana warga bertahan di pengungsian, dan kapan bantuan datang?</div>" +
            $"<div class=\"article-content\">{Body}</div></div></body></html>";
        var article = Extractor.Extract(html, null);

        Assert.StartsWith("Gempa magnitudo 5,6 mengguncang Cianjur.", article.Text, StringComparison.Ordinal);
        Assert.Contains("layanan kesehatan.", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_keeps_a_near_repeat_of_a_sibling_paragraph()
    {
        const string Near = "<p>Tempor incididunt ut labore et dolore magna aliqua, ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.</p>" +
            "<p>Incididunt ut labore et dolore magna aliqua, ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.</p>";
        var article = Extractor.Extract(Page("<title>Lorem</title>", Near + Body), null);

        Assert.StartsWith("Tempor incididunt", article.Text, StringComparison.Ordinal);
        Assert.Contains("\n\nIncididunt ut labore", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_keeps_paragraphs_repeated_in_two_sibling_sections_of_the_body()
    {
        const string Shared = "<p>Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur, excepteur sint occaecat.</p>";
        var html = "<html><head><title>Lorem</title></head><body><article><h1>Lorem</h1>" +
            "<div><p>Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>" +
            $"{Shared}</div><h2>Foo</h2><div>{Shared}</div></article></body></html>";
        var teaser = Extractor.Extract(Page("<title>Lorem</title>", $"<div class=\"lede\">{Shared}</div><div class=\"text\">{Shared}{Body}</div>"), null);
        var article = Extractor.Extract(html, null);

        Assert.Equal(2, CountOf(article.Text, "Duis aute"));
        Assert.StartsWith("Lorem ipsum", article.Text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(teaser.Text, "Duis aute"));
    }

    [Fact]
    public void Extract_keeps_a_body_whose_class_hides_it_only_on_small_screens_or_in_transition()
    {
        var html = "<html><head><title>Gempa</title></head><body><div class=\"rt-hidden\"><div class=\"hidden-xs\">" +
            $"<div class=\"field--label-hidden\">{Body}</div></div></div>" +
            "<div class=\"hidden\"><p>Naskah tersembunyi ini tidak pernah tampil di layar, meski panjang, berkoma, dan ditulis seperti paragraf berita biasa.</p></div>" +
            "</body></html>";
        var article = Extractor.Extract(html, null);

        Assert.Contains("layanan kesehatan.", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tersembunyi", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_keeps_a_link_paragraph_between_body_paragraphs_but_not_a_read_more_line_after_them()
    {
        var body = "<p>Warga Cianjur menggalang petisi agar pemerintah mempercepat pembangunan kembali rumah, sekolah dan puskesmas yang rusak.</p>" +
            "<p><a href=\"https://petisi.example/cianjur\">petisi.example/cianjur</a></p>" + Body +
            "<p><a href=\"/berita/lain\">Baca berita gempa lainnya di kanal kami</a></p>";
        var article = Extractor.Extract(Page("<title>Gempa</title>", body), null);

        Assert.Contains("petisi.example/cianjur\n\nGempa berkekuatan", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("kanal kami", article.Text, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value)
    {
        var n = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            n++;
        return n;
    }

    [Fact]
    public void Extract_drops_baca_juga_teasers_inside_the_body()
    {
        var body = Body.Insert(Body.IndexOf("<p>Presiden", StringComparison.Ordinal), "<p><strong>Baca juga: <a href=\"/x\">Gempa Susulan Guncang Cianjur Malam Ini</a></strong></p>");
        var article = Extractor.Extract(Page("<title>Gempa</title>", body), null);

        Assert.DoesNotContain("Baca juga", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gempa Susulan", article.Text, StringComparison.Ordinal);
        Assert.Contains("Presiden meninjau", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_drops_figure_captions_and_image_credits()
    {
        var body = "<figure><img src=\"a.jpg\"><figcaption>Foto: ANTARA/Budi. Warga di lokasi pengungsian.</figcaption></figure>" + Body;
        var article = Extractor.Extract(Page("<title>Gempa</title>", body), null);

        Assert.DoesNotContain("Foto: ANTARA", article.Text, StringComparison.Ordinal);
        Assert.Contains("mengguncang Cianjur", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_keeps_headings_lists_quotes_and_table_rows_in_reading_order()
    {
        var body = Body + "<h2>Daftar kebutuhan mendesak</h2><ul><li>Tenda untuk para pengungsi di lapangan desa</li><li>Selimut dan makanan siap saji</li></ul>" +
            "<blockquote><p>Kami butuh bantuan secepatnya, kata seorang warga yang rumahnya roboh total.</p></blockquote>" +
            "<table><tr><td>Cianjur</td><td>225</td></tr><tr><td>Sukabumi</td><td>12</td></tr></table>";
        var article = Extractor.Extract(Page("<title>Gempa</title>", body), null);

        var text = article.Text;
        var order = new[] { "mengguncang", "Daftar kebutuhan", "Tenda untuk", "Selimut", "Kami butuh", "Cianjur 225", "Sukabumi 12" }
            .Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0, text));
        Assert.Equal(order.Order().ToList(), order);
    }

    [Fact]
    public void Extract_keeps_the_text_a_layout_cell_holds_between_its_quotes()
    {
        // An old table layout: the body column is a cell with bare text between blockquotes and headings.
        const string Quote = "<blockquote><i>Give one loaf to your laborer, receive two from the work of his arms, said the scribe to his son.</i></blockquote>";
        var html = "<html><head><title>Labour relations</title></head><body><table><tr>" +
            "<td width=\"200\"><a href=\"/\">Main index</a><br><a href=\"/history\">History</a></td>" +
            "<td><h1>Masters and workers</h1>The maxims sum up the attitude of the upper classes toward the working people:" + Quote +
            "Not much has changed during the last few millennia, as the letters of the period show." + Quote +
            "<h2>The voice of the workers</h2>Often abused, the worker still tried to improve his lot, as a story tells us." + Quote +
            "</td></tr></table></body></html>";
        var text = Extractor.Extract(html, null).Text;

        Assert.Contains("The maxims sum up", text, StringComparison.Ordinal);
        Assert.Contains("Not much has changed", text, StringComparison.Ordinal);
        Assert.Contains("Often abused", text, StringComparison.Ordinal);
        Assert.Contains("Give one loaf", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Main index", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_joins_a_body_column_to_an_essay_nested_deep_in_the_cell_beside_it()
    {
        // An old table layout: the body column's text between line breaks, and beside it a box essay nested five
        // tables deep; the essay scores best, and the climb to the row both cells share passes over twenty levels.
        static string Nested(string inner, int depth) =>
            depth == 0 ? inner : $"<table><tr><td>{Nested(inner, depth - 1)}</td></tr></table>";
        var essay = Nested("<table><tr><td>" +
            "The first myth holds that families, wanting sons, had as many children as they could, and so grew enormous.<br><br>" +
            "In fact births per woman were, on average, somewhat lower than in early modern Europe, as parish records show.<br><br>" +
            "How families kept births down is disputed, but keep them down they did, in good years and in bad ones alike.<br><br>" +
            "Demographers trained on Europe looked for late marriage, found none, and concluded, wrongly, that nothing was done." +
            "</td></tr></table>", 4);
        var html = "<html><head><title>Population growth</title></head><body><table><tr>" +
            "<td width=\"180\"><a href=\"/\">Home</a><br><a href=\"/topics\">Topics</a></td>" +
            "<td width=\"540\">The dynasty presided over a rough tripling of the population, and at the time this was seen as success.<br><br>" +
            "The growth came without a fall in the standard of living, thanks to trade, granaries and new crops from abroad.<br><br>" +
            "Taxes stayed light while the state, or private parties it encouraged, kept up flood control and famine relief." +
            "<table><tr><td class=\"caption\">Video</td></tr></table></td>" +
            $"<td width=\"5\"></td><td width=\"228\">{essay}</td></tr></table></body></html>";
        AssertKeeps(html, ["The first myth", "rough tripling", "famine relief"], ["Topics"]);
    }

    [Fact]
    public void Extract_joins_a_paragraph_in_a_table_row_of_one_cell_to_the_body_below_it()
    {
        // An old table layout: the introduction is the text of a row of one cell; the reviews below it, in a table of
        // their own, score best. A row of one cell is a paragraph of the layout, so the introduction joins the body.
        var html = "<html><head><title>Philip Glass</title></head><body><table><tr><td><a href=\"/\">Home</a></td></tr></table>" +
            "<table><tr><td colspan=\"2\"><b>biography</b></td></tr>" +
            "<tr><td colspan=\"2\">Glass, along with Steve Reich and Terry Riley, helped shape the minimalist movement, and his style, marked by repetitions, has won wide acceptance.</td></tr>" +
            "<tr><td colspan=\"2\"><table>" +
            "<tr><td><p>Although Einstein on the Beach is by definition an opera, it also transcends traditional music categories, with no plot at all.</p>" +
            "<p>Fifteen years after its release, the score to Koyaanisqatsi is still as timeless as it was meant to be, and as hypnotic, too.</p>" +
            "<p>The string quartets, played here with great care, show the composer at his most intimate, and, for many listeners, his best.</p></td></tr>" +
            "</table></td></tr></table></body></html>";
        AssertKeeps(html, ["Einstein on the Beach", "helped shape the minimalist movement"], ["Home"]);
    }

    [Fact]
    public void Extract_does_not_join_a_box_with_fields_to_type_in_beside_the_body()
    {
        // A subscription offer beside the body reads as prose, but its form asks the reader to type: not a part. A buy
        // button's form, with hidden fields only, does not make a part a form.
        var html = "<html><head><title>Sound window</title></head><body><div id=\"page\"><div class=\"story\"><div>" +
            "<p>Matsushita has come up with an interesting twist on the loudspeaker, one in which air pressure itself drives the diaphragm.</p>" +
            "<p>The result is a transparent panel speaker called the Sound Window, announced by the Japanese industrial giant in March.</p>" +
            "<p>The invention is intended to mate acoustic radiating surfaces with video displays, according to the company's statement.</p></div></div>" +
            "<div><p>The panel, which weighs little, can be hung in a window, and the company says it will sell it to shops and museums first.</p>" +
            "<p>A larger model, meant for halls and stations, is planned for next year, though its price has not been set, the company said.</p>" +
            "<form action=\"/buy\"><input type=\"hidden\" name=\"item\" value=\"1\"><input type=\"image\" src=\"/buy.gif\"></form></div>" +
            "<div><p>Here is the fastest way to bring home the magazine that informs its readers about the latest technology, at no risk to you at all.</p>" +
            "<form action=\"/subscribe\">Email: <input type=\"text\" name=\"email\"> Name: <input name=\"name\"></form></div>" +
            "</div></body></html>";
        AssertKeeps(html, ["air pressure itself", "hung in a window"], ["fastest way"]);
    }

    [Fact]
    public void Extract_keeps_the_text_an_inline_wrapper_holds_before_the_first_paragraph_of_a_column()
    {
        // An old table layout wraps the whole answer column in <small>: its first paragraph is bare text before the
        // first <p>. The paragraphs score the wrapper, and the lead belongs to the cell around it.
        var html = "<html><head><title>Ask</title></head><body><table><tr>" +
            "<td width=\"150\"><a href=\"/\">Home</a><br><a href=\"/archive\">Archive</a></td>" +
            "<td class=\"ans\"><small>The Web is teeming with information covering every governmental topic, issue, and agency, so we searched for the term." +
            "<p>The United States Marshals Service section provided all the information we needed, starting with its mission statement." +
            "<p>That statement provided a good start, but we wanted to know more about a marshal's day-to-day work, so we read on." +
            "<p>In recent years, marshals have protected judges, moved prisoners, guarded witnesses, and managed, among other things, seized assets." +
            "<p>The role of the marshal is constantly changing; in the past, they took the census and protected the president.</p></small>" +
            "</td></tr></table></body></html>";
        AssertKeeps(html, ["The Web is teeming", "took the census"], ["Archive"]);
    }

    [Fact]
    public void Extract_joins_the_further_sections_of_the_body_template_though_their_paragraphs_are_short()
    {
        // A how-to: the introduction and each step in a section of one class; the steps' paragraphs are too short to
        // count as prose, but sections of the body's own template are parts of it.
        static string Step(string heading, string text) =>
            $"<div class=\"mod step\"><div class=\"step-content\"><div class=\"content\"><h3>{heading}</h3><p>{text}</p></div></div></div>";
        var html = "<html><head><title>How to build a terrarium</title></head><body><div class=\"col-main\">" +
            "<div class=\"mod step\"><div class=\"step-content\"><div class=\"content lead\">" +
            "<p>Glass cloche terrariums are not only appealing to the eye, but they also preserve a bit of nature in your home, and serve as a simple, yet beautiful, piece of art.</p>" +
            "<p>Closed terrariums are easy to care for, as they retain much of their own moisture, and provide a warm environment with a consistent level of humidity.</p>" +
            "<p>You will not have to water them unless the walls stop misting up, and small plants that need little light, such as ferns, moss, or orchids, work best.</p>" +
            "</div></div></div>" +
            "<div class=\"related\"><a href=\"/a\">Plant terrarium ideas</a> <a href=\"/b\">Succulent gardens</a></div>" +
            Step("Step 1", "Measure the cloche and cut the foam a little smaller.") +
            Step("Step 2", "Insert your plant into the hole.") +
            Step("Step 3", "Attach moss around the foam with floral pins.") +
            "</div></body></html>";
        AssertKeeps(html, ["Glass cloche terrariums", "Insert your plant into the hole.", "floral pins"], ["Succulent gardens"]);
    }

    [Fact]
    public void Extract_climbs_past_a_scrap_of_a_link_beside_the_body_to_its_first_paragraphs()
    {
        // The intro and first paragraphs sit in the story's box; the rest, which scores best, two boxes down beside a
        // "Read more" link. The link is too short to say the level beyond is the page's furniture.
        var html = "<html><head><title>Angry media</title></head><body><div class=\"wrap\">" +
            "<div class=\"story-intro\"><p>A high-powered federal government team has been doing the rounds of media organisations, and it failed.</p></div>" +
            "<p>The roadshow featured the national security adviser, the police commissioner, and, among others, staffers of the minister.</p>" +
            "<p>They held meetings with executives from the newspapers, the television networks, and a group from the union.</p>" +
            "<div><div><a href=\"/more\">Read more</a></div><div class=\"article-text\">" +
            "<p>The bill would require providers to store metadata, the who, where, when and how of a communication, for two years.</p>" +
            "<p>Few would argue against the use of such material to catch criminals or terrorists, but the committee had concerns.</p>" +
            "<p>Journalists, editors, and lawyers said the powers, as drafted, would expose sources, and the minister promised changes.</p>" +
            "<p>The government said it would consider the amendments, though it gave no date, and the opposition reserved its position.</p>" +
            "<p>Privacy groups, for their part, said the scheme, costly and intrusive, would not make anyone safer, and called for a review.</p>" +
            "<p>The committee, which meets again in March, will hear from providers, regulators, and, for the first time, the press.</p>" +
            "</div></div></div><div class=\"sidebar\"><a href=\"/x\">Other opinion columns</a></div></body></html>";
        AssertKeeps(html, ["store metadata", "The roadshow featured", "high-powered federal government team"], ["Other opinion"]);
    }

    // Release notes around a list of points, with a list of links to the other issues after them.
    private static string ReleaseNotes(string points) =>
        "<html><head><title>These weeks in Firefox</title></head><body><div class=\"entry-content\">" +
        "<p>Here is what the team shipped in the last two weeks, with thanks to everyone who filed, triaged and fixed bugs.</p>" +
        $"<ul>{points}</ul>" +
        "<p>That is all for this time, and as always, the team thanks the volunteers who sent their first patches.</p>" +
        "<ul><li><a href=\"/r1\">Previous: These weeks in Firefox, issue 84</a></li><li><a href=\"/r2\">Next: These weeks in Firefox, issue 86</a></li></ul>" +
        "</div></body></html>";

    [Fact]
    public void Extract_keeps_an_all_link_point_of_a_list_of_prose_but_not_a_list_of_links()
    {
        // Most points are sentences with a bug link, one is only a link to a post. The list is a list of points, so
        // that one is a point too; the list of other issues below the body is links and stays out.
        var html = ReleaseNotes(
            "<li><a href=\"/review\">Here is our Performance Year in Review!</a></li>" +
            "<li>We have just landed <a href=\"/b1\">Bug 1553982</a>, which aims to prevent starting an update while another instance is running.</li>" +
            "<li>Thanks to a volunteer, users can now import logins from a password manager file, with their folders, notes and dates kept.</li>" +
            "<li>From the next release, it is possible to disable tab-to-search for each engine, by unchecking it in the search preferences.</li>");
        AssertKeeps(html, ["Performance Year in Review", "Bug 1553982", "first patches"], ["issue 84", "issue 86"]);
    }

    [Fact]
    public void Extract_keeps_a_mostly_linked_point_of_a_list_under_half_link_text()
    {
        // Credits: each point names a contributor and links what they fixed; the first is mostly link, the list is
        // not (40% link text).
        var html = ReleaseNotes(
            "<li>Ankush Dua <a href=\"/b1\">fixed an issue with revoked devtools page permissions</a></li>" +
            "<li>gero <a href=\"/b2\">removed the windowtype attribute</a> from dialogs where we did not need it anymore, which cleans up the code</li>" +
            "<li>manekenpix <a href=\"/b3\">converted some DevTools code</a> to use DOM Promises instead of the defer library, as planned last year</li>");
        AssertKeeps(html, ["revoked devtools page permissions", "defer library", "first patches"], ["issue 84", "issue 86"]);
    }

    [Fact]
    public void Extract_keeps_the_words_of_a_link_that_opens_a_popup_but_drops_the_popup()
    {
        // A study edition glosses words of the story with links that open a note; the words are the story's.
        var html = "<html><head><title>Bartleby</title></head><body><div class=\"story\">" +
            "<p>I am a <a class=\"popup \" href=\"javascript:void(0);\">rather elderly</a> man. The nature of my <a class=\"popup\" href=\"#\">avocations</a> for the last thirty years has brought me into contact with an interesting set of men.</p>" +
            "<p>I mean the law-copyists or scriveners. I have known very many of them, professionally and privately, and if I pleased, could relate divers histories.</p>" +
            "<div class=\"popup\">Sign up for the study guide newsletter and get every note by email.</div>" +
            "</div></body></html>";
        AssertKeeps(html, ["I am a rather elderly man.", "nature of my avocations for"], ["study guide newsletter"]);
    }

    [Fact]
    public void Extract_keeps_a_list_of_links_that_a_point_introduces_with_a_colon()
    {
        // A point says "In progress:" and lists the bugs, each a link: the list is mostly links, but it is the
        // point's; the list of other issues below the body stays out.
        var html = ReleaseNotes(
            "<li>The students will be hacking on Picture-in-Picture next semester.</li>" +
            "<li>In progress:<ul>" +
            "<li><a href=\"/b1\">Bug 1677080 – Fullscreen window is affected by switching the video source</a></li>" +
            "<li><a href=\"/b2\">Bug 1677107 – Add telemetry for tracking multiple window support usage</a></li>" +
            "<li><a href=\"/b3\">Bug 1681796 – Prevent superfluous parent actors from being associated with each tab</a></li>" +
            "</ul></li>");
        AssertKeeps(html, ["In progress:", "Bug 1677107", "superfluous parent actors"], ["issue 84", "issue 86"]);
    }

    [Fact]
    public void Extract_reads_paragraphs_inside_a_javascript_link_as_text()
    {
        // A click handler wrapped around the story: the script is gone from a stored copy, so the text is not a
        // link; an action link ("print") stays one and stays out.
        var html = "<html><head><title>Harbour</title></head><body><a href=\"javascript:\">" +
            "<p>The harbour was quiet on Monday, and the fishing boats stayed in, as the storm moved along the coast.</p>" +
            "<p>Fishermen said they had not seen such waves in years, and the port authority closed the pier until Wednesday.</p>" +
            "</a><p><a href=\"javascript:window.print()\">Print this story for your records</a></p></body></html>";
        AssertKeeps(html, ["The harbour was quiet on Monday", "closed the pier until Wednesday."], ["Print this story"]);
    }

    [Theory]
    [InlineData("related_post wp_rp")]
    [InlineData("box related-news")]
    public void Extract_drops_a_box_whose_class_name_starts_with_related(string className)
    {
        // The article word after "related" says what the box's items are, not that the box is the article.
        var html = "<html><head><title>Harbour</title></head><body><div class=\"entry\">" +
            "<p>The harbour was quiet on Monday, and the fishing boats stayed in, as the storm moved along the coast.</p>" +
            "<p>Fishermen said they had not seen such waves in years, and the port authority closed the pier until Wednesday.</p>" +
            "<p>The ferry to the islands will run again once the wind drops, the operator said, and tickets bought for the week stay valid.</p>" +
            $"<ul class=\"{className}\"><li><a href=\"/a\">Ferry timetable</a> <small>The ferry company changes its winter timetable, with fewer crossings on weekdays and none at night.</small></li>" +
            "<li><a href=\"/b\">Pier opens</a> <small>The new pier opens in May after two years of building work, the town council said on Friday.</small></li></ul>" +
            "</div></body></html>";
        AssertKeeps(html, ["closed the pier until Wednesday."], ["winter timetable", "two years of building"]);
    }

    [Theory]
    [InlineData("</div><div class=\"more\"><h3>From the archive</h3>", false)]
    [InlineData("<h3>From the archive</h3><div class=\"more\">", true)]
    public void Extract_drops_a_heading_after_the_body_in_a_box_of_its_own_whose_links_are_gone(string opening, bool kept)
    {
        // The box of related links goes as a link list; its heading, in that box, has nothing left under it. A
        // heading among the body's own paragraphs, though a list of links follows it, is the text's.
        var html = "<html><head><title>Harbour</title></head><body><div class=\"story\"><div class=\"text\">" +
            "<p>The harbour was quiet on Monday, and the fishing boats stayed in, as the storm moved along the coast.</p>" +
            "<p>Fishermen said they had not seen such waves in years, and the port authority closed the pier until Wednesday.</p>" +
            opening + "<ul><li><a href=\"/a\">Ferry timetable changes for the winter</a></li><li><a href=\"/b\">New pier opens in May</a></li>" +
            "<li><a href=\"/c\">Fish prices fall again</a></li></ul></div></div></body></html>";
        var text = Extractor.Extract(html, null).Text;
        Assert.Contains("closed the pier until Wednesday.", text, StringComparison.Ordinal);
        Assert.Equal(kept, text.Contains("From the archive", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_reads_a_noscript_copy_of_the_body_but_not_a_noscript_notice()
    {
        // A blog renders its post from a script template and prints the same paragraphs for readers without
        // scripts; a notice to turn scripts on, also in a noscript element, stays out.
        var html = "<html><head><title>Harbour</title></head><body><div class=\"post\"><h2>Harbour closed</h2>" +
            "<div class=\"post-body\"><script type=\"text/template\"><p>The harbour was quiet on Monday.</p></script><noscript>" +
            "<p>The harbour was quiet on Monday, and the fishing boats stayed in, as the storm moved along the coast from the west.</p>" +
            "<p>Fishermen said they had not seen such waves in years, and the port authority closed the pier until Wednesday morning.</p>" +
            "<p>The ferry to the islands will run again once the wind drops, the operator said, and tickets bought for the week stay valid.</p>" +
            "<p>Shops along the quay put sandbags at their doors, and the town council opened the school hall for anyone whose home flooded.</p>" +
            "<p>Forecasters expect calmer weather by the weekend, though another front may reach the coast early next week.</p></noscript></div></div><div class=\"note\"><noscript><p>Please turn on JavaScript to read the comments.</p></noscript></div></body></html>";
        AssertKeeps(html, ["The harbour was quiet on Monday, and", "closed the pier until Wednesday", "school hall"], ["turn on JavaScript"]);
    }

    [Theory]
    [InlineData("Harbour closed as storm hits the coast | Daily Bugle", "Harbour closed as storm hits the coast", false)]
    [InlineData("Harbour closed as storm hits the coast", "Fishermen count their losses after the worst week in years", true)]
    public void Extract_keeps_an_h1_above_the_body_only_when_it_is_not_the_title(string title, string h1, bool kept)
    {
        var html = $"<html><head><title>{title}</title></head><body><article><h1>{h1}</h1><div>" +
            "<p>The harbour was quiet on Monday, and the fishing boats stayed in, as the storm moved along the coast.</p>" +
            "<p>Fishermen said they had not seen such waves in years, and the port authority closed the pier until Wednesday.</p>" +
            "</div></article></body></html>";
        var text = Extractor.Extract(html, null).Text;

        Assert.Contains("closed the pier until Wednesday.", text, StringComparison.Ordinal);
        Assert.Equal(kept, text.Contains(h1, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_climbs_from_a_list_table_past_its_references_to_the_intro()
    {
        // A list article: the table scores best; the intro paragraphs are its siblings, and so is the long, linked
        // reference list after it, which is not prose but closes the article rather than start the page's furniture.
        var html = "<html><head><title>List of films featuring time loops</title></head><body><div id=\"content\"><div class=\"parser-output\">" +
            "<p>This list of films featuring time loops, in which characters experience the same period of time again and again, gives their names.</p>" +
            "<p>The list provides the names and brief synopses of films in which time loops are a prominent plot device, by year of release.</p>" +
            "<table class=\"wikitable\"><tbody>" +
            "<tr><td>Film 1</td><td>1991</td><td>A man relives the same day, again and again, until he learns what the day was for, number 1.</td></tr>" +
            "<tr><td>Film 2</td><td>1992</td><td>A man relives the same day, again and again, until he learns what the day was for, number 2.</td></tr>" +
            "<tr><td>Film 3</td><td>1993</td><td>A man relives the same day, again and again, until he learns what the day was for, number 3.</td></tr>" +
            "<tr><td>Film 4</td><td>1994</td><td>A man relives the same day, again and again, until he learns what the day was for, number 4.</td></tr>" +
            "<tr><td>Film 5</td><td>1995</td><td>A man relives the same day, again and again, until he learns what the day was for, number 5.</td></tr>" +
            "<tr><td>Film 6</td><td>1996</td><td>A man relives the same day, again and again, until he learns what the day was for, number 6.</td></tr>" +
            "<tr><td>Film 7</td><td>1997</td><td>A man relives the same day, again and again, until he learns what the day was for, number 7.</td></tr>" +
            "<tr><td>Film 8</td><td>1998</td><td>A man relives the same day, again and again, until he learns what the day was for, number 8.</td></tr>" +
            "</tbody></table>" +
            "<h2>References</h2><div class=\"reflist\"><ol>" +
            "<li><a href=\"/r1\">Smith, John (2001). \"Time loops on film, part 1\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 1 May.</li>" +
            "<li><a href=\"/r2\">Smith, John (2002). \"Time loops on film, part 2\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 2 May.</li>" +
            "<li><a href=\"/r3\">Smith, John (2003). \"Time loops on film, part 3\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 3 May.</li>" +
            "<li><a href=\"/r4\">Smith, John (2004). \"Time loops on film, part 4\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 4 May.</li>" +
            "<li><a href=\"/r5\">Smith, John (2005). \"Time loops on film, part 5\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 5 May.</li>" +
            "<li><a href=\"/r6\">Smith, John (2006). \"Time loops on film, part 6\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 6 May.</li>" +
            "<li><a href=\"/r7\">Smith, John (2007). \"Time loops on film, part 7\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 7 May.</li>" +
            "<li><a href=\"/r8\">Smith, John (2008). \"Time loops on film, part 8\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 8 May.</li>" +
            "<li><a href=\"/r9\">Smith, John (2009). \"Time loops on film, part 9\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 9 May.</li>" +
            "<li><a href=\"/r10\">Smith, John (2010). \"Time loops on film, part 10\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 10 May.</li>" +
            "<li><a href=\"/r11\">Smith, John (2011). \"Time loops on film, part 11\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 11 May.</li>" +
            "<li><a href=\"/r12\">Smith, John (2012). \"Time loops on film, part 12\"</a>. <a href=\"/j\">Journal of Film</a>. Retrieved 12 May.</li>" +
            "</ol></div></div></div></body></html>";
        AssertKeeps(html, ["This list of films featuring time loops", "prominent plot device", "number 8."], []);
    }

    [Fact]
    public void Extract_keeps_an_articles_reference_list_but_not_the_links_after_it()
    {
        // An encyclopedia article: its sources are mostly links, but they are the article's own closing part; the
        // box of links after it is the page's.
        static string Reference(int n) =>
            $"<li><a href=\"#back{n}\">^</a> <a href=\"/source/{n}\">Lee, Ann ({2000 + n}). \"Harbours of the north coast, volume {n}\"</a>. Retrieved {n} May.</li>";
        var html = "<html><head><title>North harbour</title></head><body><div id=\"content\"><div class=\"article-text\">" +
            "<p>The north harbour was built in 1820, and for a century it was the busiest port of the coast, with ships from every country.</p>" +
            "<p>After the railway came, the trade moved south, and the harbour was used by fishing boats, as it is today, and by a ferry.</p>" +
            "<p>The old customs house, a stone building by the pier, is now a museum of the town, and it is open every day but Monday.</p>" +
            "<h2>References</h2><div class=\"reflist\"><ol class=\"references\">" + Reference(1) + Reference(2) + Reference(3) + Reference(4) + "</ol></div>" +
            "</div><div class=\"more\"><ul><li><a href=\"/a\">Harbours of the south coast</a></li><li><a href=\"/b\">Lighthouses of the north</a></li></ul></div>" +
            "</div></body></html>";
        AssertKeeps(html, ["museum of the town", "Harbours of the north coast, volume 1", "volume 4"], ["Lighthouses of the north"]);
    }

    [Fact]
    public void Extract_keeps_section_headings_linked_back_to_the_contents()
    {
        // A manual's sections: each heading links back to the contents at the top of the same page.
        static string Section(string id, string heading, string text) =>
            $"<h2><a class=\"toc-backref\" href=\"#toc-{id}\">{heading}</a></h2><p>{text}</p>";
        var html = "<html><head><title>Sharing history</title></head><body><div class=\"document\">" +
            Section("a", "Setting up the repositories", "We will work through an example with three repositories, although in real life they would be on different machines.") +
            Section("b", "Amending a shared change", "Once the change is pushed to the test machine, the tests fail, so we amend it and push it again, which replaces the old one.") +
            Section("c", "Publishing the final version", "When all the tests pass, the change is pushed to the public repository, and only the final version is ever seen there.") +
            "</div></body></html>";
        AssertKeeps(html, ["Amending a shared change", "Publishing the final version", "only the final version"], []);
    }

    [Fact]
    public void Extract_keeps_the_standfirst_of_an_articles_header_but_not_its_byline_or_the_page_header()
    {
        var html = "<html><head><title>Interest on the debt</title></head><body>" +
            "<header><p>The Daily Ledger, news and analysis for readers who want the whole picture every day.</p></header>" +
            "<article><header><h1>Interest on the debt</h1>" +
            "<p>Tax cuts, spending increases and higher interest rates could make it harder to respond to future recessions.</p>" +
            "<p>By Jane Doe</p></header><section>" +
            "<p>The government will soon spend more on interest than on the military, according to the budget office, which published its outlook on Monday.</p>" +
            "<p>Economists said the shift, driven by rising rates and a larger debt, would leave less room for other spending in the years ahead.</p>" +
            "</section></article></body></html>";
        AssertKeeps(html, ["harder to respond to future recessions.", "less room for other spending"], ["By Jane Doe", "The Daily Ledger"]);
    }

    [Fact]
    public void Extract_keeps_the_text_of_the_header_that_opens_a_marked_article_body()
    {
        // No article element: the body is marked with itemprop, and its header holds the standfirst as bare text.
        var html = "<html><head><title>Insight</title></head><body><div class=\"page\"><div itemprop=\"articleBody\">" +
            "<header>Neuroscience tells us that most of the work of our brains happens unconsciously, but when does insight occur?</header>" +
            "<p>Researchers asked volunteers to solve word puzzles while their brain activity was recorded, and then to say how they had found the answer.</p>" +
            "<p>Those who reported a sudden insight showed a burst of activity in one region a third of a second before they answered, the study found.</p>" +
            "</div></div></body></html>";
        AssertKeeps(html, ["when does insight occur?", "third of a second"], []);
    }

    [Fact]
    public void Extract_keeps_a_linked_section_heading_among_the_bodys_paragraphs()
    {
        // A buyer's guide: each product's heading links to its store page, between paragraphs of the same box; the
        // linked headlines of the teaser box after the body head boxes of their own.
        var html = "<html><head><title>Games to buy</title></head><body><div class=\"wrap\"><div class=\"canvas-body\">" +
            "<p>Virtual reality has officially reached the consoles, and the first wave of games is here, with prices from twenty dollars.</p>" +
            "<h3><a href=\"https://store.example/rez\">“Rez Infinite” ($30)</a></h3>" +
            "<p>The beloved cult hit gets the virtual reality treatment, and the result is one of the best games on the headset so far.</p>" +
            "<h3><a href=\"https://store.example/thumper\">“Thumper” ($20)</a></h3>" +
            "<p>A rhythm game about a space beetle that is as punishing as it is hypnotic, and it looks even better in the headset.</p>" +
            "</div><div class=\"more\"><div class=\"item\"><h4><a href=\"/a\">Review: a career year</a></h4></div>" +
            "<div class=\"item\"><h4><a href=\"/b\">Review: race at your own speed</a></h4></div></div></div></body></html>";
        AssertKeeps(html, ["“Rez Infinite” ($30)", "“Thumper” ($20)", "hypnotic"], ["career year", "own speed"]);
    }

    [Fact]
    public void Extract_does_not_join_a_box_of_teasers_beside_the_body()
    {
        // Other columns, each a linked headline over a standfirst: the standfirsts read as prose, but the box is a
        // list of other stories, not a part of this one.
        static string Teaser(int n, string title) =>
            $"<div class=\"story-block\"><h4><a href=\"/op/{n}\">{title}</a></h4><p class=\"standfirst\">The columnist argues, at some length and with some heat, that {title.ToLowerInvariant()} matters more than the government says it does.</p></div>";
        var html = "<html><head><title>Angry media</title></head><body><div class=\"wrap\"><div class=\"article-text\">" +
            "<p>The bill would require providers to store metadata, the who, where, when and how of a communication, for two years.</p>" +
            "<p>Few would argue against the use of such material to catch criminals or terrorists, but the committee had concerns.</p>" +
            "<p>Journalists, editors, and lawyers said the powers, as drafted, would expose sources, and the minister promised changes.</p>" +
            "<p>The government said it would consider the amendments, though it gave no date, and the opposition reserved its position.</p>" +
            "</div><div class=\"group\">" + Teaser(1, "Fraser's lasting legacy") + Teaser(2, "The budget hole") + Teaser(3, "Our city's trains") +
            "</div></div></body></html>";
        AssertKeeps(html, ["store metadata", "reserved its position"], ["columnist argues"]);
    }

    [Fact]
    public void Extract_joins_a_body_split_over_sibling_containers()
    {
        var html = "<html><body><nav><a href=\"/\">Home</a></nav><div id=\"wrap\">" +
            "<div class=\"story-part\"><p>" + new string('a', 10) + " The first part of the story explains the background of the negotiations, with names, dates and numbers.</p>" +
            "<p>Officials said the talks, which began in May, would continue next week, according to three people familiar with them.</p></div>" +
            "<div class=\"ad-slot\"><a href=\"/buy\">Buy now</a></div>" +
            "<div class=\"story-part\"><p>The second part of the story describes the reactions of the opposition, which rejected the deal, as expected.</p>" +
            "<p>Analysts said the outcome, while uncertain, would shape the budget, the coalition and the election next year.</p></div>" +
            "</div></body></html>";
        var article = Extractor.Extract(html, null);

        Assert.Contains("The first part", article.Text, StringComparison.Ordinal);
        Assert.Contains("The second part", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Buy now", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_falls_back_to_looser_rules_when_class_words_hide_the_body()
    {
        var html = "<html><body><div class=\"social-layout\">" + Body + "</div></body></html>";
        var article = Extractor.Extract(html, null);

        Assert.Contains("mengguncang Cianjur", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_drops_the_site_suffix()
    {
        var article = Extractor.Extract(Page("<title>Gempa Cianjur Tewaskan 225 Orang - Kompas.com</title><meta property=\"og:site_name\" content=\"KOMPAS.com\">", Body), null);

        Assert.Equal("Gempa Cianjur Tewaskan 225 Orang", article.Title);
        Assert.Equal("KOMPAS.com", article.Metadata!.SiteName);
        Assert.Equal("meta:og:site_name", article.Metadata.Sources["siteName"]);
    }

    [Fact]
    public void Title_prefers_the_h1_that_starts_the_declared_title()
    {
        var article = Extractor.Extract(Page("<title>Gempa Cianjur Tewaskan 225 Orang | Berita Harian Nusantara</title>", "<h1>Gempa Cianjur Tewaskan 225 Orang</h1>" + Body), null);

        Assert.Equal("Gempa Cianjur Tewaskan 225 Orang", article.Title);
        Assert.DoesNotContain("Tewaskan 225", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_reads_json_ld_news_article_with_sources()
    {
        const string ld = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Gempa Cianjur","datePublished":"2022-11-21T13:21:00+07:00",
            "dateModified":"2022-11-21T15:00:00+07:00","author":[{"@type":"Person","name":"Budi Santoso"},{"@type":"Organization","name":"Kompas"}],
            "articleSection":"Regional","keywords":"gempa, cianjur","image":{"url":"https://img.example.id/a.jpg"}}]}</script>
            """;
        var article = Extractor.Extract(Page("<title>Gempa Cianjur - Kompas</title>" + ld, Body), null);

        Assert.Equal(new DateTimeOffset(2022, 11, 21, 13, 21, 0, TimeSpan.FromHours(7)), article.Published);
        Assert.Equal(["Budi Santoso"], article.Authors);
        var meta = article.Metadata!;
        Assert.Equal("json-ld:datePublished", meta.Sources["published"]);
        Assert.Equal("json-ld:author", meta.Sources["authors"]);
        Assert.Equal(new DateTimeOffset(2022, 11, 21, 15, 0, 0, TimeSpan.FromHours(7)), meta.Modified);
        Assert.Equal("Regional", meta.Section);
        Assert.Equal(["gempa", "cianjur"], meta.Tags);
        Assert.Equal("https://img.example.id/a.jpg", meta.Image);
    }

    [Fact]
    public void Metadata_reads_opengraph_and_meta_tags()
    {
        const string head = "<title>x</title><meta property=\"og:title\" content=\"Harga Beras Naik\"><meta property=\"article:published_time\" content=\"2023-03-01T08:00:00Z\">" +
            "<meta name=\"author\" content=\"Siti Rahma\"><meta name=\"description\" content=\"Harga beras naik lagi.\"><link rel=\"canonical\" href=\"https://example.id/beras\">" +
            "<meta property=\"og:locale\" content=\"id_ID\">";
        var article = Extractor.Extract(Page(head, Body), null);

        Assert.Equal("Harga Beras Naik", article.Title);
        Assert.Equal("meta:og:title", article.Metadata!.Sources["title"]);
        Assert.Equal(new DateTimeOffset(2023, 3, 1, 8, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("meta:article:published_time", article.Metadata.Sources["published"]);
        Assert.Equal(["Siti Rahma"], article.Authors);
        Assert.Equal("https://example.id/beras", article.Metadata.CanonicalUrl);
        Assert.Equal("Harga beras naik lagi.", article.Metadata.Description);
        Assert.Equal("id", article.Metadata.DeclaredLanguage);
    }

    [Fact]
    public void Metadata_reads_an_indonesian_visible_dateline_and_penulis()
    {
        var body = "<div class=\"read__time\">Kamis, 5 November 2015 10:20 WIB</div><div class=\"read__author\">Penulis : Andi Wijaya</div>" + Body;
        var article = Extractor.Extract(Page("<title>Gempa</title>", body), null);

        Assert.Equal(new DateTimeOffset(2015, 11, 5, 10, 20, 0, TimeSpan.FromHours(7)), article.Published);
        Assert.Equal(["Andi Wijaya"], article.Authors);
    }

    [Fact]
    public void Metadata_prefers_a_zoned_visible_time_over_a_meta_time_falsely_marked_utc()
    {
        var body = "<div class=\"date\">Kamis, 05/11/2015 10:08 WIB</div>" + Body;
        var article = Extractor.Extract(Page("<title>Gempa</title><meta name=\"pubdate\" content=\"2015-11-05T10:08:58Z\">", body), null);

        Assert.Equal(new DateTimeOffset(2015, 11, 5, 10, 8, 58, TimeSpan.FromHours(7)), article.Published);
        Assert.Equal("text:dateline", article.Metadata!.Sources["published"]);
    }

    [Fact]
    public void Metadata_takes_the_day_from_the_url_when_nothing_else_dates_the_page()
    {
        var article = Extractor.Extract(Page("<title>Gempa</title>", Body), "https://example.id/read/2015/11/05/100026/gempa");

        Assert.Equal(new DateTimeOffset(2015, 11, 5, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("url", article.Metadata!.Sources["published"]);
    }

    [Fact]
    public void Authors_skip_the_outlet_urls_and_organisations()
    {
        var head = "<title>x</title><meta property=\"og:site_name\" content=\"Detik\"><meta name=\"author\" content=\"Detik\">" +
            "<meta property=\"article:author\" content=\"https://facebook.com/detik\">";
        var article = Extractor.Extract(Page(head, Body), null);

        Assert.Empty(article.Authors);
    }

    [Fact]
    public void Index_pages_are_marked_as_listings()
    {
        var links = string.Concat(Enumerable.Range(0, 60).Select(i => $"<li><a href=\"/read/{i}\">Judul berita nomor {i} tentang peristiwa penting hari ini</a></li>"));
        var html = $"<html><head><title>Berita Terkini</title></head><body><ul>{links}</ul></body></html>";
        var article = Extractor.Extract(html, "https://example.id/");

        Assert.Equal("listing", article.Metadata!.PageType);
    }

    [Fact]
    public void An_index_page_showing_todays_date_is_still_a_listing()
    {
        var links = string.Concat(Enumerable.Range(0, 60).Select(i => $"<li><a href=\"/read/{i}\">Judul berita nomor {i} tentang peristiwa penting hari ini</a></li>"));
        var html = $"<html><head><title>Berita Terkini</title></head><body><div class=\"date\">Senin, 15 Februari 2016</div><ul>{links}</ul></body></html>";
        var article = Extractor.Extract(html, "https://example.id/");

        Assert.NotNull(article.Published);
        Assert.Equal("listing", article.Metadata!.PageType);
    }

    [Fact]
    public void Article_pages_are_not_marked_as_listings()
    {
        var article = Extractor.Extract(Page("<title>Gempa</title>", Body), null);

        Assert.Equal("article", article.Metadata!.PageType);
    }

    [Fact]
    public void Nesting_100000_levels_deep_is_flattened_without_overflow_or_hang()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 100_000; i++)
            sb.Append("<div>");
        sb.Append(Body);
        for (var i = 0; i < 100_000; i++)
            sb.Append("</div>");
        sb.Append("</body></html>");

        var article = Extractor.Extract(sb.ToString(), null);

        Assert.Contains("mengguncang Cianjur", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Removed, r => r.Reason == "too-deep");
    }

    [Fact]
    public void A_20_MB_page_is_cut_to_the_input_bound()
    {
        var filler = string.Concat(Enumerable.Repeat("<div><a href=\"/x\">menu item</a></div>", 600_000));
        var html = Page("<title>Gempa</title>", Body, filler);
        Assert.True(html.Length > 20_000_000);

        var article = Extractor.Extract(html, null);

        Assert.Contains("mengguncang Cianjur", article.Text, StringComparison.Ordinal);
        Assert.Contains(article.Removed, r => r.Reason == "too-large");
    }

    [Fact]
    public void Truncated_and_malformed_html_still_yields_the_text()
    {
        var html = "<html><head><title>Gempa</title><body><div class=\"content\"><p>" + Body.Replace("</p>", string.Empty, StringComparison.Ordinal)[3..] + "<div><span><b>unterminated";
        var article = Extractor.Extract(html, null);

        Assert.Contains("sedikitnya 225 orang", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_data_gives_an_empty_article_not_a_crash()
    {
        var bytes = new byte[100_000];
        new Random(7).NextBytes(bytes);
        var html = HtmlCharset.Decode(bytes, null, out _);

        var article = Extractor.Extract(html, null);

        Assert.NotNull(article.Text);
    }

    [Fact]
    public void A_wrong_declared_charset_loses_to_valid_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Kota Bogor — “kata” café</p></body></html>");

        var html = HtmlCharset.Decode(bytes, null, out var charset);

        Assert.Equal("utf-8", charset);
        Assert.Contains("“kata” café", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_utf8_with_a_stray_invalid_byte_stays_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"UTF-8\"></head><body><p>Sprzeciw wobec ataków na Fundację</p><p>papieros")
            .Concat(new byte[] { 0xC3 }).Concat(Encoding.UTF8.GetBytes("...</p></body></html>")).ToArray();

        var html = HtmlCharset.Decode(bytes, null, out var charset);

        Assert.Equal("utf-8", charset);
        Assert.Contains("ataków na Fundację", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_byte_page_declared_utf8_decodes_as_windows_1252()
    {
        // Every non-ASCII byte is invalid UTF-8: the declaration is wrong, not a byte.
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><p>Caf\u00e9 in K\u00f6ln, Stra\u00dfe am Br\u00fcckenkopf</p></body></html>");

        var html = HtmlCharset.Decode(bytes, null, out var charset);

        Assert.Equal("windows-1252", charset);
        Assert.Contains("Café in Köln, Straße am Brückenkopf", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1252_bytes_decode_as_declared()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>caf\u00e9</p></body></html>");

        var html = HtmlCharset.Decode(bytes, null, out _);

        Assert.Contains("café", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_declared_latin1_decodes_its_quotes_as_windows_1252()
    {
        // 0x93 and 0x94 are control characters in ISO-8859-1 proper; browsers read the label as Windows-1252.
        var bytes = Encoding.ASCII.GetBytes("<html><head><meta charset=\"ISO-8859-1\"></head><body><p>caf? ?kata?</p></body></html>");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xE9;
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0x93;
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0x94;

        var html = HtmlCharset.Decode(bytes, null, out var charset);

        Assert.Equal("windows-1252", charset);
        Assert.Contains("café “kata”", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_declaration_in_a_page_without_a_byte_order_mark_reads_as_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"utf-16\"></head><body><p>Kota Bogor</p></body></html>");

        var html = HtmlCharset.Decode(bytes, null, out var charset);

        Assert.Equal("utf-8", charset);
        Assert.Contains("<p>Kota Bogor</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_written_with_non_ascii_digits_do_not_fail_the_page()
    {
        var head = "<title>x</title><meta property=\"article:published_time\" content=\"\u09e8\u09e6\u09e8\u09e6-\u09e6\u09ee-\u09e8\u09e9\">";
        var body = "<p>\u09e8\u09e9 August \u09e8\u09e6\u09e8\u09e6</p>" + Body;

        var article = Extractor.Extract(Page(head, body), "https://example.com/2020/08/23646/");

        Assert.Contains("mengguncang Cianjur", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Shingle_scores_are_per_page_precision_and_recall()
    {
        var (p, r) = ExtractionScorer.ShinglePrecisionRecall("one two three four five", "one two three four five six seven");

        Assert.Equal(1.0, p);
        Assert.Equal(2.0 / 4.0, r);
        Assert.Equal((0.0, 0.0), ExtractionScorer.ShinglePrecisionRecall(string.Empty, "one two three four"));
    }

    [Theory]
    [InlineData("URL: http://example.com/a\n<p>The body text.")]
    [InlineData("\uFEFFURL: http://example.com/a\n<p>The body text.")]
    [InlineData("\nURL: http://example.com/a\n<h>The body text.")]
    [InlineData("URL:\nhttp://example.com/a\n<p>The body text.")]
    public void CleanEval_gold_drops_the_address_line_after_a_byte_order_mark_or_blank_line(string file)
    {
        Assert.Equal("The body text.", ExtractionCorpora.CleanEvalGold(file).Trim());
    }

    [Fact]
    public void Readability_gold_text_breaks_words_at_blocks_not_at_inline_elements()
    {
        var html = "<div><p>Hello <b>wor</b>ld, see<sup>1</sup></p><p>一波波<span>接續性</span>低溫</p><ul><li>a<br>b</li><li>c</li></ul></div>";
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body;

        var text = string.Join(' ', ExtractionCorpora.BlockText(body).Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal("Hello world, see1 一波波接續性低溫 a b c", text);
    }

    [Fact]
    public void Shingle_scores_read_through_soft_hyphens()
    {
        // The gold keeps a soft hyphen that an extractor may drop; the words read the same either way.
        Assert.Equal((1.0, 1.0), ExtractionScorer.ShinglePrecisionRecall("few leaders but Vladimir Putin stand up", "few leaders but Vladi\u00ADmir Putin stand up"));
    }

    [Fact]
    public void Snippets_are_matched_in_one_spelling_of_letters_and_without_invisible_characters()
    {
        // The page stores "য়" as one code point (U+09DF), the gold as "য" with its nukta; the gold keeps a soft hyphen
        // the extractor dropped. Both are the same words, so both snippets are found; a changed word is not.
        var scorer = new ExtractionScorer();
        var page = new ExtractionPage
        {
            Set = "t",
            Id = "1",
            Html = string.Empty,
            With = ["সাড়ে ৭টার", "Werk\u00ADzeug\u00ADty\u00ADpen und"],
            Without = ["Werkzeugkiste"],
        };

        scorer.Add(page, new ExtractionOutput("সা\u09DCে ৭টার: Werkzeugtypen und  Laufzeiten.", null, [], null, null));

        Assert.Equal(1.0, scorer.SnippetRecall);
        Assert.Equal(1.0, scorer.SnippetPrecision);
    }

    [Fact]
    public void Shingle_scores_compare_words_not_lengths()
    {
        // Two texts of one length with no word in common share no shingle; a text twice the gold's holds it once.
        Assert.Equal((0.0, 0.0), ExtractionScorer.ShinglePrecisionRecall("one two three four five", "six seven eight nine ten"));
        var (p, r) = ExtractionScorer.ShinglePrecisionRecall("menu home news one two three four five", "one two three four five");

        Assert.Equal(2.0 / 5.0, p);
        Assert.Equal(1.0, r);
    }
}
