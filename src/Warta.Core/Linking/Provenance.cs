using Warta.Model;

namespace Warta.Linking;

/// <summary>What provenance needs to know about one article of a copy family.</summary>
public sealed record ProvenanceFacts(long Id, string? Outlet, DateTimeOffset? Published, IReadOnlyList<string> CitedAgencies, int WordCount)
{
    public static ProvenanceFacts Of(long id, Article article) => new(
        id,
        article.Outlet,
        article.Published,
        article.Citations.Select(c => c.Agency).Distinct(StringComparer.Ordinal).ToList(),
        TextTokens.Words(article.Text, 1_000_000).Count);
}

/// <summary>An edge of the copy graph: <see cref="Copy"/> was taken from <see cref="Source"/>, with why.</summary>
public sealed record CopyEdge(long Source, long Copy, string Relation, double Similarity, string Reason);

/// <summary>A connected family of copies with its likely origin and copy graph.</summary>
public sealed record CopyFamily(long OriginId, IReadOnlyList<long> Members, string OriginReason, IReadOnlyList<CopyEdge> Edges);

/// <summary>
/// Groups copy links into families (connected components) and decides each family's origin from, in order:
/// an outlet that other members cite as their source ("Seperti dilaporkan Reuters" and an article by Reuters),
/// not citing another agency itself, the earliest publication time, and the fuller text. Every other member then
/// hangs under the earlier-ranked member it resembles most.
/// </summary>
public static class ProvenanceResolver
{
    public static IReadOnlyList<CopyFamily> Resolve(IEnumerable<CopyLink> links, IReadOnlyDictionary<long, ProvenanceFacts> facts)
    {
        var adjacency = new Dictionary<long, List<CopyLink>>();
        foreach (var link in links)
        {
            if (link.From == link.To)
            {
                continue;
            }

            Add(adjacency, link);
            Add(adjacency, link.Reversed());
        }

        var families = new List<CopyFamily>();
        var seen = new HashSet<long>();
        foreach (var start in adjacency.Keys.Order())
        {
            if (!seen.Add(start))
            {
                continue;
            }

            var members = new List<long> { start };
            var queue = new Queue<long>([start]);
            while (queue.TryDequeue(out var current))
            {
                foreach (var link in adjacency[current])
                {
                    if (seen.Add(link.To))
                    {
                        members.Add(link.To);
                        queue.Enqueue(link.To);
                    }
                }
            }

            members.Sort();
            families.Add(ResolveFamily(members, adjacency, facts));
        }

        return families;
    }

    private static CopyFamily ResolveFamily(List<long> members, Dictionary<long, List<CopyLink>> adjacency, IReadOnlyDictionary<long, ProvenanceFacts> facts)
    {
        ProvenanceFacts FactsOf(long id) => facts.TryGetValue(id, out var f) ? f : new ProvenanceFacts(id, null, null, [], 0);

        var cited = new HashSet<string>(members.SelectMany(m => FactsOf(m).CitedAgencies), StringComparer.OrdinalIgnoreCase);
        bool IsCitedAgency(ProvenanceFacts f) => f.Outlet is not null && cited.Contains(f.Outlet)
            && !f.CitedAgencies.Any(a => !string.Equals(a, f.Outlet, StringComparison.OrdinalIgnoreCase));
        bool CitesOther(ProvenanceFacts f) => f.CitedAgencies.Any(a => !string.Equals(a, f.Outlet, StringComparison.OrdinalIgnoreCase));

        var ranked = members.Select(FactsOf)
            .OrderByDescending(IsCitedAgency)
            .ThenBy(CitesOther)
            .ThenBy(f => f.Published is null)
            .ThenBy(f => f.Published ?? DateTimeOffset.MaxValue)
            .ThenByDescending(f => f.WordCount)
            .ThenBy(f => f.Id)
            .ToList();

        var origin = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1] : null;
        var originReason = IsCitedAgency(origin) ? $"outlet {origin.Outlet} is the agency its copies cite"
            : runnerUp is not null && CitesOther(runnerUp) && !CitesOther(origin) ? "cites no other source while its copies do"
            : origin.Published is not null ? "earliest publication time"
            : "fullest text (no publication times known)";

        var rank = new Dictionary<long, int>();
        for (var i = 0; i < ranked.Count; i++)
        {
            rank[ranked[i].Id] = i;
        }

        var edges = new List<CopyEdge>();
        foreach (var member in ranked.Skip(1))
        {
            var best = adjacency[member.Id]
                .Where(l => rank[l.To] < rank[member.Id])
                .OrderByDescending(l => l.To == origin.Id)
                .ThenByDescending(l => l.Similarity)
                .ThenBy(l => rank[l.To])
                .FirstOrDefault();
            if (best is null)
            {
                // Linked only to later-ranked members: hang it under the member it resembles most anyway.
                best = adjacency[member.Id].OrderByDescending(l => l.Similarity).ThenBy(l => l.To).First();
            }

            var source = FactsOf(best.To);
            edges.Add(new CopyEdge(source.Id, member.Id, best.Relation, best.Similarity, EdgeReason(source, member, best)));
        }

        return new CopyFamily(origin.Id, members, originReason, edges);
    }

    private static string EdgeReason(ProvenanceFacts source, ProvenanceFacts copy, CopyLink link)
    {
        var parts = new List<string> { $"{link.Relation} {TextTokens.Invariant(link.Similarity)}" };
        if (source.Outlet is not null && copy.CitedAgencies.Contains(source.Outlet, StringComparer.OrdinalIgnoreCase))
        {
            parts.Add($"copy cites {source.Outlet}");
        }

        if (source.Published is { } s && copy.Published is { } c)
        {
            parts.Add(s <= c ? "source published first" : "source published later but ranks as origin");
        }

        if (link.Relation == CopyRelation.ContainedIn)
        {
            parts.Add("copy is a truncated part of the source");
        }
        else if (link.Relation == CopyRelation.Contains)
        {
            parts.Add("copy wraps the source in more text");
        }

        return string.Join("; ", parts);
    }

    private static void Add(Dictionary<long, List<CopyLink>> adjacency, CopyLink link)
    {
        if (!adjacency.TryGetValue(link.From, out var list))
        {
            adjacency[link.From] = list = [];
        }

        list.Add(link);
    }
}
