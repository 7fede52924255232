using Warta.Extraction;
using Warta.Model;

namespace Warta.Tests.Extraction;

public class CitationFinderTests
{
    private static readonly CitationFinder Finder = CitationFinder.CreateDefault();

    private static IReadOnlyList<Citation> Find(string text, params RemovedSpan[] removed) => Finder.Find(text, removed);

    [Theory]
    [InlineData("Seperti dilaporkan Reuters, Wang membuat komentar.", "Reuters", "Seperti dilaporkan Reuters")]
    [InlineData("“Kita harus waspada,” lanjutnya dikutip dari Russian Today.", "RT", "dikutip dari Russian Today")]
    [InlineData("The ministry denied it, according to AP.", "Associated Press", "according to AP")]
    [InlineData("Ten people died, Reuters reported on Monday.", "Reuters", "Reuters reported")]
    [InlineData("“Kami siap,” kata juru bicara itu kepada AFP.", "Agence France-Presse", "kepada AFP")]
    [InlineData("Hal itu dilansir dari CNN, Selasa.", "CNN", "dilansir dari CNN")]
    [InlineData("Pasukan ditarik, melansir Al Jazeera.", "Al Jazeera", "melansir Al Jazeera")]
    [InlineData("Beijing membantah, mengutip Xinhua.", "Xinhua", "mengutip Xinhua")]
    [InlineData("Jakarta (ANTARA) - Presiden meresmikan jalan tol.", "Antara", "(ANTARA) -")]
    [InlineData("Menurut laporan Kantor Berita Yonhap, rudal itu jatuh di laut.", "Yonhap", "Menurut laporan Kantor Berita Yonhap")]
    [InlineData("Harga naik, seperti diberitakan CNN Indonesia.", "CNN Indonesia", "seperti diberitakan CNN Indonesia")]
    [InlineData("The talks stalled, the Xinhua news agency reported.", "Xinhua", "Xinhua news agency reported")]
    [InlineData("He told The New York Times that he would resign.", "The New York Times", "told The New York Times")]
    public void Find_canonicalises_an_attributed_agency_with_its_evidence(string text, string agency, string evidence)
    {
        var citation = Assert.Single(Find(text));

        Assert.Equal(new Citation(agency, evidence), citation);
    }

    [Theory]
    [InlineData("CNN menayangkan debat calon presiden semalam.")]
    [InlineData("Saham Bloomberg dan Reuters dibahas dalam rapat.")]
    [InlineData("“Kami menentang,” kata Wei dikutip oleh Kementerian Pertahanan.")]
    [InlineData("Perbedaan antara dua kubu itu makin tajam, menurut antara lain pengamat.")]
    [InlineData("The AP style guide was updated. Reuters.")]
    [InlineData("Dia bekerja di AP sejak 2010.")]
    public void Find_ignores_bare_mentions_and_names_missing_from_the_list(string text)
    {
        Assert.Empty(Find(text));
    }

    [Fact]
    public void Find_takes_a_source_line_in_any_capitalisation_and_counts_each_agency_once()
    {
        var citations = Find(
            "“Kita harus waspada,” lanjutnya dikutip dari Russian Today.",
            new RemovedSpan("Sumber: russian today", RemovalReasons.SourceLine),
            new RemovedSpan("Sumber: Reuters", RemovalReasons.SourceLine));

        Assert.Equal(
            [new Citation("RT", "dikutip dari Russian Today"), new Citation("Reuters", "Sumber: Reuters")],
            citations);
    }

    [Fact]
    public void Find_reads_an_agency_dateline_the_cleaner_removed()
    {
        var citation = Assert.Single(Find("Presiden meresmikan jalan tol.", new RemovedSpan("Jakarta (ANTARA) -", RemovalReasons.Dateline)));

        Assert.Equal(new Citation("Antara", "Jakarta (ANTARA) -"), citation);
    }

    [Fact]
    public void Find_ignores_removed_spans_of_other_reasons()
    {
        Assert.Empty(Find("Presiden meresmikan jalan tol.", new RemovedSpan("BACA JUGA: Reuters reported a record", RemovalReasons.RelatedTeaser)));
    }

    [Fact]
    public void Load_adds_a_users_agencies_to_the_bundled_list()
    {
        using var reader = new StringReader("# local outlets\nRadar Tasikmalaya\toutlet\tRadartasik|Radartasik.com\n");
        var finder = CitationFinder.Load(reader);

        var citations = finder.Find("Hal itu dilansir dari Radartasik.com dan dikutip dari Reuters.", []);

        Assert.Equal(["Radar Tasikmalaya", "Reuters"], citations.Select(c => c.Agency));
        Assert.Contains(finder.Agencies, a => a.Canonical == "Xinhua");
    }

    [Fact]
    public void Load_without_the_default_list_knows_only_the_given_agencies()
    {
        using var reader = new StringReader("Radar Tasikmalaya\toutlet\tRadartasik\n");
        var finder = CitationFinder.Load(reader, includeDefault: false);

        Assert.Empty(finder.Find("Hal itu dilansir dari Reuters.", []));
        Assert.Single(finder.Agencies);
    }

    [Fact]
    public void Load_names_the_line_of_a_malformed_entry()
    {
        using var reader = new StringReader("Reuters\tagency\tReuters\nbroken line\n");

        var error = Assert.Throws<FormatException>(() => CitationFinder.Load(reader));

        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_list_covers_the_major_agencies_and_indonesian_outlets()
    {
        var names = CitationFinder.CreateDefault().Agencies.Select(a => a.Canonical).ToHashSet(StringComparer.Ordinal);

        Assert.True(names.Count >= 40, $"only {names.Count} agencies");
        foreach (var name in new[] { "Reuters", "Associated Press", "Agence France-Presse", "Xinhua", "RT", "TASS", "Sputnik", "Kyodo", "Yonhap", "BBC", "CNN", "Al Jazeera", "Bernama", "Antara", "Anadolu", "dpa", "EFE", "ANSA", "Bloomberg", "Kompas", "Detik", "Tempo", "CNN Indonesia" })
            Assert.Contains(name, names);
    }
}
