using System.Text;
using System.Text.RegularExpressions;

namespace Warta.Ingest;

/// <summary>
/// Turns bytes into text and says which charset it used: a byte-order mark first; then valid UTF-8 with non-ASCII
/// sequences (a wrong declaration is common, while windows-1252 text that happens to be valid multi-byte UTF-8 is
/// vanishingly rare); then the declared charset (HTTP header, then <c>&lt;meta charset&gt;</c>); then windows-1252,
/// which decodes every byte and is what unlabelled Western pages mostly are (ISO-8859-1 labels mean it too, as in
/// browsers).
/// </summary>
public static partial class TextDecoder
{
    private const int MetaScanBytes = 4096;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declaredCharset"/> is a charset from a container (HTTP header).</summary>
    public static (string Text, string Charset) Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (Encoding.UTF8.GetString(bytes[3..]), "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        }

        var asciiOnly = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F) < 0;
        if (!asciiOnly && TryUtf8(bytes, out var utf8))
        {
            return (utf8, "utf-8");
        }

        var declared = Resolve(declaredCharset) ?? Resolve(MetaCharset(bytes));
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return (declared.GetString(bytes), declared.WebName);
        }

        if (asciiOnly)
        {
            return (Encoding.ASCII.GetString(bytes), "utf-8");
        }

        // Declared UTF-8 (or nothing) but invalid: windows-1252 decodes every byte and keeps the text readable.
        return (Encoding.GetEncoding(1252).GetString(bytes), "windows-1252");
    }

    /// <summary>True when the bytes look like binary data rather than text: NUL bytes or many control characters.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return false;
        }

        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        if (sample.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        var control = 0;
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C and not 0x1B)
            {
                control++;
            }
        }

        // Text has next to none; 10% is far above any real page and well below random bytes (about 12%).
        return control * 20 > sample.Length;
    }

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, MetaScanBytes)]);
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    private static Encoding? Resolve(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" => "windows-1252",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<charset>[A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetPattern();
}
