namespace Warta.Linking;

/// <summary>
/// MinHash signatures over 64-bit shingle hashes. Each shingle hash is folded to a 32-bit key x, and permutation i
/// maps it to ((a_i·x + b_i) mod 2^64) >> 32 with random 64-bit a_i, b_i: Dietzfelbinger's multiply-add-shift
/// scheme, 2-universal for 32-bit keys, and one multiply per permutation with no modulo (the (a·h + b) mod
/// 2^61 − 1 family cost three times as much for the same estimates). The parameters come from a fixed seed, so
/// signatures are stable across runs and machines.
/// </summary>
public sealed class MinHashSigner
{
    private readonly ulong[] _a;
    private readonly ulong[] _b;

    public MinHashSigner(int permutations = 128, ulong seed = 0x5741525441UL)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        Permutations = permutations;
        _a = new ulong[permutations];
        _b = new ulong[permutations];
        var state = seed;
        for (var i = 0; i < permutations; i++)
        {
            _a[i] = SplitMix(ref state) | 1;
            _b[i] = SplitMix(ref state);
        }
    }

    public int Permutations { get; }

    /// <summary>The signature of a set of shingle hashes (values below 2^32); an empty set gives all-max values.</summary>
    public ulong[] Sign(ReadOnlySpan<ulong> shingles)
    {
        var signature = new ulong[Permutations];
        Array.Fill(signature, ulong.MaxValue);
        var a = _a.AsSpan();
        var b = _b.AsSpan(0, a.Length);
        var min = signature.AsSpan(0, a.Length);
        foreach (var shingle in shingles)
        {
            var x = (ulong)(uint)(shingle ^ (shingle >> 32));
            for (var i = 0; i < min.Length; i++)
            {
                var value = ((a[i] * x) + b[i]) >> 32;
                if (value < min[i])
                {
                    min[i] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>The fraction of positions where two signatures agree: an unbiased estimate of Jaccard.</summary>
    public static double Estimate(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException("signatures must have the same, non-zero length");
        }

        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / a.Length;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
