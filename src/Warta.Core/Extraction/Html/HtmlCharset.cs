using System.Text;
using System.Text.RegularExpressions;

namespace Warta.Extraction.Html;

/// <summary>
/// Decodes HTML bytes: a byte-order mark, then a declared charset (header or the page's own meta), then strict
/// UTF-8, else Windows-1252. A declared charset that the bytes contradict (declared Latin-1 but valid multi-byte
/// UTF-8) loses to UTF-8; declared UTF-8 stays UTF-8 though a byte is invalid, as in a browser, while valid
/// characters beyond ASCII outnumber the invalid bytes.
/// </summary>
public static partial class HtmlCharset
{
    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*(?<cs>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MetaCharset();

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static HtmlCharset() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? declared, out string charset)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            charset = "utf-8";
            return Encoding.UTF8.GetString(bytes[3..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            charset = bytes[0] == 0xFF ? "utf-16le" : "utf-16be";
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes[2..]);
        }
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        declared ??= MetaCharset().Match(head) is { Success: true } m ? m.Groups["cs"].Value : null;
        var utf8 = TryUtf8(bytes, out var text);
        if (declared is not null && !IsUtf8Name(declared) && !HasMultibyte(bytes))
        {
            try
            {
                var encoding = Encoding.GetEncoding(declared.Trim());
                charset = encoding.WebName;
                return encoding.GetString(bytes);
            }
            catch (ArgumentException)
            {
                // Unknown charset name: fall through to sniffing.
            }
        }
        if (utf8)
        {
            charset = "utf-8";
            return text!;
        }
        // Declared UTF-8 with a stray invalid byte (a title cut mid-character): browsers decode it as UTF-8 and show
        // one replacement character; Windows-1252 would garble every non-ASCII letter of the page. A page whose
        // non-ASCII bytes are mostly invalid UTF-8 is in a single-byte charset whatever it declares.
        if (declared is not null && IsUtf8Name(declared))
        {
            var lenient = Encoding.UTF8.GetString(bytes);
            if (MostlyValid(lenient))
            {
                charset = "utf-8";
                return lenient;
            }
        }
        if (declared is not null && !IsUtf8Name(declared))
        {
            try
            {
                var encoding = Encoding.GetEncoding(declared.Trim());
                charset = encoding.WebName;
                return encoding.GetString(bytes);
            }
            catch (ArgumentException)
            {
                // Unknown charset name: Windows-1252 below.
            }
        }
        charset = "windows-1252";
        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    // More valid characters beyond ASCII than replacements for invalid bytes: a page in a single-byte charset has
    // almost no valid multi-byte sequence among its non-ASCII bytes.
    private static bool MostlyValid(string text)
    {
        int replaced = 0, nonAscii = 0;
        foreach (var c in text)
        {
            if (c == '\uFFFD')
                replaced++;
            else if (c > '\u007F')
                nonAscii++;
        }
        return nonAscii >= replaced;
    }

    private static bool IsUtf8Name(string name) =>
        name.Trim().Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Trim().Equals("utf8", StringComparison.OrdinalIgnoreCase);

    private static bool HasMultibyte(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0 && TryUtf8(bytes, out _);

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string? text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = null;
            return false;
        }
    }
}
