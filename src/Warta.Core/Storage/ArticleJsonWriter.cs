using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Warta.Model;

namespace Warta.Storage;

/// <summary>
/// Writes the article JSON the store keeps, by hand over a reused <see cref="Utf8JsonWriter"/>: the same bytes as
/// <see cref="WartaJson.Options"/> gives (the tests compare both on fully populated articles), at about half the CPU of
/// the generated serializer, which cannot take its fast path with a custom encoder. Properties are written in
/// declaration order, nulls included, as <see cref="System.Text.Json.Serialization.JsonIgnoreCondition.Never"/> does.
/// </summary>
internal static class ArticleJsonWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? _perThread;

    /// <summary>The article as UTF-8 JSON, in a new array of its exact length.</summary>
    public static byte[] ToUtf8(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var (buffer, writer) = _perThread ??= NewWriter();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        Write(writer, article);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        // An unusually long article should not pin its buffer to the thread for good.
        if (buffer.Capacity > 1 << 20)
            _perThread = null;
        return bytes;
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        return (buffer, new Utf8JsonWriter(buffer, WriterOptions));
    }

    private static void Write(Utf8JsonWriter w, Article a)
    {
        w.WriteStartObject();
        w.WriteString(Names.Source, a.Source);
        w.WriteString(Names.Url, a.Url);
        w.WriteString(Names.ExternalId, a.ExternalId);
        w.WriteString(Names.Title, a.Title);
        w.WriteString(Names.Text, a.Text);
        WriteDate(w, Names.Published, a.Published);
        WritePrecision(w, a.PublishedPrecision);
        WriteStrings(w, Names.Authors, a.Authors);
        w.WriteString(Names.Outlet, a.Outlet);
        w.WriteString(Names.Dateline, a.Dateline);
        w.WriteString(Names.Language, a.Language);

        WriteArray(w, Names.Citations, a.Citations, static (w, c) =>
        {
            w.WriteString(Names.Agency, c.Agency);
            w.WriteString(Names.Evidence, c.Evidence);
        });
        WriteArray(w, Names.Removed, a.Removed, static (w, r) =>
        {
            w.WriteString(Names.Text, r.Text);
            w.WriteString(Names.Reason, r.Reason);
        });
        WriteArray(w, Names.Repeats, a.Repeats, static (w, r) =>
        {
            w.WriteString(Names.Kept, r.Kept);
            w.WriteString(Names.Dropped, r.Dropped);
            WriteStrings(w, Names.Differences, r.Differences);
        });
        WriteMetadata(w, a.Metadata);
        WriteArray(w, Names.Entities, a.Entities, static (w, e) =>
        {
            w.WriteString(Names.Text, e.Text);
            w.WriteString(Names.Type, e.Type);
            w.WriteString(Names.Canonical, e.Canonical);
            w.WriteNumber(Names.Start, e.Start);
            w.WriteNumber(Names.End, e.End);
            w.WriteString(Names.Role, e.Role);
        });
        WriteArray(w, Names.Quotes, a.Quotes, static (w, q) =>
        {
            w.WriteString(Names.Text, q.Text);
            w.WriteString(Names.Speaker, q.Speaker);
            w.WriteString(Names.Verb, q.Verb);
            w.WriteString(Names.Kind, q.Kind);
        });
        WriteArray(w, Names.Numbers, a.Numbers, static (w, n) =>
        {
            w.WriteString(Names.Text, n.Text);
            w.WriteNumber(Names.Value, n.Value);
            w.WriteString(Names.Counts, n.Counts);
            w.WriteString(Names.Qualifier, n.Qualifier);
            w.WriteNumber(Names.Start, n.Start);
            w.WriteNumber(Names.End, n.End);
        });
        w.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter w, ArticleMetadata? m)
    {
        if (m is null)
        {
            w.WriteNull(Names.Metadata);
            return;
        }

        w.WriteStartObject(Names.Metadata);
        WriteDate(w, Names.Modified, m.Modified);
        w.WriteString(Names.SiteName, m.SiteName);
        w.WriteString(Names.CanonicalUrl, m.CanonicalUrl);
        w.WriteString(Names.Description, m.Description);
        w.WriteString(Names.Image, m.Image);
        w.WriteString(Names.Section, m.Section);
        WriteStrings(w, Names.Tags, m.Tags);
        w.WriteString(Names.DeclaredLanguage, m.DeclaredLanguage);
        w.WriteString(Names.PageType, m.PageType);
        if (m.Sources is null)
        {
            w.WriteNull(Names.Sources);
        }
        else
        {
            w.WriteStartObject(Names.Sources);
            foreach (var (field, source) in m.Sources)
                w.WriteString(field, source);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } v)
            w.WriteString(name, v);
        else
            w.WriteNull(name);
    }

    private static void WriteStrings(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>An array of objects (null as null, a null element as null), each written by <paramref name="members"/>.</summary>
    private static void WriteArray<T>(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> members)
        where T : class
    {
        if (items is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartArray(name);
        foreach (var item in items)
        {
            if (item is null)
            {
                w.WriteNullValue();
                continue;
            }

            w.WriteStartObject();
            members(w, item);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // As JsonStringEnumConverter writes the enum: a member's name, a value that names no member as its number.
    private static void WritePrecision(Utf8JsonWriter w, DatePrecision? precision)
    {
        switch (precision)
        {
            case null:
                w.WriteNull(Names.PublishedPrecision);
                break;
            case DatePrecision.Day:
                w.WriteString(Names.PublishedPrecision, nameof(DatePrecision.Day));
                break;
            case DatePrecision.LocalTime:
                w.WriteString(Names.PublishedPrecision, nameof(DatePrecision.LocalTime));
                break;
            case DatePrecision.Zoned:
                w.WriteString(Names.PublishedPrecision, nameof(DatePrecision.Zoned));
                break;
            default:
                w.WriteNumber(Names.PublishedPrecision, (int)precision.Value);
                break;
        }
    }

    /// <summary>Property names as the serializer's camelCase policy writes them, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
        public static readonly JsonEncodedText ExternalId = JsonEncodedText.Encode("externalId");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
        public static readonly JsonEncodedText PublishedPrecision = JsonEncodedText.Encode("publishedPrecision");
        public static readonly JsonEncodedText Authors = JsonEncodedText.Encode("authors");
        public static readonly JsonEncodedText Outlet = JsonEncodedText.Encode("outlet");
        public static readonly JsonEncodedText Dateline = JsonEncodedText.Encode("dateline");
        public static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
        public static readonly JsonEncodedText Citations = JsonEncodedText.Encode("citations");
        public static readonly JsonEncodedText Agency = JsonEncodedText.Encode("agency");
        public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        public static readonly JsonEncodedText Removed = JsonEncodedText.Encode("removed");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Repeats = JsonEncodedText.Encode("repeats");
        public static readonly JsonEncodedText Kept = JsonEncodedText.Encode("kept");
        public static readonly JsonEncodedText Dropped = JsonEncodedText.Encode("dropped");
        public static readonly JsonEncodedText Differences = JsonEncodedText.Encode("differences");
        public static readonly JsonEncodedText Metadata = JsonEncodedText.Encode("metadata");
        public static readonly JsonEncodedText Modified = JsonEncodedText.Encode("modified");
        public static readonly JsonEncodedText SiteName = JsonEncodedText.Encode("siteName");
        public static readonly JsonEncodedText CanonicalUrl = JsonEncodedText.Encode("canonicalUrl");
        public static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
        public static readonly JsonEncodedText Image = JsonEncodedText.Encode("image");
        public static readonly JsonEncodedText Section = JsonEncodedText.Encode("section");
        public static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
        public static readonly JsonEncodedText DeclaredLanguage = JsonEncodedText.Encode("declaredLanguage");
        public static readonly JsonEncodedText PageType = JsonEncodedText.Encode("pageType");
        public static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
        public static readonly JsonEncodedText Entities = JsonEncodedText.Encode("entities");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Canonical = JsonEncodedText.Encode("canonical");
        public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
        public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        public static readonly JsonEncodedText Quotes = JsonEncodedText.Encode("quotes");
        public static readonly JsonEncodedText Speaker = JsonEncodedText.Encode("speaker");
        public static readonly JsonEncodedText Verb = JsonEncodedText.Encode("verb");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Numbers = JsonEncodedText.Encode("numbers");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Counts = JsonEncodedText.Encode("counts");
        public static readonly JsonEncodedText Qualifier = JsonEncodedText.Encode("qualifier");
    }
}
