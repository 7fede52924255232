namespace Warta.Linking;

/// <summary>
/// MinHash signatures over 64-bit shingle hashes: permutation i maps a shingle hash h to
/// (a_i·h + b_i) mod (2^61 − 1), a universal hash family, and keeps the minimum. The parameters come from a fixed
/// seed so signatures are stable across runs and machines.
/// </summary>
public sealed class MinHashSigner
{
    private const ulong MersennePrime = (1UL << 61) - 1;
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
            _a[i] = (SplitMix(ref state) % (MersennePrime - 1)) + 1;
            _b[i] = SplitMix(ref state) % MersennePrime;
        }
    }

    public int Permutations { get; }

    /// <summary>The signature of a set of shingle hashes; an empty set gives all-max values.</summary>
    public ulong[] Sign(ReadOnlySpan<ulong> shingles)
    {
        var signature = new ulong[Permutations];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            var h = shingle % MersennePrime;
            for (var i = 0; i < signature.Length; i++)
            {
                var value = MulAddMod(_a[i], h, _b[i]);
                if (value < signature[i])
                {
                    signature[i] = value;
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

    private static ulong MulAddMod(ulong a, ulong h, ulong b)
    {
        // a, h < 2^61, so the product fits in 122 bits; fold it modulo the Mersenne prime without division.
        var product = Math.BigMul(a, h, out var low);
        var folded = (low & MersennePrime) + ((low >> 61) | (product << 3)) + b;
        folded = (folded & MersennePrime) + (folded >> 61);
        return folded >= MersennePrime ? folded - MersennePrime : folded;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
