namespace Warta.Linking;

/// <summary>The two kinds of keys <see cref="CopyLinker"/> indexes articles under.</summary>
public enum CopyIndexKind
{
    /// <summary>A MinHash LSH band key: texts sharing one are likely near duplicates.</summary>
    Band,

    /// <summary>A normalised sentence hash: texts sharing several are likely partial copies.</summary>
    Sentence,
}

/// <summary>
/// Where <see cref="CopyLinker"/> keeps fingerprints and candidate buckets: in memory for a batch run, or on disk
/// (<see cref="SqliteCopyIndex"/>) so that linking is incremental across runs and memory stays flat.
/// </summary>
public interface ICopyIndex
{
    long Count { get; }

    bool Contains(long id);

    /// <summary>The first article stored under this exact hash, or null.</summary>
    long? FindExact(ulong exactHash);

    void AddExact(ulong exactHash, long id);

    /// <summary>Adds one vote per key to every article indexed under it.</summary>
    void Vote(CopyIndexKind kind, IReadOnlyCollection<ulong> keys, Dictionary<long, int> votes);

    /// <summary>Indexes <paramref name="id"/> under each key whose bucket holds fewer than <paramref name="maxBucketSize"/> ids.</summary>
    void Index(CopyIndexKind kind, IReadOnlyCollection<ulong> keys, long id, int maxBucketSize);

    Fingerprint? GetFingerprint(long id);

    void AddFingerprint(long id, Fingerprint fingerprint);
}

/// <summary>An <see cref="ICopyIndex"/> held in dictionaries: fast, and as large as the corpus.</summary>
public sealed class MemoryCopyIndex : ICopyIndex
{
    private readonly Dictionary<ulong, long> _exact = [];
    private readonly Dictionary<ulong, List<long>>[] _buckets = [[], []];
    private readonly Dictionary<long, Fingerprint> _fingerprints = [];

    public long Count => _fingerprints.Count;

    public bool Contains(long id) => _fingerprints.ContainsKey(id);

    public long? FindExact(ulong exactHash) => _exact.TryGetValue(exactHash, out var id) ? id : null;

    public void AddExact(ulong exactHash, long id) => _exact.TryAdd(exactHash, id);

    public void Vote(CopyIndexKind kind, IReadOnlyCollection<ulong> keys, Dictionary<long, int> votes)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(votes);
        var index = _buckets[(int)kind];
        foreach (var key in keys)
        {
            if (index.TryGetValue(key, out var members))
            {
                foreach (var member in members)
                {
                    votes[member] = votes.GetValueOrDefault(member) + 1;
                }
            }
        }
    }

    public void Index(CopyIndexKind kind, IReadOnlyCollection<ulong> keys, long id, int maxBucketSize)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var index = _buckets[(int)kind];
        foreach (var key in keys)
        {
            if (!index.TryGetValue(key, out var members))
            {
                index[key] = members = [];
            }

            if (members.Count < maxBucketSize)
            {
                members.Add(id);
            }
        }
    }

    public Fingerprint? GetFingerprint(long id) => _fingerprints.GetValueOrDefault(id);

    public void AddFingerprint(long id, Fingerprint fingerprint) => _fingerprints[id] = fingerprint;
}
