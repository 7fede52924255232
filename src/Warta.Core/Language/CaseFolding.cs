using System.Globalization;

namespace Warta.Language;

/// <summary>
/// Lowercasing as <see cref="char.ToLowerInvariant(char)"/> does, without its cost on the hot paths: ASCII folds
/// by a bit, and characters outside ASCII go to the culture tables only when they have case (curly quotes, dashes
/// and most letters of other scripts do not, and every model reads them on every token).
/// </summary>
internal static class CaseFolding
{
    public static char ToLower(char c)
    {
        if (c < 128)
            return c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;
        return HasCase(c) ? char.ToLowerInvariant(c) : c;
    }

    /// <summary>The lowercase form of <paramref name="text"/>; the same instance when nothing changes.</summary>
    public static string ToLower(string text)
    {
        foreach (var c in text)
        {
            if (c < 128 ? c is >= 'A' and <= 'Z' : HasCase(c))
                return text.ToLowerInvariant();
        }

        return text;
    }

    private static bool HasCase(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherSymbol;
}
