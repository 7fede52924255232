using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace Warta.Linking;

/// <summary>Options for <see cref="Fingerprint"/>.</summary>
public sealed class FingerprintOptions
{
    /// <summary>Words per shingle; 5 keeps unrelated news apart while small edits break few shingles.</summary>
    public int ShingleSize { get; init; } = 5;

    /// <summary>Words read per article; a million-word page costs no more than this.</summary>
    public int MaxWords { get; init; } = 20_000;

    /// <summary>Sentences shorter than this (in words) are not indexed: datelines and bylines repeat across unrelated articles.</summary>
    public int MinSentenceWords { get; init; } = 6;

    public void Validate()
    {
        if (ShingleSize is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(ShingleSize), ShingleSize, "must be 1..16");
        }

        if (MaxWords < ShingleSize)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWords), MaxWords, "must be at least ShingleSize");
        }

        if (MinSentenceWords < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSentenceWords), MinSentenceWords, "must be positive");
        }
    }
}

/// <summary>
/// The fingerprints of one text: an exact hash of the normalised text, the sorted distinct hashes of its word
/// shingles, and hashes of its normalised sentences.
/// </summary>
public sealed class Fingerprint
{
    private Fingerprint(ulong exactHash, ulong[] shingles, ulong[] sentences, int wordCount)
    {
        ExactHash = exactHash;
        Shingles = shingles;
        SentenceHashes = sentences;
        WordCount = wordCount;
    }

    /// <summary>XxHash64 of the casefolded words joined by single spaces.</summary>
    public ulong ExactHash { get; }

    /// <summary>Distinct shingle hashes, sorted ascending (for merge-based intersection).</summary>
    public ulong[] Shingles { get; }

    /// <summary>Distinct hashes of normalised sentences long enough to be telling.</summary>
    public ulong[] SentenceHashes { get; }

    public int WordCount { get; }

    public static Fingerprint Of(string? text, FingerprintOptions? options = null)
    {
        options ??= new FingerprintOptions();
        var words = TextTokens.Words(text, options.MaxWords);
        var exact = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(string.Join(' ', words)));

        var shingles = new HashSet<ulong>();
        var k = Math.Min(options.ShingleSize, Math.Max(words.Count, 1));
        for (var i = 0; i + k <= words.Count; i++)
        {
            shingles.Add(HashWords(words, i, k));
        }

        var sentences = new HashSet<ulong>();
        if (!string.IsNullOrEmpty(text))
        {
            var budget = options.MaxWords;
            foreach (var sentence in TextTokens.Sentences(text.Length > options.MaxWords * 12 ? text[..(options.MaxWords * 12)] : text))
            {
                var sentenceWords = TextTokens.Words(sentence, budget);
                budget -= sentenceWords.Count;
                if (sentenceWords.Count >= options.MinSentenceWords)
                {
                    sentences.Add(HashWords(sentenceWords, 0, sentenceWords.Count));
                }

                if (budget <= 0)
                {
                    break;
                }
            }
        }

        var shingleArray = shingles.ToArray();
        Array.Sort(shingleArray);
        var sentenceArray = sentences.ToArray();
        Array.Sort(sentenceArray);
        return new Fingerprint(exact, shingleArray, sentenceArray, words.Count);
    }

    /// <summary>The fingerprint as bytes (word count, exact hash, shingle count, shingles, sentences), for an on-disk index.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[16 + (8 * (Shingles.Length + SentenceHashes.Length)) + 4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, WordCount);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(4), ExactHash);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), Shingles.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), SentenceHashes.Length);
        MemoryMarshal.AsBytes(Shingles.AsSpan()).CopyTo(bytes.AsSpan(20));
        MemoryMarshal.AsBytes(SentenceHashes.AsSpan()).CopyTo(bytes.AsSpan(20 + (8 * Shingles.Length)));
        return bytes;
    }

    /// <summary>Reads what <see cref="ToBytes"/> wrote.</summary>
    /// <exception cref="FormatException">The bytes are not a fingerprint.</exception>
    public static Fingerprint FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 20)
        {
            throw new FormatException("a fingerprint needs at least 20 bytes");
        }

        var words = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var exact = BinaryPrimitives.ReadUInt64LittleEndian(bytes[4..]);
        var shingles = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        var sentences = BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]);
        if (shingles < 0 || sentences < 0 || bytes.Length != 20 + (8L * (shingles + (long)sentences)))
        {
            throw new FormatException("the fingerprint's lengths do not match its size");
        }

        var body = MemoryMarshal.Cast<byte, ulong>(bytes[20..]);
        return new Fingerprint(exact, body[..shingles].ToArray(), body[shingles..].ToArray(), words);
    }

    /// <summary>Exact Jaccard |A∩B| / |A∪B| of the shingle sets.</summary>
    public static double Jaccard(Fingerprint a, Fingerprint b)
    {
        var intersection = Intersect(a.Shingles, b.Shingles);
        var union = a.Shingles.Length + b.Shingles.Length - intersection;
        return union == 0 ? (a.ExactHash == b.ExactHash ? 1 : 0) : (double)intersection / union;
    }

    /// <summary>Containment |A∩B| / |A|: how much of <paramref name="part"/> appears in <paramref name="whole"/>.</summary>
    public static double Containment(Fingerprint part, Fingerprint whole)
    {
        if (part.Shingles.Length == 0)
        {
            return 0;
        }

        return (double)Intersect(part.Shingles, whole.Shingles) / part.Shingles.Length;
    }

    internal static int Intersect(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                count++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return count;
    }

    private static ulong HashWords(List<string> words, int start, int count)
    {
        var hash = new XxHash64();
        Span<char> separator = [' '];
        for (var i = start; i < start + count; i++)
        {
            hash.Append(MemoryMarshal.AsBytes(words[i].AsSpan()));
            hash.Append(MemoryMarshal.AsBytes((ReadOnlySpan<char>)separator));
        }

        return hash.GetCurrentHashAsUInt64();
    }
}
