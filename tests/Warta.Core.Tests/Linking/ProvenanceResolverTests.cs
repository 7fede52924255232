using Warta.Linking;

namespace Warta.Tests.Linking;

public class ProvenanceResolverTests
{
    private static readonly DateTimeOffset Noon = new(2022, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_cited_agency_is_the_origin_even_when_a_copy_is_timestamped_earlier()
    {
        var facts = new Dictionary<long, ProvenanceFacts>
        {
            [1] = new(1, "bogordaily.net", Noon.AddHours(-2), ["Reuters"], 300),
            [2] = new(2, "Reuters", Noon, [], 320),
            [3] = new(3, "radartasik.com", Noon.AddHours(3), ["Reuters"], 250),
        };
        CopyLink[] links =
        [
            new(1, 2, CopyRelation.NearDuplicate, 0.9),
            new(3, 1, CopyRelation.ContainedIn, 0.95),
        ];

        var family = Assert.Single(ProvenanceResolver.Resolve(links, facts));

        Assert.Equal(2, family.OriginId);
        Assert.Equal([1L, 2L, 3L], family.Members);
        Assert.Contains("Reuters", family.OriginReason, StringComparison.Ordinal);
        Assert.Contains(family.Edges, e => e.Source == 2 && e.Copy == 1 && e.Reason.Contains("copy cites Reuters", StringComparison.Ordinal));
        Assert.Contains(family.Edges, e => e.Source == 1 && e.Copy == 3 && e.Relation == CopyRelation.ContainedIn);
    }

    [Fact]
    public void Without_attribution_the_earliest_article_is_the_origin_and_missing_times_rank_last()
    {
        var facts = new Dictionary<long, ProvenanceFacts>
        {
            [1] = new(1, "a.com", null, [], 300),
            [2] = new(2, "b.com", Noon.AddHours(1), [], 300),
            [3] = new(3, "c.com", Noon, [], 300),
        };
        CopyLink[] links = [new(1, 2, CopyRelation.Exact, 1), new(2, 3, CopyRelation.NearDuplicate, 0.85)];

        var family = Assert.Single(ProvenanceResolver.Resolve(links, facts));

        Assert.Equal(3, family.OriginId);
        Assert.Equal("earliest publication time", family.OriginReason);
        Assert.Equal(2, family.Edges.Count);
    }

    [Fact]
    public void Separate_components_become_separate_families()
    {
        CopyLink[] links = [new(1, 2, CopyRelation.Exact, 1), new(3, 4, CopyRelation.Exact, 1)];

        var families = ProvenanceResolver.Resolve(links, new Dictionary<long, ProvenanceFacts>());

        Assert.Equal(2, families.Count);
        Assert.Equal(1, families[0].OriginId);
        Assert.Equal(3, families[1].OriginId);
    }
}
