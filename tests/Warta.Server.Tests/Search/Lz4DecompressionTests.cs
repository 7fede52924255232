using System.Text;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Warta.Search;

namespace Warta.Server.Tests.Search;

public sealed class Lz4DecompressionTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "warta-lz4-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => File.Delete(_file);

    public static TheoryData<string> Inputs => ["words", "random", "runs", "long-literals"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Blocks_written_by_Lucene_decode_to_the_same_bytes_and_consume_the_same_input(string kind)
    {
        var original = Input(kind);
        var compressed = Compress(original);
        foreach (var (offset, length) in Windows(original.Length))
        {
            var lucene = new BytesRef();
            var luceneInput = new ByteArrayDataInput(compressed);
            CompressionMode.FAST.NewDecompressor().Decompress(luceneInput, original.Length, offset, length, lucene);

            var ours = new byte[original.Length + 7];
            var written = Lz4Block.Decompress(compressed, offset + length, ours, out var read);

            Assert.True(written >= offset + length);
            Assert.Equal(luceneInput.Position, read);
            Assert.Equal(original.AsSpan(offset, length).ToArray(), ours.AsSpan(offset, length).ToArray());
            Assert.Equal(lucene.Bytes.AsSpan(lucene.Offset, lucene.Length).ToArray(), ours.AsSpan(offset, length).ToArray());
        }
    }

    [Fact]
    public void A_mapped_input_is_decoded_in_place_and_left_where_Lucene_would_leave_it()
    {
        var original = Input("words");
        var compressed = Compress(original);
        File.WriteAllBytes(_file, [.. compressed, .. "tail"u8.ToArray()]);
        var input = new MappedIndexInput("test", MappedFile.Open(_file), 0, compressed.Length + 4);
        var bytes = new BytesRef();

        Lz4InPlaceMode.Instance.NewDecompressor().Decompress(input, original.Length, 0, original.Length, bytes);

        Assert.Equal(original, bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray());
        Assert.Equal(compressed.Length, input.Position);
    }

    [Fact]
    public void A_truncated_block_is_reported_as_a_corrupt_index()
    {
        var original = Input("words");
        var compressed = Compress(original);
        File.WriteAllBytes(_file, compressed[..(compressed.Length / 2)]);
        var input = new MappedIndexInput("test", MappedFile.Open(_file), 0, compressed.Length / 2);

        Assert.Throws<CorruptIndexException>(() => Lz4InPlaceMode.Instance.NewDecompressor().Decompress(input, original.Length, 0, original.Length, new BytesRef()));
    }

    private static byte[] Input(string kind)
    {
        var random = new Random(7);
        switch (kind)
        {
            case "words":
                string[] words = ["Jakarta", "banjir", "warga", "mengungsi", "pemerintah", "Kazakhstan", "keamanan", "kerja", "sama", "dan", "di", "yang"];
                var text = new StringBuilder();
                while (text.Length < 6_000)
                {
                    text.Append(words[random.Next(words.Length)]).Append(random.Next(9) == 0 ? ". " : " ");
                }

                return Encoding.UTF8.GetBytes(text.ToString());
            case "random":
                var noise = new byte[3_000];
                random.NextBytes(noise);
                return noise;
            case "runs":
                // Long overlapping matches: runs of one byte, then of a short pattern.
                return [.. Enumerable.Repeat((byte)'a', 1_000), .. Enumerable.Range(0, 900).Select(i => (byte)"abc"[i % 3])];
            default:
                // Literal runs longer than 15 and 270 bytes (length bytes of 0xFF) between repeats.
                var literal = new byte[700];
                random.NextBytes(literal);
                return [.. literal, .. literal[..300], .. literal];
        }
    }

    private static byte[] Compress(byte[] original)
    {
        var buffer = new byte[original.Length * 2 + 64];
        var output = new ByteArrayDataOutput(buffer);
        CompressionMode.FAST.NewCompressor().Compress(original, 0, original.Length, output);
        return buffer[..output.Position];
    }

    private static IEnumerable<(int Offset, int Length)> Windows(int length)
    {
        yield return (0, length);
        yield return (0, 1);
        yield return (length / 3, length / 3);
        yield return (length - 1, 1);
        yield return (17, 0);
    }
}
