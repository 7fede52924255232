using System.Globalization;
using System.IO.Compression;
using System.Text;
using Warta.Model;

namespace Warta.Ingest;

/// <summary>
/// A strict WARC 1.0/1.1 reader: a version line, named fields, an empty line, exactly Content-Length bytes of
/// block, then CRLF CRLF. <c>response</c> records (HTTP status line and headers stripped, chunked transfer and
/// gzip/deflate content encodings undone, the Content-Type charset used) and <c>resource</c> records become
/// inputs; warcinfo, request, metadata and revisit records carry no article and are passed over. WARC-Date is the
/// capture date, not the publication date, so it is not used as one.
/// </summary>
internal sealed class WarcReader(ReaderOptions options)
{
    private const int MaxHeaderLine = 64 * 1024;

    public IEnumerable<ReadResult> Read(string source, Stream stream, CancellationToken cancellationToken)
    {
        var record = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var version = ReadLine(stream, skipBlank: true);
            if (version is null)
            {
                yield break;
            }

            record++;
            var itemSource = string.Create(CultureInfo.InvariantCulture, $"{source}#record={record}");
            if (!version.StartsWith("WARC/1.", StringComparison.Ordinal))
            {
                yield return ReadResult.Fail(itemSource, InputErrorReasons.InvalidWarc, $"expected a 'WARC/1.x' version line, found '{Shorten(version)}'; the rest of the file is skipped");
                yield break;
            }

            var headers = ReadHeaders(stream);
            if (headers is null)
            {
                yield return ReadResult.Fail(itemSource, InputErrorReasons.Truncated, "the record's header ends early; the records before it were read");
                yield break;
            }

            if (!headers.TryGetValue("content-length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                yield return ReadResult.Fail(itemSource, InputErrorReasons.InvalidWarc, "the record has no valid Content-Length; the rest of the file is skipped");
                yield break;
            }

            byte[]? block = null;
            if (length > options.MaxItemBytes)
            {
                if (!Skip(stream, length))
                {
                    yield return ReadResult.Fail(itemSource, InputErrorReasons.Truncated, "the record's block ends early; the records before it were read");
                    yield break;
                }
            }
            else
            {
                block = new byte[length];
                if (stream.ReadAtLeast(block, block.Length, throwOnEndOfStream: false) < block.Length)
                {
                    yield return ReadResult.Fail(itemSource, InputErrorReasons.Truncated, $"the record's block ends before its {length:N0} bytes; the records before it were read");
                    yield break;
                }
            }

            var end = new byte[4];
            var endRead = stream.ReadAtLeast(end, 4, throwOnEndOfStream: false);
            if (endRead > 0 && (endRead < 4 || !end.AsSpan().SequenceEqual("\r\n\r\n"u8)))
            {
                yield return ReadResult.Fail(itemSource, InputErrorReasons.InvalidWarc, "the record's block is not followed by CRLF CRLF (wrong Content-Length?); the rest of the file is skipped");
                yield break;
            }

            var type = headers.GetValueOrDefault("warc-type", string.Empty).ToLowerInvariant();
            if (type is not ("response" or "resource"))
            {
                continue;
            }

            var url = headers.GetValueOrDefault("warc-target-uri")?.Trim('<', '>');
            if (block is null)
            {
                yield return ReadResult.Fail(itemSource, InputErrorReasons.TooLarge, $"the record has {length:N0} bytes, more than the limit of {options.MaxItemBytes:N0}");
                continue;
            }

            yield return type == "response"
                ? Response(itemSource, url, block)
                : Payload(itemSource, url, block, headers.GetValueOrDefault("content-type"));
        }
    }

    private ReadResult Response(string source, string? url, byte[] block)
    {
        if (!block.AsSpan().StartsWith("HTTP/"u8))
        {
            return Payload(source, url, block, contentType: null);
        }

        var headerEnd = block.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return ReadResult.Fail(source, InputErrorReasons.InvalidWarc, "the HTTP response has no end of headers");
        }

        var lines = Encoding.Latin1.GetString(block, 0, headerEnd).Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[1].StartsWith('2'))
        {
            return ReadResult.Fail(source, InputErrorReasons.UnsupportedContent, $"HTTP status '{Shorten(lines[0])}' carries no article");
        }

        var http = Fields(lines.Skip(1));
        var payload = block[(headerEnd + 4)..];
        try
        {
            if (http.GetValueOrDefault("transfer-encoding", string.Empty).Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                payload = Dechunk(payload);
            }

            var encoding = http.GetValueOrDefault("content-encoding", string.Empty).Trim().ToLowerInvariant();
            if (encoding is "gzip" or "x-gzip" or "deflate")
            {
                using Stream compressed = encoding == "deflate" ? new ZLibStream(new MemoryStream(payload), CompressionMode.Decompress) : new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
                payload = InputReader.ReadBounded(compressed, options.MaxItemBytes, out var complete);
                if (!complete)
                {
                    return ReadResult.Fail(source, InputErrorReasons.TooLarge, $"the decompressed payload has more than {options.MaxItemBytes:N0} bytes, the limit");
                }
            }
        }
        catch (InvalidDataException e)
        {
            return ReadResult.Fail(source, InputErrorReasons.Truncated, $"the HTTP payload is corrupt: {e.Message}");
        }

        return Payload(source, url, payload, http.GetValueOrDefault("content-type"));
    }

    private static ReadResult Payload(string source, string? url, byte[] payload, string? contentType)
    {
        var mime = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        var charset = contentType?.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))?[8..];
        InputKind? kind = mime switch
        {
            "text/html" or "application/xhtml+xml" => InputKind.Html,
            "text/plain" => InputKind.Text,
            null or "" or "application/octet-stream" => null,
            _ => InputKind.HeadlineOnly,
        };
        if (kind == InputKind.HeadlineOnly)
        {
            return ReadResult.Fail(source, InputErrorReasons.UnsupportedContent, $"the payload is '{mime}', not text or HTML");
        }

        return InputReader.Document(source, url ?? source, payload, charset, kind, url);
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (position < body.Length)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                throw new InvalidDataException("a chunk size line has no end");
            }

            var sizeText = Encoding.ASCII.GetString(body, position, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new InvalidDataException($"'{Shorten(sizeText)}' is not a chunk size");
            }

            position += lineEnd + 2;
            if (size == 0)
            {
                break;
            }

            if (position + size > body.Length)
            {
                throw new InvalidDataException("a chunk ends early");
            }

            output.Write(body, position, size);
            position += size + 2;
        }

        return output.ToArray();
    }

    private static Dictionary<string, string>? ReadHeaders(Stream stream)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = ReadLine(stream, skipBlank: false);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                return Fields(lines);
            }

            lines.Add(line);
        }
    }

    private static Dictionary<string, string> Fields(IEnumerable<string> lines)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
            }
        }

        return fields;
    }

    /// <summary>Reads one CRLF- or LF-terminated line (UTF-8), or null at the end of the stream.</summary>
    private static string? ReadLine(Stream stream, bool skipBlank)
    {
        var bytes = new List<byte>(128);
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return bytes.Count > 0 ? Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r') : null;
            }

            if (b == '\n')
            {
                var line = Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
                if (line.Length == 0 && skipBlank)
                {
                    bytes.Clear();
                    continue;
                }

                return line;
            }

            if (bytes.Count >= MaxHeaderLine)
            {
                throw new InvalidDataException("a WARC header line is longer than 64 KiB");
            }

            bytes.Add((byte)b);
        }
    }

    private static bool Skip(Stream stream, long count)
    {
        var buffer = new byte[1 << 16];
        while (count > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (read == 0)
            {
                return false;
            }

            count -= read;
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
