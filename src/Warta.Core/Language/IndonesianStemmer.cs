using System.IO.Compression;

namespace Warta.Language;

/// <summary>
/// Indonesian stemmer after Sastrawi (Asian, Nazief–Adriani, enhanced confix stripping): inflectional suffixes
/// (-lah, -kah, -tah, -pun; -ku, -mu, -nya), derivational suffixes (-i, -kan, -an) and up to three prefixes
/// with nasal-assimilation rules (menegaskan → tegas, pemerintahan → perintah, menyapu → sapu), each step checked
/// against Sastrawi's root-word dictionary (MIT, Resources/lang/sastrawi-roots.txt.gz). A word whose root is not
/// found comes back unchanged, lowercased.
/// </summary>
public static class IndonesianStemmer
{
    private static readonly Lazy<HashSet<string>> Roots = new(LoadRoots);
    private static readonly string[] Particles = ["lah", "kah", "tah", "pun"];
    private static readonly string[] Possessives = ["nya", "ku", "mu"];

    public static bool IsRoot(string word) => Roots.Value.Contains(word);

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant();
        if (w.Length <= 3 || w.Length > 40 || Roots.Value.Contains(w))
            return w;
        var dash = w.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
            return StemPlural(w, dash);
        return StemSingular(w) ?? w;
    }

    // "buku-buku" → buku, "bertemu-temu" → temu, "kehidupan-kehidupan" → hidup; otherwise the word stays.
    private static string StemPlural(string w, int dash)
    {
        var first = w[..dash];
        var second = w[(dash + 1)..];
        var a = first.Length > 0 ? StemSingular(first) ?? first : first;
        var b = second.Length > 0 ? StemSingular(second) ?? second : second;
        if (a == b || (Roots.Value.Contains(b) && first.EndsWith(b, StringComparison.Ordinal)))
            return b;
        return Roots.Value.Contains(w) ? w : StemSingular(w) ?? w;
    }

    private static string? StemSingular(string w)
    {
        if (Roots.Value.Contains(w))
            return w;
        // Sastrawi's precedence: be-…-lah/-an and me-/di-/pe-/ter-…-i take the prefix off first ("berperan" → peran,
        // "mencapai" → capai, where suffix-first would give "per" and "capa").
        if (PrefixFirst(w) && StripPrefixes(w, 3) is { } prefixFirst)
            return prefixFirst;
        var forms = SuffixForms(w);
        foreach (var form in forms)
        {
            if (Roots.Value.Contains(form))
                return form;
        }

        // Most stripped first, then the suffixes given back one by one (Sastrawi's "pengembalian akhiran").
        for (var i = forms.Count - 1; i >= 0; i--)
        {
            if (StripPrefixes(forms[i], 3) is { } root)
                return root;
        }

        return null;
    }

    private static bool PrefixFirst(string w) =>
        (w.StartsWith("be", StringComparison.Ordinal) && (w.EndsWith("lah", StringComparison.Ordinal) || w.EndsWith("an", StringComparison.Ordinal)))
        || (w.EndsWith('i') && (w.StartsWith("me", StringComparison.Ordinal) || w.StartsWith("di", StringComparison.Ordinal)
            || w.StartsWith("pe", StringComparison.Ordinal) || w.StartsWith("ter", StringComparison.Ordinal)));

    /// <summary>The word with ever more suffixes removed: particle, possessive, derivational (both -kan and -an readings).</summary>
    private static List<string> SuffixForms(string w)
    {
        var forms = new List<string> { w };
        var current = w;
        foreach (var p in Particles)
        {
            if (current.Length > p.Length + 2 && current.EndsWith(p, StringComparison.Ordinal))
            {
                current = current[..^p.Length];
                forms.Add(current);
                break;
            }
        }

        foreach (var p in Possessives)
        {
            if (current.Length > p.Length + 2 && current.EndsWith(p, StringComparison.Ordinal))
            {
                current = current[..^p.Length];
                forms.Add(current);
                break;
            }
        }

        if (current.Length > 5 && current.EndsWith("kan", StringComparison.Ordinal))
        {
            forms.Add(current[..^2]); // -an removed, the k kept: "tidak" + "an"
            forms.Add(current[..^3]);
        }
        else if (current.Length > 4 && current.EndsWith("an", StringComparison.Ordinal))
            forms.Add(current[..^2]);
        else if (current.Length > 3 && current.EndsWith('i') && !current.EndsWith("si", StringComparison.Ordinal))
            forms.Add(current[..^1]);
        return [.. forms.Distinct(StringComparer.Ordinal)];
    }

    private static string? StripPrefixes(string w, int depth)
    {
        if (depth == 0 || w.Length < 4)
            return null;
        foreach (var candidate in PrefixCandidates(w))
        {
            if (candidate.Length < 2)
                continue;
            if (Roots.Value.Contains(candidate))
                return candidate;
            // A prefix-first confix ("ber-…-an" on "pertahanan" after "per-"): suffixes of the remainder too.
            foreach (var form in SuffixForms(candidate).Skip(1))
            {
                if (Roots.Value.Contains(form))
                    return form;
            }

            if (StripPrefixes(candidate, depth - 1) is { } deeper)
                return deeper;
        }

        return null;
    }

    private static bool IsVowel(char c) => c is 'a' or 'i' or 'u' or 'e' or 'o';

    /// <summary>Candidate remainders after one prefix, in Sastrawi's rule order (rules 1–35 and di-/ke-/se-).</summary>
    internal static IEnumerable<string> PrefixCandidates(string w)
    {
        char At(int i) => i < w.Length ? w[i] : '\0';
        if (w.StartsWith("di", StringComparison.Ordinal) || w.StartsWith("ke", StringComparison.Ordinal) || w.StartsWith("se", StringComparison.Ordinal))
            yield return w[2..];
        if (w.StartsWith("me", StringComparison.Ordinal))
        {
            var c = At(2);
            if (c is 'l' or 'r' or 'w' or 'y' && IsVowel(At(3)))
                yield return w[2..];
            if (w.StartsWith("mem", StringComparison.Ordinal))
            {
                if (At(3) is 'b' or 'f' or 'v')
                    yield return w[3..];
                if (w.StartsWith("mempe", StringComparison.Ordinal))
                    yield return w[3..];
                if (IsVowel(At(3)) || (At(3) == 'r' && IsVowel(At(4))))
                {
                    yield return "m" + w[3..];
                    yield return "p" + w[3..];
                }

                if (At(3) == 'p' && At(4) != 'e')
                    yield return w[3..];
            }

            if (w.StartsWith("men", StringComparison.Ordinal))
            {
                if (At(3) is 'c' or 'd' or 'j' or 's' or 'z' or 't')
                    yield return w[3..];
                if (IsVowel(At(3)))
                {
                    yield return "n" + w[3..];
                    yield return "t" + w[3..];
                }
            }

            if (w.StartsWith("meng", StringComparison.Ordinal))
            {
                if (At(4) is 'g' or 'h' or 'q' or 'k')
                    yield return w[4..];
                if (IsVowel(At(4)))
                {
                    yield return w[4..];
                    yield return "k" + w[4..];
                    yield return "ng" + w[4..];
                }
            }

            if (w.StartsWith("meny", StringComparison.Ordinal) && IsVowel(At(4)))
            {
                yield return "s" + w[4..];
                yield return "ny" + w[4..];
            }
        }

        if (w.StartsWith("pe", StringComparison.Ordinal))
        {
            var c = At(2);
            if (c is 'w' or 'y' && IsVowel(At(3)))
                yield return w[2..];
            if (w.StartsWith("per", StringComparison.Ordinal))
            {
                yield return w[3..];
                if (IsVowel(At(3)))
                    yield return w[2..];
            }

            if (w.StartsWith("pem", StringComparison.Ordinal))
            {
                if (At(3) is 'b' or 'f' or 'v')
                    yield return w[3..];
                if (IsVowel(At(3)) || (At(3) == 'r' && IsVowel(At(4))))
                {
                    yield return "m" + w[3..];
                    yield return "p" + w[3..];
                }
            }

            if (w.StartsWith("pen", StringComparison.Ordinal))
            {
                if (At(3) is 'c' or 'd' or 'j' or 'z' or 't' or 's')
                    yield return w[3..];
                if (IsVowel(At(3)))
                {
                    yield return "n" + w[3..];
                    yield return "t" + w[3..];
                }
            }

            if (w.StartsWith("peng", StringComparison.Ordinal))
            {
                if (!IsVowel(At(4)))
                    yield return w[4..];
                else
                {
                    yield return w[4..];
                    yield return "k" + w[4..];
                    yield return "ng" + w[4..];
                }
            }

            if (w.StartsWith("peny", StringComparison.Ordinal) && IsVowel(At(4)))
            {
                yield return "s" + w[4..];
                yield return "ny" + w[4..];
            }

            if (c == 'l')
                yield return w == "pelajar" ? "ajar" : w[2..];
            if (c is not ('r' or 'w' or 'y' or 'l' or 'm' or 'n') && c != '\0')
                yield return w[2..];
        }

        if (w.StartsWith("be", StringComparison.Ordinal))
        {
            if (w.StartsWith("ber", StringComparison.Ordinal))
            {
                yield return w[3..];
                if (IsVowel(At(3)))
                    yield return w[2..];
            }

            if (w == "belajar")
                yield return "ajar";
            if (At(2) is not ('r' or 'l') && At(3) == 'e' && At(4) == 'r')
                yield return w[2..];
        }

        if (w.StartsWith("te", StringComparison.Ordinal))
        {
            if (w.StartsWith("ter", StringComparison.Ordinal))
            {
                yield return w[3..];
                if (IsVowel(At(3)))
                    yield return w[2..];
            }

            if (At(2) != 'r' && At(3) == 'e' && At(4) == 'r')
                yield return w[2..];
        }
    }

    private static HashSet<string> LoadRoots()
    {
        using var stream = typeof(IndonesianStemmer).Assembly.GetManifestResourceStream("Warta.Resources.lang/sastrawi-roots.txt.gz")
            ?? throw new InvalidOperationException("The bundled root-word dictionary (Resources/lang/sastrawi-roots.txt.gz) is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var roots = new HashSet<string>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length > 0)
                roots.Add(line);
        }

        return roots;
    }
}
