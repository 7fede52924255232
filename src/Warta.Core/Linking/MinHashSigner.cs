using System.Buffers;
using System.Runtime.Intrinsics;

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

    /// <summary>The permutations' multipliers a_i (for tests that recompute a signature by the formula).</summary>
    internal ReadOnlySpan<ulong> Multipliers => _a;

    /// <summary>The permutations' offsets b_i.</summary>
    internal ReadOnlySpan<ulong> Offsets => _b;

    /// <summary>The signature of a set of shingle hashes (values below 2^32); an empty set gives all-max values.</summary>
    public ulong[] Sign(ReadOnlySpan<ulong> shingles)
    {
        var signature = new ulong[Permutations];
        Array.Fill(signature, ulong.MaxValue);
        if (shingles.IsEmpty)
        {
            return signature;
        }

        // Keys folded once; each block of permutations then keeps its a, b and minima in registers over all keys.
        var rented = shingles.Length <= 1024 ? null : ArrayPool<ulong>.Shared.Rent(shingles.Length);
        var keys = rented is null ? stackalloc ulong[shingles.Length] : rented.AsSpan(0, shingles.Length);
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = (uint)(shingles[k] ^ (shingles[k] >> 32));
        }

        var done = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            done = SignBlocks512(keys, signature);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            done = SignBlocks256(keys, signature);
        }

        SignScalar(keys, signature, done);
        if (rented is not null)
        {
            ArrayPool<ulong>.Shared.Return(rented);
        }

        return signature;
    }

    /// <summary>Permutations from <paramref name="start"/> on, one at a time (the reference the vector blocks must equal).</summary>
    internal void SignScalar(ReadOnlySpan<ulong> keys, Span<ulong> signature, int start = 0)
    {
        for (var i = start; i < signature.Length; i++)
        {
            ulong a = _a[i], b = _b[i], min = signature[i];
            foreach (var x in keys)
            {
                var value = ((a * x) + b) >> 32;
                if (value < min)
                {
                    min = value;
                }
            }

            signature[i] = min;
        }
    }

    /// <summary>Whole blocks of eight permutations (the same arithmetic as <see cref="SignScalar"/>, lane by lane); returns how many were done.</summary>
    private int SignBlocks512(ReadOnlySpan<ulong> keys, Span<ulong> signature)
    {
        var blocks = signature.Length / Vector512<ulong>.Count * Vector512<ulong>.Count;
        for (var i = 0; i < blocks; i += Vector512<ulong>.Count)
        {
            var a = Vector512.Create<ulong>(_a.AsSpan(i));
            var b = Vector512.Create<ulong>(_b.AsSpan(i));
            var min = Vector512.Create<ulong>(signature[i..]);
            foreach (var x in keys)
            {
                min = Vector512.Min(min, Vector512.ShiftRightLogical((a * x) + b, 32));
            }

            min.CopyTo(signature[i..]);
        }

        return blocks;
    }

    /// <summary>
    /// Whole blocks of four permutations, for machines without 512-bit vectors; returns how many were done. Measured
    /// on the 2-core AMD EPYC of bench/RESULTS-linking.md: with AVX-512 off this runs as fast as the eight-lane blocks
    /// (384k against 390k signatures a second), with AVX-512 on at 60% of them (its 64-bit multiply is slower at this
    /// width), hence both. A generic version over the vector type needs an interface .NET 10 does not make public.
    /// </summary>
    private int SignBlocks256(ReadOnlySpan<ulong> keys, Span<ulong> signature)
    {
        var blocks = signature.Length / Vector256<ulong>.Count * Vector256<ulong>.Count;
        for (var i = 0; i < blocks; i += Vector256<ulong>.Count)
        {
            var a = Vector256.Create<ulong>(_a.AsSpan(i));
            var b = Vector256.Create<ulong>(_b.AsSpan(i));
            var min = Vector256.Create<ulong>(signature[i..]);
            foreach (var x in keys)
            {
                min = Vector256.Min(min, Vector256.ShiftRightLogical((a * x) + b, 32));
            }

            min.CopyTo(signature[i..]);
        }

        return blocks;
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
