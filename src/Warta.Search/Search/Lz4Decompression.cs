using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Warta.Search;

/// <summary>
/// Lucene's fast stored-fields compression (its LZ4 block format, written by Lucene's own compressor) with a decompressor
/// that reads a memory-mapped input in place: Lucene's reads each token through a virtual <c>ReadByte</c> and each
/// match through an array copy. Stored-field decoding was about 7% of the mixed load's CPU (bench/RESULTS-web.md);
/// a 2.5 KB chunk of IndoSum text decodes in 4.0 µs instead of 5.4 (a loop over the same compressed bytes). The bytes on
/// disk are Lucene's, so segments written before or after stay readable by either.
/// </summary>
internal sealed class Lz4InPlaceMode : CompressionMode
{
    public static readonly Lz4InPlaceMode Instance = new();

    public override Compressor NewCompressor() => FAST.NewCompressor();

    public override Decompressor NewDecompressor() => new InPlaceDecompressor(FAST.NewDecompressor());

    public override string ToString() => "Lz4InPlace";

    private sealed class InPlaceDecompressor(Decompressor lucene) : Decompressor
    {
        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            if (input is not MappedIndexInput mapped)
            {
                lucene.Decompress(input, originalLength, offset, length, bytes);
                return;
            }

            if (bytes.Bytes.Length < originalLength + 7)
            {
                bytes.Bytes = new byte[ArrayUtil.Oversize(originalLength + 7, 1)];
            }

            int written;
            int read;
            try
            {
                written = Lz4Block.Decompress(mapped.Remaining, offset + length, bytes.Bytes, out read);
            }
            catch (Exception e) when (e is IndexOutOfRangeException or ArgumentException)
            {
                throw new CorruptIndexException($"corrupt compressed block in {mapped}: {e.Message}");
            }

            if (written > originalLength)
            {
                throw new CorruptIndexException($"corrupted: lengths mismatch: {written} > {originalLength} (resource={mapped})");
            }

            mapped.Advance(read);
            bytes.Offset = offset;
            bytes.Length = length;
        }

        public override object Clone() => new InPlaceDecompressor((Decompressor)lucene.Clone());
    }
}

/// <summary>Lucene 4's LZ4 block decoding over spans, stopping as Lucene's does once enough bytes are out.</summary>
internal static class Lz4Block
{
    private const int MinMatch = 4;

    /// <summary>
    /// Decodes from <paramref name="source"/> into <paramref name="destination"/> until at least
    /// <paramref name="decompressedLength"/> bytes are out; returns how many are, and in <paramref name="read"/> how many
    /// source bytes were consumed (exactly as many as Lucene's decoder consumes). Corrupt input throws
    /// <see cref="IndexOutOfRangeException"/> or <see cref="ArgumentException"/> and never writes outside
    /// <paramref name="destination"/>.
    /// </summary>
    public static int Decompress(ReadOnlySpan<byte> source, int decompressedLength, Span<byte> destination, out int read)
    {
        var s = 0;
        var d = 0;
        do
        {
            int token = source[s++];
            var literalLength = token >> 4;
            if (literalLength != 0)
            {
                if (literalLength == 0x0F)
                {
                    byte more;
                    while ((more = source[s++]) == 0xFF)
                    {
                        literalLength += 0xFF;
                    }

                    literalLength += more;
                }

                source.Slice(s, literalLength).CopyTo(destination[d..]);
                s += literalLength;
                d += literalLength;
            }

            if (d >= decompressedLength)
            {
                break;
            }

            var distance = source[s] | (source[s + 1] << 8);
            s += 2;
            var matchLength = token & 0x0F;
            if (matchLength == 0x0F)
            {
                byte more;
                while ((more = source[s++]) == 0xFF)
                {
                    matchLength += 0xFF;
                }

                matchLength += more;
            }

            matchLength += MinMatch;
            var from = d - distance;
            if (distance <= 0 || from < 0)
            {
                throw new IndexOutOfRangeException($"match distance {distance} at output {d}");
            }

            if (distance >= matchLength)
            {
                destination.Slice(from, matchLength).CopyTo(destination[d..]);
            }
            else
            {
                // Overlapping: the match repeats bytes it is writing, one at a time as the format means.
                var target = destination.Slice(d, matchLength);
                for (var i = 0; i < target.Length; i++)
                {
                    target[i] = destination[from + i];
                }
            }

            d += matchLength;
        }
        while (d < decompressedLength);

        read = s;
        return d;
    }
}
