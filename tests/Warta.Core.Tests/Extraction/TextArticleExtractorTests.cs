using System.Text;
using Warta.Extraction;
using Warta.Model;

namespace Warta.Tests.Extraction;

public class TextArticleExtractorTests
{
    // A scraped English wire story: breadcrumb, title, byline, date line, "(Reuters) -" dateline, teasers and chrome.
    private const string EnglishWire = """
        Home | World | Asia
        Floods displace thousands in northern Vietnam
        By Jane Doe and Minh Tran
        Published: Nov. 5, 2015 14:33 GMT
        HANOI (Reuters) - Heavy rain triggered floods and landslides across northern Vietnam on Thursday, forcing more than 12,000 people from their homes, the disaster agency said.

        Read more: Typhoon season brings record rainfall to the Mekong

        "We lost everything in one night," a farmer in Yen Bai province told the BBC, as rescuers searched for the missing.

        Read more about the history of flooding in the Red River delta before you travel, the guide told the visitors, most of whom had never seen the river in the rainy season.

        Share this article
        Facebook Twitter WhatsApp Email
        We use cookies to improve your experience. By continuing you accept our cookie policy.
        Follow us on Google News
        Related: Vietnam's economy slows in third quarter
        """;

    // A scraped English blog-style page: page date on top, comment form at the bottom, end mark.
    private const string EnglishBlog = """
        Monday, 6 May 2024
        City council approves new bike lanes
        City council approves new bike lanes
        SPRINGFIELD, Illinois — The city council voted 7-2 on Monday to build 14 miles of protected bike lanes over the next three years, according to AP.
        Supporters said the lanes would cut traffic deaths, while opponents worried about parking.
        The plan will be paid for with a federal grant. (end)
        Leave a Reply
        Your email address will not be published. Required fields are marked *
        Save my name, email, and website in this browser for the next time I comment.
        """;

    [Fact]
    public void Extract_cleans_an_english_wire_story()
    {
        var article = SeedGoldenTests.Clean(EnglishWire);

        Assert.Equal("Floods displace thousands in northern Vietnam", article.Title);
        Assert.Equal(["Jane Doe", "Minh Tran"], article.Authors);
        Assert.Equal(new DateTimeOffset(2015, 11, 5, 14, 33, 0, TimeSpan.Zero), article.Published);
        Assert.Equal(DatePrecision.Zoned, article.PublishedPrecision);
        Assert.Equal("HANOI", article.Dateline);
        Assert.StartsWith("Heavy rain triggered floods", article.Text, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("Home | World | Asia", RemovalReasons.Breadcrumb),
                ("By Jane Doe and Minh Tran", RemovalReasons.Byline),
                ("Published: Nov. 5, 2015 14:33 GMT", RemovalReasons.PublicationDate),
                ("HANOI (Reuters) -", RemovalReasons.Dateline),
                ("Read more: Typhoon season brings record rainfall to the Mekong", RemovalReasons.RelatedTeaser),
                ("Share this article", RemovalReasons.SharePrompt),
                ("Facebook Twitter WhatsApp Email", RemovalReasons.SharePrompt),
                ("We use cookies to improve your experience. By continuing you accept our cookie policy.", RemovalReasons.CookieNotice),
                ("Follow us on Google News", RemovalReasons.FollowPrompt),
                ("Related: Vietnam's economy slows in third quarter", RemovalReasons.RelatedTeaser),
            ],
            article.Removed.Select(r => (r.Text, r.Reason)));
        Assert.Equal(3, article.Text.Split("\n\n").Length);
        Assert.Equal(["Reuters", "BBC"], article.Citations.Select(c => c.Agency));
    }

    [Fact]
    public void Extract_keeps_long_prose_that_starts_like_a_teaser()
    {
        var article = SeedGoldenTests.Clean(EnglishWire);

        Assert.Contains("Read more about the history of flooding in the Red River delta", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_cleans_an_english_blog_page()
    {
        var article = SeedGoldenTests.Clean(EnglishBlog);

        Assert.Equal("City council approves new bike lanes", article.Title);
        Assert.Null(article.Published);
        Assert.Equal("SPRINGFIELD, Illinois", article.Dateline);
        Assert.Equal(
            [
                ("Monday, 6 May 2024", RemovalReasons.PageDate),
                ("City council approves new bike lanes", RemovalReasons.TitleRepeat),
                ("SPRINGFIELD, Illinois —", RemovalReasons.Dateline),
                ("(end)", RemovalReasons.EndMark),
                ("Leave a Reply", RemovalReasons.CommentForm),
                ("Your email address will not be published. Required fields are marked *", RemovalReasons.CommentForm),
                ("Save my name, email, and website in this browser for the next time I comment.", RemovalReasons.CommentForm),
            ],
            article.Removed.Select(r => (r.Text, r.Reason)));
        Assert.EndsWith("paid for with a federal grant.", article.Text, StringComparison.Ordinal);
        Assert.Equal(new Citation("Associated Press", "according to AP"), Assert.Single(article.Citations));
    }

    [Theory]
    [InlineData("You may use these HTML tags and attributes: <a href=\"\" title=\"\"> <abbr title=\"\"> <b> <em>")]
    [InlineData("Allowed HTML: <a href=\"URL\"> • <em> <cite> <i> • <strong> <b>")]
    [InlineData("Notify me of follow-up comments by email.")]
    [InlineData("Notify me of new posts by email.")]
    [InlineData("Remember Me? Yes No")]
    [InlineData("E-mail is optional and will not be displayed on the site.")]
    [InlineData("Beritahu saya akan tindak lanjut komentar melalui surel.")]
    public void Extract_drops_comment_form_hints(string hint)
    {
        var article = SeedGoldenTests.Clean("Judul Berita Hari Ini\n\nParagraf pertama yang panjang dan berisi fakta.\n\nParagraf kedua.\n\n" + hint);

        Assert.Contains(new RemovedSpan(hint, RemovalReasons.CommentForm), article.Removed);
        Assert.EndsWith("Paragraf kedua.", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BACA JUGA:China Akan Membangun Sistem Pertahanan Luar Angkasa Untuk Melindungi Bumi")]
    [InlineData("Baca juga: Harga BBM naik lagi mulai pekan depan")]
    [InlineData("Baca Juga Harga BBM Naik Lagi Mulai Pekan Depan")]
    [InlineData("Simak juga | Video: Banjir Rendam Jakarta Utara")]
    [InlineData("Read more: Typhoon season brings record rainfall")]
    [InlineData("Related: Vietnam's economy slows")]
    [InlineData("Das könnte Sie auch interessieren!")]
    [InlineData("Baca juga!")]
    [InlineData("Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo estadounidense")]
    [InlineData("VEA TAMBIÉN: Entre heces y guaricha")]
    [InlineData("Veja Também:")]
    [InlineData("Weiterlesen:")]
    [InlineData("Meistgelesene Artikel")]
    [InlineData("Explore further")]
    public void Extract_drops_baca_juga_teasers(string teaser)
    {
        var article = SeedGoldenTests.Clean("Judul Berita Hari Ini\n\nParagraf pertama yang panjang dan berisi fakta.\n\n" + teaser + "\n\nParagraf kedua.");

        Assert.Contains(new RemovedSpan(teaser, RemovalReasons.RelatedTeaser), article.Removed);
        Assert.DoesNotContain(teaser, article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Subscribe now to our print edition for the full story.", RemovalReasons.SharePrompt)]
    [InlineData("If you are already a subscriber, you can log in for immediate access to this story.", RemovalReasons.SharePrompt)]
    [InlineData("Never miss the latest news by signing up to our newsletter today!", RemovalReasons.SharePrompt)]
    [InlineData("¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.", RemovalReasons.FollowPrompt)]
    [InlineData("Möchten Sie den Artikel teilen?", RemovalReasons.SharePrompt)]
    [InlineData("Rezept drucken", RemovalReasons.SharePrompt)]
    [InlineData("Wie bewerten Sie diesen Artikel?", RemovalReasons.SharePrompt)]
    [InlineData("Was this article helpful?", RemovalReasons.SharePrompt)]
    [InlineData("Verraten Sie gerne in den Kommentaren: Was ist Ihr Lieblingsrezept?", RemovalReasons.CommentForm)]
    [InlineData("We want to hear what you think about this article.", RemovalReasons.CommentForm)]
    [InlineData("Das Thema könnte dich auch interessieren:", RemovalReasons.RelatedTeaser)]
    [InlineData("Wir respektieren deine Privatsphäre und nutzen Cookies nur mit deiner Zustimmung.", RemovalReasons.CookieNotice)]
    public void Extract_drops_paywall_newsletter_channel_share_and_comment_prompts(string prompt, string reason)
    {
        var article = SeedGoldenTests.Clean("Judul Berita Hari Ini\n\nParagraf pertama yang panjang dan berisi fakta.\n\n" + prompt + "\n\nParagraf kedua.");

        Assert.Contains(new RemovedSpan(prompt, reason), article.Removed);
    }

    [Theory]
    [InlineData("Baca juga buku-buku sejarahnya sebelum berkunjung ke museum, saran pemandu wisata itu kepada para pengunjung yang datang dari luar kota pada akhir pekan lalu.")]
    [InlineData("Baca juga label pada kemasan obat.")]
    [InlineData("Related questions about the budget were left to the finance committee, which meets again next month to review the spending plan line by line.")]
    public void Extract_keeps_prose_that_starts_with_a_teaser_cue(string prose)
    {
        var article = SeedGoldenTests.Clean("Judul Berita Hari Ini\n\nParagraf pertama yang panjang dan berisi fakta.\n\n" + prose + "\n\nParagraf kedua.");

        Assert.Contains(prose, article.Text, StringComparison.Ordinal);
        Assert.Empty(article.Removed);
    }

    [Fact]
    public void Extract_drops_german_share_like_comment_and_related_lines()
    {
        var prose = "Die Stadt Lübeck hat am Montag beschlossen, die Öffnungszeiten der Bibliotheken zu verlängern, wie ein Sprecher der Verwaltung mitteilte.";

        var article = SeedGoldenTests.Clean("Bibliotheken länger offen\n\n" + prose + "\n\nTeilen mit:\n\nGefällt mir:\n\nÄhnliche Beiträge\n\nKommentar verfassen");

        Assert.Equal(prose, article.Text);
    }

    [Fact]
    public void Extract_keeps_long_prose_that_mentions_google_news()
    {
        var prose = "Publishers said their traffic fell sharply after the change on Google News, which now shows fewer links to local outlets and more to national ones, according to a survey of forty newsrooms across three provinces.";

        var article = SeedGoldenTests.Clean("Local news loses readers\n\n" + prose);

        Assert.Equal(prose, article.Text);
    }

    [Fact]
    public void Extract_takes_outlet_and_dateline_from_place_then_domain()
    {
        var article = SeedGoldenTests.Clean("Banjir Rendam Jakarta Utara\n\nJAKARTA, KOMPAS.com - Banjir merendam puluhan rumah di Jakarta Utara, Senin (10/1/2022).");

        Assert.Equal("KOMPAS.com", article.Outlet);
        Assert.Equal("JAKARTA", article.Dateline);
        Assert.StartsWith("Banjir merendam", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_prefers_the_containers_title_and_removes_its_repeat()
    {
        var article = SeedGoldenTests.Clean("Banjir Rendam Jakarta Utara\n\nBanjir merendam puluhan rumah.", title: "Banjir Rendam Jakarta Utara");

        Assert.Equal("Banjir Rendam Jakarta Utara", article.Title);
        Assert.Equal("Banjir merendam puluhan rumah.", article.Text);
        Assert.Equal(new RemovedSpan("Banjir Rendam Jakarta Utara", RemovalReasons.TitleRepeat), Assert.Single(article.Removed));
    }

    [Fact]
    public void Extract_reads_a_byline_with_reporter_and_editor()
    {
        var article = SeedGoldenTests.Clean("Harga Cabai Naik\n\nReporter: Siti Aminah | Editor: Budi Santoso\n\nHarga cabai rawit naik dua kali lipat di pasar induk.");

        Assert.Equal(["Siti Aminah"], article.Authors);
        Assert.Contains(new RemovedSpan("Reporter: Siti Aminah | Editor: Budi Santoso", RemovalReasons.Byline), article.Removed);
    }

    [Fact]
    public void Extract_collapses_an_identical_repeated_paragraph_and_keeps_the_first()
    {
        const string paragraph = "Pemerintah menaikkan harga bahan bakar minyak bersubsidi mulai pekan depan untuk menekan defisit anggaran.";
        var article = SeedGoldenTests.Clean("Harga BBM Naik\n\n" + paragraph + "\n\nMasyarakat diminta berhemat.\n\n" + paragraph);

        var repeat = Assert.Single(article.Repeats);
        Assert.Empty(repeat.Differences);
        Assert.Equal(paragraph + "\n\nMasyarakat diminta berhemat.", article.Text);
        Assert.Contains(new RemovedSpan(paragraph, RemovalReasons.RepeatedBlock), article.Removed);
    }

    [Fact]
    public void Extract_keeps_distinct_paragraphs_that_share_a_phrase()
    {
        var text = "Harga BBM Naik\n\nMenteri Luar Negeri Kazakhstan menerima kunjungan Menteri Luar Negeri China di Astana.\n\n" +
            "Menteri Luar Negeri China kemudian bertemu Presiden di istana untuk membahas kerja sama energi.";

        var article = SeedGoldenTests.Clean(text);

        Assert.Empty(article.Repeats);
        Assert.Equal(2, article.Text.Split("\n\n").Length);
    }

    [Fact]
    public void Extract_bounds_a_huge_input_and_returns()
    {
        var options = new TextCleaningOptions { MaxInputChars = 200_000 };
        var line = "Paragraf ini diulang berkali-kali dengan nomor yang berbeda agar tidak sama persis ";
        var sb = new StringBuilder("Judul Panjang Sekali\n");
        for (var i = 0; sb.Length < 2_000_000; i++)
            sb.Append(line).Append(i).Append(".\n");
        var body = sb.ToString();

        var article = new TextArticleExtractor(options).Extract(new RawInput { Source = "big", Kind = InputKind.Text, Raw = Array.Empty<byte>(), Body = body });

        var linesWithinBound = body[..200_000].Count(c => c == '\n') + 1;
        Assert.True(article.Text.Split("\n\n").Length <= linesWithinBound);
        Assert.Equal("Judul Panjang Sekali", article.Title);
    }

    [Fact]
    public void Extract_of_empty_text_is_an_empty_article()
    {
        var article = SeedGoldenTests.Clean("   \n\n  ");

        Assert.Null(article.Title);
        Assert.Equal(string.Empty, article.Text);
        Assert.Empty(article.Removed);
    }

    [Fact]
    public void Options_validation_names_the_bad_property()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TextArticleExtractor(new TextCleaningOptions { MaxTeaserWords = 0 }));

        Assert.Equal(nameof(TextCleaningOptions.MaxTeaserWords), error.ParamName);
    }

    [Fact]
    public void Removal_reasons_are_distinct_stable_codes()
    {
        var codes = typeof(RemovalReasons).GetFields().Select(f => (string)f.GetValue(null)!).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Paragraphs_clean_to_the_same_article_as_their_joined_text(bool untidy)
    {
        // The HTML extractor hands over paragraphs; joined by blank lines they are the text path's input. Untidy
        // paragraphs (a line break, spaces to collapse, white space at an end) are split as the text would be.
        var paragraphs = EnglishWire.Split('\n').Select(l => l.Trim()).ToList();
        if (untidy)
        {
            paragraphs[0] = " Home |  World | Asia";
            paragraphs[2] = "By Jane Doe\u00A0and Minh Tran\nPublished: Nov. 5, 2015 14:33 GMT";
            paragraphs.RemoveAt(3);
        }
        var input = new RawInput { Source = "t", Kind = InputKind.Text, Raw = Array.Empty<byte>(), Body = string.Join("\n\n", paragraphs) };
        var extractor = new TextArticleExtractor();

        var fromText = extractor.Extract(input);
        var fromParagraphs = extractor.Extract(input with { Body = string.Empty }, paragraphs);

        Assert.Equal(fromText.Text, fromParagraphs.Text);
        Assert.Equal(fromText.Title, fromParagraphs.Title);
        Assert.Equal(fromText.Authors, fromParagraphs.Authors);
        Assert.Equal(fromText.Published, fromParagraphs.Published);
        Assert.Equal(fromText.Removed, fromParagraphs.Removed);
        Assert.Equal(["Jane Doe", "Minh Tran"], fromParagraphs.Authors);
    }
}

public class TextArticleExtractorOddInputTests
{
    [Theory]
    [InlineData("Sumber:")]
    [InlineData("By\nOleh:\nReporter: | Editor:")]
    [InlineData("|||\n***\n(end)")]
    [InlineData("2022\n2022-13-45T99:99\n31/02/2022 25:61 WIB")]
    [InlineData("HomeBerita\nHomeBerita")]
    [InlineData("Jakarta (ANTARA) -")]
    [InlineData("Radartasik.com,")]
    [InlineData("\u200B\u00A0\t\n\r\n")]
    [InlineData("Judul\n\nJudul\n\nJudul\n\nJudul")]
    [InlineData("a b c d e f g h i j\na b c d e f g h i j\na b c d e f g h i j")]
    [InlineData("Home Asia Pasifik Selasa, 11 Januari 2022 – 05:20 WIB.")]
    public void Extract_handles_odd_input_without_throwing(string body)
    {
        var article = SeedGoldenTests.Clean(body);

        Assert.NotNull(article.Text);
        Assert.All(article.Removed, r => Assert.False(string.IsNullOrWhiteSpace(r.Text)));
    }
}
