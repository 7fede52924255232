using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Warta.Linking;

/// <summary>Options for <see cref="CopyLinker"/>.</summary>
public sealed class CopyLinkerOptions
{
    public FingerprintOptions Fingerprint { get; init; } = new();

    public int Permutations { get; init; } = 128;

    /// <summary>
    /// LSH bands × rows must equal <see cref="Permutations"/>. 32 × 4 puts the S-curve's steep part near Jaccard
    /// 0.42, so a pair at Jaccard 0.8 becomes a candidate with probability 1 − (1 − 0.8⁴)³² ≈ 0.99999 and one at
    /// 0.6 with 0.98; every candidate is then verified on exact shingle sets, so the low threshold costs time, not
    /// precision. 16 × 8 would miss 5% of pairs at exactly 0.8 (1 − (1 − 0.8⁸)¹⁶ ≈ 0.947); see RESULTS-linking.md.
    /// </summary>
    public int Bands { get; init; } = 32;

    /// <summary>Shingle Jaccard from which two texts are near-duplicates.</summary>
    public double NearDuplicateThreshold { get; init; } = 0.8;

    /// <summary>Containment (smaller in larger) from which a partial copy is reported.</summary>
    public double ContainmentThreshold { get; init; } = 0.8;

    /// <summary>Texts with fewer shingles than this are never partial copies: a one-line text is inside many pages.</summary>
    public int MinContainedShingles { get; init; } = 25;

    /// <summary>
    /// Members kept per LSH bucket or sentence posting; a bucket that is full still yields candidates but takes no
    /// new members, so thousands of identical or templated articles never make linking quadratic.
    /// </summary>
    public int MaxBucketSize { get; init; } = 32;

    /// <summary>Candidates verified per new article, most promising (most shared bands and sentences) first.</summary>
    public int MaxCandidates { get; init; } = 200;

    public void Validate()
    {
        Fingerprint.Validate();
        if (Permutations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Permutations), Permutations, "must be positive");
        }

        if (Bands < 1 || Permutations % Bands != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Bands), Bands, "must divide Permutations");
        }

        if (NearDuplicateThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(NearDuplicateThreshold), NearDuplicateThreshold, "must be in (0, 1]");
        }

        if (ContainmentThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ContainmentThreshold), ContainmentThreshold, "must be in (0, 1]");
        }

        if (MaxBucketSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBucketSize), MaxBucketSize, "must be positive");
        }

        if (MaxCandidates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCandidates), MaxCandidates, "must be positive");
        }
    }
}

/// <summary>
/// Finds copies as articles arrive: an exact-hash map, MinHash LSH over word shingles for near-duplicates, and a
/// sentence-hash index for partial copies; every candidate is verified on exact shingle sets.
/// Identical texts link to the first one seen (the representative) and are not indexed again.
/// </summary>
public sealed class CopyLinker
{
    private readonly CopyLinkerOptions _options;
    private readonly CopySketcher _sketcher;
    private readonly ICopyIndex _index;

    /// <param name="index">Where fingerprints and LSH buckets live; in memory when null.</param>
    public CopyLinker(CopyLinkerOptions? options = null, ICopyIndex? index = null)
    {
        _options = options ?? new CopyLinkerOptions();
        _options.Validate();
        _sketcher = new CopySketcher(_options);
        _index = index ?? new MemoryCopyIndex();
    }

    public long Count => _index.Count;

    /// <summary>Fingerprints <paramref name="text"/> and returns its links to earlier texts, seen from <paramref name="id"/>.</summary>
    public IReadOnlyList<CopyLink> Add(long id, string? text) => Add(id, Sketch(text));

    public IReadOnlyList<CopyLink> Add(long id, Fingerprint fingerprint) => Add(id, Sketch(fingerprint));

    /// <summary>
    /// The per-text work of <see cref="Add(long, CopySketch)"/> that needs no index (fingerprint, MinHash signature,
    /// LSH band keys): thread-safe, so callers can sketch many texts in parallel and add them in order.
    /// </summary>
    public CopySketch Sketch(string? text) => _sketcher.Sketch(text);

    public CopySketch Sketch(Fingerprint fingerprint) => _sketcher.Sketch(fingerprint);

    public IReadOnlyList<CopyLink> Add(long id, CopySketch sketch)
    {
        ArgumentNullException.ThrowIfNull(sketch);
        var fingerprint = sketch.Fingerprint;
        if (_index.Contains(id))
        {
            throw new ArgumentException($"article {id} was already added", nameof(id));
        }

        if (fingerprint.WordCount == 0)
        {
            _index.AddFingerprint(id, fingerprint);
            return [];
        }

        if (_index.FindExact(fingerprint.ExactHash) is { } representative)
        {
            _index.AddFingerprint(id, fingerprint);
            return [new CopyLink(id, representative, CopyRelation.Exact, 1.0)];
        }

        _index.AddExact(fingerprint.ExactHash, id);
        var votes = new Dictionary<long, int>();
        var bandKeys = sketch.BandKeys;
        _index.Vote(CopyIndexKind.Band, bandKeys, votes);
        _index.Vote(CopyIndexKind.Sentence, fingerprint.SentenceHashes, votes);

        var links = new List<CopyLink>();
        foreach (var (candidate, _) in votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).Take(_options.MaxCandidates))
        {
            if (_index.GetFingerprint(candidate) is { } other && Verify(id, fingerprint, candidate, other) is { } link)
            {
                links.Add(link);
            }
        }

        _index.Index(CopyIndexKind.Band, bandKeys, id, _options.MaxBucketSize);
        _index.Index(CopyIndexKind.Sentence, fingerprint.SentenceHashes, id, _options.MaxBucketSize);
        _index.AddFingerprint(id, fingerprint);
        links.Sort((a, b) => a.To.CompareTo(b.To));
        return links;
    }

    /// <summary>Compares two fingerprints directly, without any index.</summary>
    public CopyLink? Verify(long id, Fingerprint fingerprint, long otherId, Fingerprint other)
    {
        if (fingerprint.ExactHash == other.ExactHash && fingerprint.WordCount > 0)
        {
            return new CopyLink(id, otherId, CopyRelation.Exact, 1.0);
        }

        var jaccard = Fingerprint.Jaccard(fingerprint, other);
        if (jaccard >= _options.NearDuplicateThreshold)
        {
            return new CopyLink(id, otherId, CopyRelation.NearDuplicate, Math.Round(jaccard, 4));
        }

        var thisIsSmaller = fingerprint.Shingles.Length <= other.Shingles.Length;
        var (part, whole) = thisIsSmaller ? (fingerprint, other) : (other, fingerprint);
        if (part.Shingles.Length < _options.MinContainedShingles)
        {
            return null;
        }

        var containment = Fingerprint.Containment(part, whole);
        if (containment < _options.ContainmentThreshold)
        {
            return null;
        }

        var relation = thisIsSmaller ? CopyRelation.ContainedIn : CopyRelation.Contains;
        return new CopyLink(id, otherId, relation, Math.Round(containment, 4));
    }
}

/// <summary>What <see cref="CopyLinker"/> needs of one text besides the index: its fingerprint and LSH band keys.</summary>
public sealed record CopySketch(Fingerprint Fingerprint, IReadOnlyList<ulong> BandKeys);

/// <summary>
/// The index-free part of <see cref="CopyLinker"/>: fingerprint, MinHash signature and LSH band keys of a text.
/// Thread-safe, so texts can be sketched in parallel and added to the linker in order.
/// </summary>
public sealed class CopySketcher
{
    private readonly CopyLinkerOptions _options;
    private readonly MinHashSigner _signer;

    public CopySketcher(CopyLinkerOptions? options = null)
    {
        _options = options ?? new CopyLinkerOptions();
        _options.Validate();
        _signer = new MinHashSigner(_options.Permutations);
    }

    public CopySketch Sketch(string? text) => Sketch(Fingerprint.Of(text, _options.Fingerprint));

    public CopySketch Sketch(Fingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return new CopySketch(fingerprint, BandKeys(fingerprint));
    }

    private ulong[] BandKeys(Fingerprint fingerprint)
    {
        if (fingerprint.Shingles.Length == 0)
        {
            return [];
        }

        var keys = new ulong[_options.Bands];
        var signature = _signer.Sign(fingerprint.Shingles);
        var rows = _options.Permutations / _options.Bands;
        for (var band = 0; band < _options.Bands; band++)
        {
            var slice = signature.AsSpan(band * rows, rows);
            keys[band] = XxHash64.HashToUInt64(MemoryMarshal.AsBytes(slice), band);
        }

        return keys;
    }
}
