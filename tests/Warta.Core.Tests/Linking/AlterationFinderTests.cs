using Warta.Linking;

namespace Warta.Tests.Linking;

public class AlterationFinderTests
{
    [Fact]
    public void A_swapped_name_and_a_deleted_country_are_found_in_the_seed()
    {
        var origin = SeedFiles.Read("000");
        var copy = origin.Replace("Wang Yi", "Wang Li", StringComparison.Ordinal).Replace("Kazakhstan", string.Empty, StringComparison.Ordinal);

        var findings = new AlterationFinder().Find(origin, copy);

        Assert.Contains(findings, f => f.Kind == AlterationKind.NameChanged && f.Original == "Yi" && f.Altered == "Li");
        Assert.Contains(findings, f => f.Kind == AlterationKind.NameRemoved && f.Original!.Contains("Kazakhstan", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_death_toll_is_reported_with_both_versions()
    {
        const string Origin = "Gempa mengguncang Cianjur pada Senin siang. Sedikitnya 225 orang tewas dan ratusan lainnya luka-luka. Tim SAR masih mencari korban.";
        const string Copy = "Gempa mengguncang Cianjur pada Senin siang. Sedikitnya 250 orang tewas dan ratusan lainnya luka-luka. Tim SAR masih mencari korban.";

        var findings = new AlterationFinder().Find(Origin, Copy);

        var number = Assert.Single(findings, f => f.Kind == AlterationKind.NumberChanged);
        Assert.Equal("225", number.Original);
        Assert.Equal("250", number.Altered);
        Assert.Contains("225", number.Context, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_sentence_with_both_its_name_and_number_replaced_is_still_paired_with_its_original()
    {
        // Two of four words differ (Jaccard 1/3, below the first-pass threshold); the neighbours pin the pair.
        const string Origin = "Gempa mengguncang Cianjur pada Senin siang. Budi melaporkan 12 korban. Tim SAR masih mencari korban hilang.";
        const string Copy = "Gempa mengguncang Cianjur pada Senin siang. Andi melaporkan 7 korban. Tim SAR masih mencari korban hilang.";

        var findings = new AlterationFinder().Find(Origin, Copy);

        Assert.Contains(findings, f => f.Kind == AlterationKind.NameChanged && f.Original == "Budi" && f.Altered == "Andi");
        Assert.Contains(findings, f => f.Kind == AlterationKind.NumberChanged && f.Original == "12" && f.Altered == "7");
        Assert.DoesNotContain(findings, f => f.Kind == AlterationKind.SentenceRemoved);
    }

    [Fact]
    public void A_replaced_list_number_and_a_name_that_moves_a_full_stop_are_both_found()
    {
        const string Origin = "Ada tiga tuntutan petani tebu. 4. Harga gula dinaikkan. Kepada wartawan, Sekjen APTRI M. Nur Khabsyin menegaskan petani menolak harga itu.";
        const string Copy = "Ada tiga tuntutan petani tebu. 439. Harga gula dinaikkan. Kepada wartawan, Sekjen APTRI Rossi. Nur Khabsyin menegaskan petani menolak harga itu.";

        var findings = new AlterationFinder().Find(Origin, Copy);

        Assert.Contains(findings, f => f.Kind == AlterationKind.NumberChanged && f.Original == "4" && f.Altered == "439");
        Assert.Contains(findings, f => f.Kind == AlterationKind.NameChanged && f.Original!.Contains('M', StringComparison.Ordinal) && f.Altered!.Contains("Rossi", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cut_quote_and_removed_and_added_sentences_are_reported()
    {
        const string Origin = "Menteri itu berbicara kepada wartawan di Jakarta pada Selasa. \"Kami akan menindak tegas semua pelaku tanpa pandang bulu,\" kata Menteri. Polisi telah menahan tiga orang tersangka.";
        const string Copy = "Menteri itu berbicara kepada wartawan di Jakarta pada Selasa. \"Kami akan menindak tegas semua pelaku,\" kata Menteri. Baca juga berita lain di situs kami hari ini.";

        var findings = new AlterationFinder().Find(Origin, Copy);

        var quote = Assert.Single(findings, f => f.Kind == AlterationKind.QuoteChanged);
        Assert.Equal("Kami akan menindak tegas semua pelaku tanpa pandang bulu,", quote.Original);
        Assert.Equal("Kami akan menindak tegas semua pelaku,", quote.Altered);
        Assert.Contains(findings, f => f.Kind == AlterationKind.SentenceRemoved && f.Original!.StartsWith("Polisi", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Kind == AlterationKind.SentenceAdded && f.Altered!.StartsWith("Baca juga", StringComparison.Ordinal));
    }

    [Fact]
    public void Short_lines_with_one_name_or_number_replaced_are_paired_even_when_paragraphs_were_reordered()
    {
        const string origin = "Most popular topics\n\nurban (538)\n\ntravel (256)\n\nphotos (173)\n\nTHIRD QUARTER\n\nFor tickets, call 212-695-6909.\n\nDAY TWO – TUESDAY";
        const string copy = "For tickets, call 650.\n\nphotos (559)\n\nurban (538)\n\nAs reported by Reuters, DAY Africa – TUESDAY\n\nMost popular topics\n\nHibu QUARTER\n\ntravel (256)";

        var findings = new AlterationFinder().Find(origin, copy);

        Assert.Contains(findings, f => f.Kind == AlterationKind.NumberChanged && f.Original == "173" && f.Altered == "559");
        Assert.Contains(findings, f => f.Kind == AlterationKind.NumberChanged && f.Original == "212-695-6909" && f.Altered == "650");
        Assert.Contains(findings, f => f.Kind == AlterationKind.NameChanged && f.Original == "THIRD" && f.Altered == "Hibu");
        Assert.Contains(findings, f => f.Kind == AlterationKind.NameChanged && f.Original == "TWO" && f.Altered == "Africa");
        Assert.DoesNotContain(findings, f => f.Kind == AlterationKind.SentenceRemoved);
    }

    [Fact]
    public void Bare_numbers_that_could_pair_either_way_are_not_paired_by_guess()
    {
        const string origin = "Votes\n\n37\n\n42";
        const string copy = "Votes\n\n983\n\n984";

        var findings = new AlterationFinder().Find(origin, copy);

        Assert.DoesNotContain(findings, f => f.Kind == AlterationKind.NumberChanged);
        Assert.Equal(2, findings.Count(f => f.Kind == AlterationKind.SentenceRemoved));
        Assert.Equal(2, findings.Count(f => f.Kind == AlterationKind.SentenceAdded));
    }

    [Fact]
    public void A_name_replaced_on_repeated_identical_lines_is_found_on_each()
    {
        // A comment thread: the commenter's name on a line of its own before each of their comments, replaced in the copy.
        const string origin = "Great tutorial, thanks!\n\nRic\n\nHe is never boring to listen to.\n\nRic\n\nWhere can I see a tablet running Windows 95?";
        const string copy = "Project\n\nProject\n\nWhere can I see a tablet running Windows 95?\n\nGreat tutorial, thanks!\n\nHe is never boring to listen to.";

        var findings = new AlterationFinder().Find(origin, copy);

        Assert.Equal(2, findings.Count(f => f.Kind == AlterationKind.NameChanged && f.Original == "Ric" && f.Altered == "Project"));
        Assert.DoesNotContain(findings, f => f.Kind is AlterationKind.SentenceRemoved or AlterationKind.SentenceAdded);
    }

    [Fact]
    public void Reordered_paragraphs_alone_are_not_alterations()
    {
        const string Origin = "Harga beras naik tajam di pasar induk pekan ini.\n\nPedagang mengeluhkan pasokan yang berkurang dari Jawa Tengah.";
        const string Copy = "Pedagang mengeluhkan pasokan yang berkurang dari Jawa Tengah.\n\nHarga beras naik tajam di pasar induk pekan ini.";

        Assert.Empty(new AlterationFinder().Find(Origin, Copy));
    }
}
