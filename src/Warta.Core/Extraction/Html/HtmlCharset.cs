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
        // Valid UTF-8 with a byte beyond ASCII is UTF-8 whatever the page declares; a declared single-byte charset
        // is taken for the rest, and an unknown charset name falls through to sniffing.
        var utf8 = TryUtf8(bytes, out var text);
        var multibyte = utf8 && bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
        if (declared is not null && !IsUtf8Name(declared) && !multibyte && Declared(declared) is { } encoding)
        {
            charset = encoding.WebName;
            return encoding.GetString(bytes);
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

    // The labels the WHATWG Encoding Standard reads as Windows-1252: browsers decode a page declared Latin-1 or ASCII
    // as Windows-1252, so its 0x80–0x9F bytes are curly quotes, dashes and the euro sign, not control characters.
    private static readonly HashSet<string> Windows1252Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
        "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
    };

    // A declared charset as a browser reads it: a UTF-16 declaration in a page without a byte-order mark is UTF-8
    // (the page could not have been read to find it otherwise), and an unknown name is none.
    private static Encoding? Declared(string name)
    {
        name = name.Trim();
        if (Windows1252Labels.Contains(name))
            return Encoding.GetEncoding(1252);
        if (name.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase) || name.StartsWith("unicode", StringComparison.OrdinalIgnoreCase))
            return Encoding.UTF8;
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

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
