using System.Buffers;
using System.Text;

namespace Warta.Extraction;

/// <summary>
/// The multilingual phrase lists the text cleaner matches lines against (<c>Resources/cleaning/boilerplate.tsv</c>):
/// whole-line phrases, prefixes, contained phrases, vocabulary words and byline/source cues, each with a reason.
/// Immutable once loaded, so one instance serves every thread.
/// </summary>
public sealed class CleaningPhrases
{
    internal const string ResourceName = "Warta.Resources.cleaning/boilerplate.tsv";

    private static readonly Lazy<CleaningPhrases> Bundled = new(LoadBundled);

    // The ASCII white space other than the space: a line holding none of it (and no double space) needs no collapsing.
    private static readonly SearchValues<char> AsciiSpaceBreakers =
        SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c))]);

    private readonly Dictionary<string, string> _lines = new(StringComparer.Ordinal);
    private readonly List<(string Phrase, string Reason)> _prefixes = [];
    private readonly List<(string Phrase, string Reason)> _contains = [];
    private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);
    private readonly List<(string Cue, string Role)> _cues = [];

    // The length of the longest whole-line phrase: a longer line is no such phrase, and is not hashed to find out.
    private int _longestLine;

    // The prefixes by their first character (longest first within each), built once loading ends.
    private readonly Dictionary<char, List<(string Phrase, string Reason)>> _prefixesByFirst = [];

    /// <summary>The bundled lists.</summary>
    public static CleaningPhrases Default => Bundled.Value;

    /// <summary>Reads rules (<c>reason TAB kind TAB phrase</c>, <c>#</c> comments) from a reader.</summary>
    public static CleaningPhrases Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var phrases = new CleaningPhrases();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 3)
                throw new FormatException($"boilerplate rules line {lineNumber}: expected reason<TAB>kind<TAB>phrase, got {parts.Length} fields");
            var phrase = Normalize(parts[2]);
            if (phrase.Length == 0)
                throw new FormatException($"boilerplate rules line {lineNumber}: empty phrase");
            var reason = parts[0].Trim();
            switch (parts[1].Trim())
            {
                case "line":
                    phrases._lines[phrase] = reason;
                    phrases._longestLine = Math.Max(phrases._longestLine, phrase.Length);
                    break;
                case "prefix":
                    phrases._prefixes.Add((phrase, reason));
                    break;
                case "contains":
                    phrases._contains.Add((phrase, reason));
                    break;
                case "word":
                    phrases._words.TryAdd(phrase, reason);
                    break;
                case "cue":
                    phrases._cues.Add((phrase, reason));
                    break;
                default:
                    throw new FormatException($"boilerplate rules line {lineNumber}: unknown kind '{parts[1]}'");
            }
        }
        // Longest first, so "baca juga" wins over "baca" and "written by" over "by".
        phrases._prefixes.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
        phrases._cues.Sort((a, b) => b.Cue.Length.CompareTo(a.Cue.Length));
        foreach (var prefix in phrases._prefixes)
        {
            if (!phrases._prefixesByFirst.TryGetValue(prefix.Phrase[0], out var same))
                phrases._prefixesByFirst[prefix.Phrase[0]] = same = [];
            same.Add(prefix);
        }
        return phrases;
    }

    /// <summary>Reads rules from a file.</summary>
    public static CleaningPhrases Load(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Load(reader);
    }

    private static CleaningPhrases LoadBundled()
    {
        using var stream = typeof(CleaningPhrases).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Load(reader);
    }

    internal string? WholeLine(string normalized) => normalized.Length <= _longestLine ? _lines.GetValueOrDefault(normalized) : null;

    internal (string Phrase, string Reason)? Prefix(string normalized)
    {
        if (normalized.Length == 0 || !_prefixesByFirst.TryGetValue(normalized[0], out var prefixes))
            return null;
        foreach (var p in prefixes)
        {
            if (normalized.StartsWith(p.Phrase, StringComparison.Ordinal) &&
                (normalized.Length == p.Phrase.Length || !char.IsLetterOrDigit(normalized[p.Phrase.Length])))
                return p;
        }
        return null;
    }

    internal string? Contained(string normalized)
    {
        foreach (var (phrase, reason) in _contains)
        {
            if (normalized.Contains(phrase, StringComparison.Ordinal))
                return reason;
        }
        return null;
    }

    internal string? Word(string lowerWord) => _words.GetValueOrDefault(lowerWord);

    internal IReadOnlyList<(string Cue, string Role)> Cues => _cues;

    /// <summary>Lower case, single spaces, no spaces or punctuation at either end (letters, digits and closing '!' kept inside).</summary>
    internal static string Normalize(string text)
    {
        var span = text.AsSpan();
        var start = 0;
        var end = span.Length;
        while (start < end && !char.IsLetterOrDigit(span[start]))
            start++;
        while (end > start && !char.IsLetterOrDigit(span[end - 1]))
            end--;
        if (start == end)
            return string.Empty;
        var trimmed = span[start..end];
        // Most lines are ASCII with single spaces: lowercased in one vectorised call, nothing else to change.
        if (Ascii.IsValid(trimmed) && trimmed.IndexOfAny(AsciiSpaceBreakers) < 0 && trimmed.IndexOf("  ", StringComparison.Ordinal) < 0)
            return string.Create(trimmed.Length, (text, start), static (destination, state) =>
                Ascii.ToLower(state.text.AsSpan(state.start, destination.Length), destination, out _));
        // One pass into a buffer and one string: short lines (menus, bylines, titles) fit on the stack.
        char[]? rented = null;
        var buffer = end - start <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(end - start));
        var n = 0;
        var space = false;
        for (var i = start; i < end; i++)
        {
            var ch = span[i];
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }
            if (space)
                buffer[n++] = ' ';
            space = false;
            buffer[n++] = char.ToLowerInvariant(ch);
        }
        var normalized = new string(buffer[..n]);
        if (rented is not null)
            ArrayPool<char>.Shared.Return(rented);
        return normalized;
    }
}
