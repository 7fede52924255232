using Warta.Extraction;

namespace Warta.Tests.Extraction;

public class RepeatCollapserTests
{
    [Fact]
    public void No_character_outside_ascii_equals_an_ascii_one_ignoring_case()
    {
        // The collapser hashes an ASCII word by its ASCII upper case and any other word with the runtime's hash; the
        // two agree with ordinal case-insensitive equality only if no such pair of characters exists.
        for (var c = 128; c <= char.MaxValue; c++)
        {
            for (var a = 0; a < 128; a++)
            {
                Assert.False(
                    string.Equals(((char)c).ToString(), ((char)a).ToString(), StringComparison.OrdinalIgnoreCase),
                    $"U+{c:X4} equals U+{a:X4} ignoring case");
            }
        }
    }

    [Fact]
    public void Collapse_finds_a_block_repeated_in_another_case_and_split_differently()
    {
        string[] paragraphs =
        [
            "Pemerintah menaikkan harga bahan bakar minyak bersubsidi mulai pekan depan.",
            "Langkah itu diambil untuk menekan defisit anggaran tahun ini.",
            "Masyarakat diminta berhemat.",
            "PEMERINTAH MENAIKKAN HARGA BAHAN BAKAR MINYAK BERSUBSIDI MULAI PEKAN DEPAN. Langkah itu diambil untuk menekan defisit anggaran tahun ini.",
        ];

        var result = RepeatCollapser.Collapse(paragraphs);

        // Copies of equal length: the first stays.
        Assert.Equal([false, false, false, true], result.Dropped);
        Assert.Single(result.Repeats);
    }

    [Fact]
    public void Collapse_finds_a_repeat_written_outside_ascii()
    {
        const string paragraph = "Правительство повышает цены на топливо со следующей недели, чтобы сократить дефицит бюджета.";
        string[] paragraphs = [paragraph, "Жителей просят экономить.", paragraph.ToUpperInvariant() + " Ещё слово."];

        var result = RepeatCollapser.Collapse(paragraphs);

        // The longer copy stays.
        Assert.Equal([true, false, false], result.Dropped);
    }

    [Fact]
    public void Collapse_keeps_paragraphs_without_a_shared_block()
    {
        string[] paragraphs =
        [
            "Menteri Luar Negeri Kazakhstan menerima kunjungan Menteri Luar Negeri China di Astana.",
            "Menteri Luar Negeri China kemudian bertemu Presiden di istana untuk membahas kerja sama energi.",
            "Kedua negara sepakat memperluas perdagangan.",
        ];

        var result = RepeatCollapser.Collapse(paragraphs);

        Assert.All(result.Dropped, Assert.False);
        Assert.Empty(result.Repeats);
    }
}
