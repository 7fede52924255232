namespace Warta.Linking;

/// <summary>Relations between two texts, named from the point of view of <see cref="CopyLink.From"/>.</summary>
public static class CopyRelation
{
    /// <summary>The same words after casefolding and dropping punctuation and whitespace.</summary>
    public const string Exact = "exact";

    /// <summary>Shingle Jaccard at or above the near-duplicate threshold.</summary>
    public const string NearDuplicate = "near-duplicate";

    /// <summary><see cref="CopyLink.From"/> holds most of <see cref="CopyLink.To"/> (a short article inside a longer page).</summary>
    public const string Contains = "contains";

    /// <summary><see cref="CopyLink.From"/> is mostly inside <see cref="CopyLink.To"/> (a truncated or excerpted copy).</summary>
    public const string ContainedIn = "contained-in";

    /// <summary>The relation seen from the other end.</summary>
    public static string Reverse(string relation) => relation switch
    {
        Contains => ContainedIn,
        ContainedIn => Contains,
        _ => relation,
    };
}

/// <summary>
/// A copy link between two articles. <see cref="Similarity"/> is the shingle Jaccard for exact and near-duplicate
/// links, and the containment of the smaller text in the larger for partial copies.
/// </summary>
public sealed record CopyLink(long From, long To, string Relation, double Similarity)
{
    public CopyLink Reversed() => new(To, From, CopyRelation.Reverse(Relation), Similarity);
}
