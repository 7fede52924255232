using System.Text.Json;
using System.Text.Json.Nodes;
using Warta.Model;

namespace Warta.Storage;

/// <summary>
/// The record <c>warta export</c> and the API write for a stored article: <c>id</c> first, then every
/// <see cref="Article"/> field (camelCase), then whatever later stages add (<c>storyId</c>, <c>copies</c>, …).
/// </summary>
public static class ExportRecord
{
    public static JsonObject Create(StoredArticle stored, IEnumerable<KeyValuePair<string, JsonNode?>>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var record = new JsonObject { ["id"] = stored.Id };
        var article = JsonSerializer.SerializeToNode(stored.Article, WartaJson.Options)!.AsObject();
        foreach (var (name, value) in article.ToList())
        {
            article.Remove(name);
            record[name] = value;
        }

        record["ingested"] = stored.Ingested;
        foreach (var (name, value) in extra ?? [])
        {
            record[name] = value;
        }

        return record;
    }
}
