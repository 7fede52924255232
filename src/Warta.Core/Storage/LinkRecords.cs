using System.Text.Json;
using System.Text.Json.Nodes;
using Warta.Linking;
using Warta.Model;

namespace Warta.Storage;

/// <summary>Another article this one is a copy of, or that copies it, seen from this article.</summary>
/// <param name="Relation">One of <see cref="CopyRelation"/>'s names.</param>
public sealed record CopyReference(long Id, string Relation, double Similarity);

/// <summary>What linking found for one stored article: its duplicates, copy family, origin, story and alterations.</summary>
/// <param name="DuplicateOf">The earliest stored article this one is an exact or near duplicate of; null when none.</param>
/// <param name="OriginId">The origin of this article's copy family (itself when it is the origin); null when it has no copies.</param>
/// <param name="OriginReason">Why the origin was chosen (publication time, attribution, containment, agency).</param>
/// <param name="Alterations">What this copy changed relative to its origin; empty for an origin.</param>
public sealed record ArticleLinks(
    long ArticleId,
    long? DuplicateOf,
    IReadOnlyList<CopyReference> Copies,
    long? OriginId,
    string? OriginReason,
    long? StoryId,
    IReadOnlyList<Alteration> Alterations)
{
    /// <summary>The family member this copy was most likely taken from (its parent in the copy graph); null for an origin.</summary>
    public long? CopiedFrom { get; init; }

    /// <summary>Why <see cref="CopiedFrom"/> was chosen as the parent.</summary>
    public string? CopyReason { get; init; }

    public static ArticleLinks None(long articleId) => new(articleId, null, [], null, null, null, []);

    /// <summary>The fields <c>warta export</c> and the API add to an article record.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> ExportFields()
    {
        yield return new("duplicateOf", DuplicateOf);
        yield return new("copies", JsonSerializer.SerializeToNode(Copies, WartaJson.Options));
        yield return new("originId", OriginId);
        yield return new("copiedFrom", CopiedFrom);
        yield return new("storyId", StoryId);
        yield return new("alterations", JsonSerializer.SerializeToNode(Alterations, WartaJson.Options));
    }
}

/// <summary>A story as the store holds it (the <c>warta stories</c> record, plus its key entities and origins).</summary>
public sealed record StoryRecord(
    long Id,
    string Label,
    IReadOnlyList<long> ArticleIds,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Entities,
    IReadOnlyList<long> OriginIds);

/// <summary>Read access to linking's results, for export, the API and the UI.</summary>
public interface ILinkReader
{
    /// <summary>The links of one article; <see cref="ArticleLinks.None"/> when linking has not seen it.</summary>
    ArticleLinks LinksOf(long articleId);

    /// <summary>The links of several articles, in the order given.</summary>
    IReadOnlyList<ArticleLinks> LinksOf(IReadOnlyList<long> articleIds);

    StoryRecord? Story(long storyId);

    /// <summary>Stories with an id greater than <paramref name="afterId"/>, ascending, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<StoryRecord> Stories(long afterId, int limit);
}
