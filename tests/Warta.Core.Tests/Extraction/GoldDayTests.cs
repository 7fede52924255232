using Warta.Evaluation.Extraction;

namespace Warta.Tests.Extraction;

public sealed class GoldDayTests
{
    [Theory]
    [InlineData("2022-11-29", "2022-11-29")]
    [InlineData("2022-29-11", "2022-11-29")]
    [InlineData("2022-25-10", "2022-10-25")]
    [InlineData("2022-01.26", "2022-01-26")]
    [InlineData("2022-11-1", "2022-11-1")]
    [InlineData("2022-05-06", "2022-05-06")]
    public void A_malformed_gold_day_is_read_its_one_possible_way(string gold, string day) =>
        Assert.Equal(day, ExtractionCorpora.GoldDayOf(gold));
}
