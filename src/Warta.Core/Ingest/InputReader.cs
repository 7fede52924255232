using System.IO.Compression;
using System.Text;
using Warta.Model;

namespace Warta.Ingest;

/// <summary>
/// Reads paths (files, directories recursively, <c>-</c> for standard input) into <see cref="ReadResult"/>s:
/// plain text, HTML, JSONL records and WARC records, any of them gzip-compressed, recognised by content as well as
/// by name. A bad item yields an <see cref="InputError"/> and reading goes on; nothing is held in memory beyond
/// the item at hand.
/// </summary>
public sealed class InputReader
{
    private const int SniffBytes = 1024;

    private readonly ReaderOptions _options;

    public InputReader(ReaderOptions? options = null)
    {
        _options = options ?? new ReaderOptions();
        _options.Validate();
    }

    public IEnumerable<ReadResult> Read(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (path == "-")
            {
                foreach (var result in Read("-", Console.OpenStandardInput(), cancellationToken))
                {
                    yield return result;
                }
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    foreach (var result in ReadFile(file, cancellationToken))
                    {
                        yield return result;
                    }
                }
            }
            else if (File.Exists(path))
            {
                foreach (var result in ReadFile(path, cancellationToken))
                {
                    yield return result;
                }
            }
            else
            {
                yield return ReadResult.Fail(path, InputErrorReasons.NotFound, "no such file or directory; check the path");
            }
        }
    }

    /// <summary>Reads one stream (standard input, a test's bytes, an API request body), sniffing its format.</summary>
    public IEnumerable<ReadResult> Read(string source, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(stream);
        return Guard(source, ReadStream(source, stream, compressedFile: null, cancellationToken));
    }

    private IEnumerable<ReadResult> ReadFile(string path, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadResult.Fail(path, InputErrorReasons.Unreadable, $"cannot open the file: {e.Message}")];
        }

        return Guard(path, Owned(stream, ReadStream(path, stream, compressedFile: stream, cancellationToken)));
    }

    private IEnumerable<ReadResult> ReadStream(string source, Stream stream, FileStream? compressedFile, CancellationToken cancellationToken)
    {
        var head = ReadHead(stream, SniffBytes);
        var body = new PrefixedStream(head, stream);
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            var trailer = compressedFile is { CanSeek: true } ? GzipTrailer.Read(compressedFile) : null;
            var gzip = new CountingStream(new GZipStream(body, CompressionMode.Decompress), _options.MaxDecompressedBytes);
            var inner = StripGz(source);
            foreach (var result in ReadDecoded(source, inner, gzip, knownLength: null, cancellationToken))
            {
                yield return result;
            }

            if (trailer is { } expected && !gzip.LimitReached && (uint)gzip.Count != expected.Size && !IsWarc(inner))
            {
                yield return ReadResult.Fail(source, InputErrorReasons.Truncated, "the gzip data ends early (its length check fails); the items before the cut were read");
            }

            yield break;
        }

        long? length = compressedFile is { CanSeek: true } ? compressedFile.Length : null;
        foreach (var result in ReadDecoded(source, source, body, length, cancellationToken))
        {
            yield return result;
        }
    }

    private IEnumerable<ReadResult> ReadDecoded(string source, string name, Stream stream, long? knownLength, CancellationToken cancellationToken)
    {
        var head = ReadHead(stream, SniffBytes);
        var body = new PrefixedStream(head, stream);
        if (StartsWithAscii(head, "WARC/") || IsWarc(name))
        {
            return new WarcReader(_options).Read(source, new BufferedStream(body, 1 << 16), cancellationToken);
        }

        if (IsJsonl(name) || (FirstNonSpace(head) == '{' && !LooksLikeHtml(head)))
        {
            return new JsonlReader(_options).Read(source, body, cancellationToken);
        }

        return [ReadDocument(source, name, body, knownLength)];
    }

    private ReadResult ReadDocument(string source, string name, Stream stream, long? knownLength)
    {
        if (knownLength > _options.MaxItemBytes)
        {
            return TooLarge(source, knownLength.Value);
        }

        var bytes = ReadBounded(stream, _options.MaxItemBytes, out var complete);
        if (!complete)
        {
            return TooLarge(source, null);
        }

        return Document(source, name, bytes, declaredCharset: null, declaredKind: null, url: null);
    }

    /// <summary>Builds a text or HTML input from one item's bytes, or the error that says why it cannot be one.</summary>
    internal static ReadResult Document(string source, string name, byte[] bytes, string? declaredCharset, InputKind? declaredKind, string? url)
    {
        if (bytes.AsSpan().Trim(" \t\r\n\f"u8).IsEmpty)
        {
            return ReadResult.Fail(source, InputErrorReasons.Empty, "the item is empty");
        }

        if (TextDecoder.LooksBinary(bytes))
        {
            return ReadResult.Fail(source, InputErrorReasons.Binary, "the item is binary data, not text or HTML; only .txt, .html, .jsonl and .warc inputs (optionally .gz) are read");
        }

        var (text, charset) = TextDecoder.Decode(bytes, declaredCharset);
        var kind = declaredKind ?? (IsHtmlName(name) || LooksLikeHtml(bytes) ? InputKind.Html : InputKind.Text);
        return ReadResult.Ok(new RawInput { Source = source, Kind = kind, Raw = bytes, Body = text, Charset = charset, Url = url });
    }

    internal static byte[] ReadBounded(Stream stream, long limit, out bool complete)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                complete = false;
                return [];
            }

            buffer.Write(chunk, 0, read);
        }

        complete = true;
        return buffer.ToArray();
    }

    private ReadResult TooLarge(string source, long? length) => ReadResult.Fail(
        source,
        InputErrorReasons.TooLarge,
        length is { } known
            ? $"the item has {known:N0} bytes, more than the limit of {_options.MaxItemBytes:N0}; split it or raise the limit"
            : $"the item has more than {_options.MaxItemBytes:N0} bytes, the limit; split it or raise the limit");

    private static byte[] ReadHead(Stream stream, int count)
    {
        var head = new byte[count];
        var filled = 0;
        int read;
        while (filled < count && (read = stream.Read(head, filled, count - filled)) > 0)
        {
            filled += read;
        }

        return filled == count ? head : head[..filled];
    }

    /// <summary>Turns an I/O failure in the middle of a container into an error item after what was read.</summary>
    private static IEnumerable<ReadResult> Guard(string source, IEnumerable<ReadResult> results)
    {
        using var enumerator = results.GetEnumerator();
        while (true)
        {
            ReadResult? failure = null;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
            {
                failure = ReadResult.Fail(source, InputErrorReasons.Truncated, $"the data is corrupt or ends early ({e.Message}); the items before it were read");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failure = ReadResult.Fail(source, InputErrorReasons.Unreadable, $"reading failed: {e.Message}");
            }

            if (failure is { } error)
            {
                yield return error;
                yield break;
            }

            yield return enumerator.Current;
        }
    }

    private static IEnumerable<ReadResult> Owned(IDisposable owner, IEnumerable<ReadResult> results)
    {
        using (owner)
        {
            foreach (var result in results)
            {
                yield return result;
            }
        }
    }

    private static string StripGz(string name) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;

    private static bool IsWarc(string name) => name.EndsWith(".warc", StringComparison.OrdinalIgnoreCase);

    private static bool IsJsonl(string name) =>
        name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    private static bool IsHtmlName(string name) =>
        name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".xhtml", StringComparison.OrdinalIgnoreCase);

    private static bool StartsWithAscii(ReadOnlySpan<byte> head, string prefix) =>
        head.StartsWith(Encoding.ASCII.GetBytes(prefix));

    private static char FirstNonSpace(ReadOnlySpan<byte> head)
    {
        var start = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        foreach (var b in head[start..])
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return (char)b;
            }
        }

        return '\0';
    }

    internal static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]);
        return head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<head", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }
}
