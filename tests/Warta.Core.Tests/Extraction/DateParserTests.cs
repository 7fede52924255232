using Warta.Extraction;
using Warta.Model;

namespace Warta.Tests.Extraction;

public class DateParserTests
{
    [Theory]
    [InlineData("Selasa, 11 Januari 2022 – 05:20 WIB", "2022-01-11T05:20:00+07:00", DatePrecision.Zoned)]
    [InlineData("Selasa, 11 Januari 2022 – 05:20 WIB.", "2022-01-11T05:20:00+07:00", DatePrecision.Zoned)]
    [InlineData("Senin 10 Januari 2022", "2022-01-10T00:00:00+00:00", DatePrecision.Day)]
    [InlineData("Monday, 6 May 2024", "2024-05-06T00:00:00+00:00", DatePrecision.Day)]
    [InlineData("5 Nov 2015 14:33", "2015-11-05T14:33:00+00:00", DatePrecision.LocalTime)]
    [InlineData("Nov. 5, 2015", "2015-11-05T00:00:00+00:00", DatePrecision.Day)]
    [InlineData("November 5th, 2015 2:33 pm", "2015-11-05T14:33:00+00:00", DatePrecision.LocalTime)]
    [InlineData("05/11/2015 14:33", "2015-11-05T14:33:00+00:00", DatePrecision.LocalTime)]
    [InlineData("2015-11-05T14:33:00+07:00", "2015-11-05T14:33:00+07:00", DatePrecision.Zoned)]
    [InlineData("2015-11-05T07:33:00Z", "2015-11-05T07:33:00+00:00", DatePrecision.Zoned)]
    [InlineData("2015-11-05", "2015-11-05T00:00:00+00:00", DatePrecision.Day)]
    [InlineData("2022-05-11T4:10:00", "2022-05-11T04:10:00+00:00", DatePrecision.LocalTime)]
    [InlineData("Kamis, 5 Agt 2015 14.33 WITA", "2015-08-05T14:33:00+08:00", DatePrecision.Zoned)]
    [InlineData("5 Ags 2015 09:00 WIT", "2015-08-05T09:00:00+09:00", DatePrecision.Zoned)]
    [InlineData("1 Mei 2023 10:00 GMT", "2023-05-01T10:00:00+00:00", DatePrecision.Zoned)]
    [InlineData("1 Des 2023 10:00 +0700", "2023-12-01T10:00:00+07:00", DatePrecision.Zoned)]
    [InlineData("12 Okt 2021 08:15 GMT+7", "2021-10-12T08:15:00+07:00", DatePrecision.Zoned)]
    [InlineData("Jumat, 3 Mar 2023", "2023-03-03T00:00:00+00:00", DatePrecision.Day)]
    [InlineData("Sat, 14 Sep 2019 23:59:59 UTC", "2019-09-14T23:59:59+00:00", DatePrecision.Zoned)]
    public void TryParse_reads_indonesian_english_numeric_and_iso_dates(string text, string expected, DatePrecision precision)
    {
        Assert.True(DateParser.TryParse(text, out var value, out var actualPrecision), text);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, value.Offset);
        Assert.Equal(precision, actualPrecision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kazakhstan")]
    [InlineData("31 Februari 2022")]
    [InlineData("sepanjang 1.770 km")]
    [InlineData("Senin 10 Januari 2022 kata Wang")]
    [InlineData("13/13/2015")]
    public void TryParse_refuses_what_is_not_exactly_one_valid_date(string text)
    {
        Assert.False(DateParser.TryParse(text, out _, out _));
    }

    [Theory]
    [InlineData("১২ জানুয়ারি ২০২২")]
    [InlineData("٢٠٢٢-٠١-١١")]
    [InlineData("१२/०१/२०२२ १०:३०")]
    public void Digits_of_other_scripts_are_not_read_and_never_throw(string text)
    {
        Assert.False(DateParser.TryParse(text, out _, out _));
        Assert.Empty(DateParser.FindAll(text));
    }

    [Fact]
    public void A_date_without_a_zone_never_gets_an_invented_offset()
    {
        Assert.True(DateParser.TryParse("Senin 10 Januari 2022", out var value, out var precision));

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(DatePrecision.Day, precision);
    }

    [Fact]
    public void A_numeric_date_is_read_day_first_unless_the_second_number_cannot_be_a_month()
    {
        Assert.True(DateParser.TryParse("05/11/2015", out var dayFirst, out _));
        Assert.True(DateParser.TryParse("11/25/2015", out var monthFirst, out _));

        Assert.Equal(new DateTime(2015, 11, 5), dayFirst.Date);
        Assert.Equal(new DateTime(2015, 11, 25), monthFirst.Date);
    }

    [Fact]
    public void FindAll_tells_page_publication_and_event_dates_apart()
    {
        var text = "Monday, 6 May 2024\nChina Tawarkan Dukungan\n" +
            "Hal itu disampaikan Menteri Luar Negeri , Wang Yi, Senin 10 Januari 2022.\n" +
            "Home Asia Pasifik Esnoe Faqih Wardhana Selasa, 11 Januari 2022 – 05:20 WIB.";

        var mentions = DateParser.FindAll(text);

        Assert.Equal(3, mentions.Count);
        Assert.Equal(("Monday, 6 May 2024", DateRole.Page), (mentions[0].Text, mentions[0].Role));
        Assert.Equal(("Senin 10 Januari 2022", DateRole.Event), (mentions[1].Text, mentions[1].Role));
        Assert.Equal(("Selasa, 11 Januari 2022 – 05:20 WIB", DateRole.Publication), (mentions[2].Text, mentions[2].Role));
        Assert.Equal(text.IndexOf("Senin 10", StringComparison.Ordinal), mentions[1].Start);
        Assert.Equal(mentions[1].Start + mentions[1].Text.Length, mentions[1].End);
    }

    [Fact]
    public void FindAll_takes_a_date_after_a_publication_cue_as_the_publication_date()
    {
        var mentions = DateParser.FindAll("The minister spoke. Published: Nov. 5, 2015 and updated later.");

        var mention = Assert.Single(mentions);
        Assert.Equal(DateRole.Publication, mention.Role);
        Assert.Equal("Nov. 5, 2015", mention.Text);
    }

    [Fact]
    public void FindAll_does_not_read_a_number_after_a_year_as_a_time()
    {
        var mention = Assert.Single(DateParser.FindAll("Pada 10 Januari 2022, 1.770 km jalan ditutup."));

        Assert.Equal("10 Januari 2022", mention.Text);
        Assert.Equal(DatePrecision.Day, mention.Precision);
    }

    [Fact]
    public void FindAll_stays_linear_on_long_text_without_dates()
    {
        var text = string.Concat(Enumerable.Repeat("kata 12 orang 2022 pada 31 Mei, ", 20_000));

        var mentions = DateParser.FindAll(text);

        Assert.Empty(mentions);
    }
}
