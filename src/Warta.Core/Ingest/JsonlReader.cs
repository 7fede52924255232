using System.Globalization;
using System.Text.Json;
using Warta.Model;

namespace Warta.Ingest;

/// <summary>
/// Reads JSON lines <c>{"id","url","title","text" or "html","published","outlet","language"}</c>; one of title,
/// text and html is required. Each line is kept verbatim as the item's raw bytes; a bad line is an error item and
/// the next line is read.
/// </summary>
internal sealed class JsonlReader(ReaderOptions options)
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
    ];

    public IEnumerable<ReadResult> Read(string source, Stream stream, CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        foreach (var (line, tooLong) in Lines(stream, options.MaxItemBytes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            var itemSource = string.Create(CultureInfo.InvariantCulture, $"{source}#line={lineNumber}");
            if (tooLong)
            {
                yield return ReadResult.Fail(itemSource, InputErrorReasons.TooLarge, $"the line is longer than {options.MaxItemBytes:N0} bytes, the limit");
                continue;
            }

            if (line.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            {
                continue;
            }

            yield return Record(itemSource, line);
        }
    }

    internal static ReadResult Record(string source, byte[] line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return ReadResult.Fail(source, InputErrorReasons.InvalidJson, $"the line is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReadResult.Fail(source, InputErrorReasons.InvalidJson, "the line is JSON but not an object");
            }

            var title = String(root, "title");
            var text = String(root, "text");
            var html = String(root, "html");
            if (string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
            {
                return ReadResult.Fail(source, InputErrorReasons.NoUsableField, "the record has none of 'title', 'text', 'html'; at least one is needed");
            }

            var (kind, body) = !string.IsNullOrWhiteSpace(html) ? (InputKind.Html, html)
                : !string.IsNullOrWhiteSpace(text) ? (InputKind.Text, text)
                : (InputKind.HeadlineOnly, string.Empty);
            return ReadResult.Ok(new RawInput
            {
                Source = source,
                Kind = kind,
                Raw = line,
                Body = body,
                Charset = "utf-8",
                ExternalId = String(root, "id"),
                Url = String(root, "url"),
                Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
                Published = Date(String(root, "published")),
                Outlet = String(root, "outlet"),
                Language = String(root, "language"),
            });
        }
    }

    /// <summary>
    /// A JSONL <c>published</c> value counts only with a time and an offset (ISO 8601): a bare date or local time
    /// would need an invented zone, and Warta never invents one.
    /// </summary>
    private static DateTimeOffset? Date(string? value) =>
        value is not null && DateTimeOffset.TryParseExact(value.Trim(), IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>Splits a stream on '\n', never holding more than one line (capped at <paramref name="max"/> bytes).</summary>
    private static IEnumerable<(byte[] Line, bool TooLong)> Lines(Stream stream, long max)
    {
        var chunk = new byte[1 << 16];
        using var line = new MemoryStream();
        var tooLong = false;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                if (!tooLong)
                {
                    if (line.Length + (end - start) > max)
                    {
                        tooLong = true;
                        line.SetLength(0);
                    }
                    else
                    {
                        line.Write(chunk, start, end - start);
                    }
                }

                if (newline < 0)
                {
                    break;
                }

                yield return (tooLong ? [] : line.ToArray(), tooLong);
                line.SetLength(0);
                tooLong = false;
                start = newline + 1;
            }
        }

        if (line.Length > 0 || tooLong)
        {
            yield return (tooLong ? [] : line.ToArray(), tooLong);
        }
    }
}
