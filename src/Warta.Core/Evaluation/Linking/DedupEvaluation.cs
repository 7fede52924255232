using System.Diagnostics;
using System.Globalization;
using Warta.Linking;
using Warta.Model;

namespace Warta.Evaluation.Linking;

/// <summary>Scores of <see cref="DedupEvaluation"/>.</summary>
public sealed record DedupScore(
    int Articles,
    int Families,
    int TruePairs,
    double NearDuplicatePrecision,
    double NearDuplicateRecall,
    int PartialCopies,
    double PartialCopyRecall,
    double OriginAccuracy,
    int Replacements,
    double AlterationRecall,
    double ArticlesPerSecond,
    IReadOnlyList<string> MissedReplacements);

/// <summary>
/// Generated copy families scored against exact ground truth: near-duplicate pairs are every pair with exact
/// shingle Jaccard ≥ 0.8 (found by an exact prefix-filtered similarity join, not by sampling), partial copies are
/// generated truncations and wrappings with exact containment ≥ 0.8, the origin is the generated original, and
/// every replaced name or number must appear among the copy's alterations with both versions.
/// </summary>
public static class DedupEvaluation
{
    public static DedupScore Run(List<Article> originals, int copiesPerFamily, int seed = 20260523)
    {
        var generator = new CopyFamilyGenerator(seed);
        var random = new Random(seed);
        var articles = new Dictionary<long, Article>();
        var origins = new List<long>();
        var copies = new List<GeneratedCopy>();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(7));
        long nextId = 1;
        foreach (var original in originals)
        {
            var id = nextId++;
            var origin = original with { Outlet = random.Next(2) == 0 ? "Antara" : "Reuters", Published = start.AddMinutes(id * 7) };
            articles[id] = origin;
            origins.Add(id);
        }

        foreach (var id in origins.Take(originals.Count / 2))
        {
            foreach (var copy in generator.Copies(id, articles[id], originals, ref nextId, copiesPerFamily))
            {
                articles[copy.Id] = copy.Article;
                copies.Add(copy);
            }
        }

        // Articles arrive in publication order (missing times last), as they would in a crawl.
        var order = articles.OrderBy(a => a.Value.Published ?? DateTimeOffset.MaxValue).ThenBy(a => a.Key).Select(a => a.Key).ToList();
        var linker = new CopyLinker();
        var options = new FingerprintOptions();
        var fingerprints = new Dictionary<long, Fingerprint>();
        var links = new List<CopyLink>();
        var watch = Stopwatch.StartNew();
        foreach (var id in order)
        {
            var fingerprint = Fingerprint.Of(articles[id].Text, options);
            fingerprints[id] = fingerprint;
            links.AddRange(linker.Add(id, fingerprint));
        }

        var seconds = watch.Elapsed.TotalSeconds;

        // Exact-text twins link only to their representative; every link of the representative holds for them too.
        var predicted = new HashSet<(long, long)>();
        var exactGroups = new Dictionary<long, List<long>>();
        foreach (var link in links.Where(l => l.Relation == CopyRelation.Exact))
        {
            if (!exactGroups.TryGetValue(link.To, out var group))
            {
                exactGroups[link.To] = group = [link.To];
            }

            group.Add(link.From);
        }

        List<long> Group(long id) => exactGroups.TryGetValue(id, out var g) ? g : [id];
        foreach (var link in links.Where(l => l.Relation is CopyRelation.Exact or CopyRelation.NearDuplicate))
        {
            foreach (var a in Group(link.From))
            {
                foreach (var b in Group(link.To))
                {
                    if (a != b)
                    {
                        predicted.Add(Pair(a, b));
                    }
                }
            }
        }

        foreach (var group in exactGroups.Values)
        {
            foreach (var a in group)
            {
                foreach (var b in group.Where(b => b != a))
                {
                    predicted.Add(Pair(a, b));
                }
            }
        }

        var truth = SimilarityJoin(fingerprints, 0.8);
        var correct = predicted.Count(truth.Contains);
        var precision = predicted.Count == 0 ? 1 : (double)correct / predicted.Count;
        var recall = truth.Count == 0 ? 1 : (double)correct / truth.Count;

        // Partial copies: generated truncations and wrappings whose exact containment reaches 0.8 but Jaccard does not.
        var partialTruth = copies
            .Where(c => c.Edits.Contains("truncated") || c.Edits.Contains("boilerplate"))
            .Where(c => !truth.Contains(Pair(c.Id, c.OriginId)))
            .Where(c =>
            {
                var (a, b) = (fingerprints[c.Id], fingerprints[c.OriginId]);
                var (part, whole) = a.Shingles.Length <= b.Shingles.Length ? (a, b) : (b, a);
                return part.Shingles.Length >= 25 && Fingerprint.Containment(part, whole) >= 0.8;
            })
            .ToList();
        var linkedPairs = links.Select(l => Pair(l.From, l.To)).ToHashSet();
        var partialFound = partialTruth.Count(c => linkedPairs.Contains(Pair(c.Id, c.OriginId)));

        // Origins: the family holding each generated original should name it as origin.
        var facts = articles.ToDictionary(a => a.Key, a => ProvenanceFacts.Of(a.Key, a.Value));
        var families = ProvenanceResolver.Resolve(links, facts);
        var originOf = new Dictionary<long, long>();
        foreach (var family in families)
        {
            foreach (var member in family.Members)
            {
                originOf[member] = family.OriginId;
            }
        }

        var generatedFamilies = copies.Select(c => c.OriginId).Distinct().ToList();
        var originsRight = generatedFamilies.Count(o => originOf.TryGetValue(o, out var found) && found == o);

        // Alterations: every replaced name and number must be reported with both versions.
        var finder = new AlterationFinder();
        var replacements = 0;
        var replacementsFound = 0;
        var missed = new List<string>();
        foreach (var copy in copies.Where(c => c.Replacements.Count > 0))
        {
            var findings = finder.Find(articles[copy.OriginId], copy.Article);
            foreach (var (original, altered) in copy.Replacements)
            {
                replacements++;
                if (findings.Any(f => Mentions(f.Original, original) && Mentions(f.Altered, altered)))
                {
                    replacementsFound++;
                }
                else if (missed.Count < 20)
                {
                    missed.Add(string.Create(CultureInfo.InvariantCulture, $"{copy.Id}: {original} → {altered}"));
                }
            }
        }

        return new DedupScore(
            articles.Count, generatedFamilies.Count, truth.Count, precision, recall,
            partialTruth.Count, partialTruth.Count == 0 ? 1 : (double)partialFound / partialTruth.Count,
            generatedFamilies.Count == 0 ? 1 : (double)originsRight / generatedFamilies.Count,
            replacements, replacements == 0 ? 1 : (double)replacementsFound / replacements,
            articles.Count / Math.Max(seconds, 1e-9), missed);
    }

    private static bool Mentions(string? finding, string token) =>
        finding is not null && finding.Split(' ').Contains(token, StringComparer.Ordinal);

    private static (long, long) Pair(long a, long b) => a < b ? (a, b) : (b, a);

    /// <summary>
    /// Every pair with exact shingle Jaccard ≥ <paramref name="threshold"/>, by prefix filtering: with shingles in
    /// one global order, two sets reaching the threshold must share one of each set's first
    /// |A| − ⌈t·|A|⌉ + 1 shingles, so candidates come from those prefixes only and nothing is missed.
    /// </summary>
    public static HashSet<(long, long)> SimilarityJoin(IReadOnlyDictionary<long, Fingerprint> fingerprints, double threshold)
    {
        var postings = new Dictionary<ulong, List<long>>();
        var pairs = new HashSet<(long, long)>();
        foreach (var (id, fingerprint) in fingerprints.OrderBy(f => f.Key))
        {
            var shingles = fingerprint.Shingles;
            if (shingles.Length == 0)
            {
                continue;
            }

            var prefix = shingles.Length - (int)Math.Ceiling(threshold * shingles.Length) + 1;
            var candidates = new HashSet<long>();
            for (var i = 0; i < prefix && i < shingles.Length; i++)
            {
                if (postings.TryGetValue(shingles[i], out var list))
                {
                    candidates.UnionWith(list);
                }
                else
                {
                    postings[shingles[i]] = list = [];
                }

                list.Add(id);
            }

            foreach (var other in candidates)
            {
                if (Fingerprint.Jaccard(fingerprint, fingerprints[other]) >= threshold)
                {
                    pairs.Add(Pair(id, other));
                }
            }
        }

        return pairs;
    }
}
