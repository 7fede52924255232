namespace Warta.Language;

/// <summary>
/// A pre-check for looking a word up in a set ignoring case: whether any word of the set has the word's first
/// character (ASCII case folded) and its length. Ordinal case-insensitive equality keeps the length and maps an ASCII
/// letter only to its other case, so a "no" here is a "no" from the set; most words of a text get it without being
/// lowercased or hashed. A set word starting outside ASCII (whose case folding is not ASCII's) turns the check off,
/// and a word starting outside ASCII always passes.
/// </summary>
internal sealed class InitialAndLengthFilter
{
    // Bit n of entry c is set when a set word of n characters (63: 63 or more) starts with the ASCII character c, lowercased.
    private readonly ulong[] _lengths = new ulong[128];
    private readonly bool _nonAsciiInitials;

    public InitialAndLengthFilter(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            if (word.Length == 0)
                continue;
            if (word[0] < 128)
                _lengths[Fold(word[0])] |= 1UL << Math.Min(word.Length, 63);
            else
                _nonAsciiInitials = true;
        }
    }

    /// <summary>False when no word of the set can equal, ignoring case, a word with this first character and length.</summary>
    public bool MayMatch(char first, int length) =>
        first >= 128 || _nonAsciiInitials || ((_lengths[Fold(first)] >> Math.Min(length, 63)) & 1) != 0;

    /// <inheritdoc cref="MayMatch(char, int)"/>
    public bool MayMatch(string word) => word.Length == 0 || MayMatch(word[0], word.Length);

    private static char Fold(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
}
