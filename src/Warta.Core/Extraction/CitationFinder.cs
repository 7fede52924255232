using System.Text;
using Warta.Language;
using Warta.Model;

namespace Warta.Extraction;

/// <summary>One agency or outlet of the citation list: its canonical name, kind and every alias it goes by.</summary>
public sealed record Agency(string Canonical, string Kind, IReadOnlyList<string> Aliases);

/// <summary>
/// Finds the agencies and outlets an article cites ("Seperti dilaporkan Reuters", "dikutip dari Russian Today",
/// "according to AP", "Jakarta (ANTARA) -", "Sumber: russian today"), canonicalised through an extensible agency
/// list (<c>Resources/agencies.tsv</c>). An agency counts once, with the first phrase that shows it.
/// </summary>
/// <remarks>
/// Only attributions count: an attribution cue before the name ("dilansir dari", "according to", "kepada") or after
/// it ("reported", "melaporkan"), a "(Agency) -" dateline, or a source line removed by the cleaner. A bare
/// mention ("CNN" as a topic) is not a citation, nor is a name missing from the list ("dikutip oleh Kementerian
/// Pertahanan"). Immutable once built, so one instance serves every thread.
/// </remarks>
public sealed class CitationFinder
{
    internal const string AgenciesResource = "Warta.Resources.agencies.tsv";
    internal const string CuesResource = "Warta.Resources.cleaning/attribution.tsv";

    // How far a before-cue may sit from the name: up to three filler words between them.
    private const int MaxFillers = 3;

    private readonly List<Agency> _agencies;
    private readonly Dictionary<string, List<AliasEntry>> _aliasesByFirstWord = new(StringComparer.OrdinalIgnoreCase);

    // The same map looked up by a span of the text, so scanning an article's words allocates no string per word.
    private readonly Dictionary<string, List<AliasEntry>>.AlternateLookup<ReadOnlySpan<char>> _aliasesBySpan;
    // The aliases' first words by first character and length: most of an article's words match none, so they are
    // never hashed for the lookup.
    private readonly InitialAndLengthFilter _firstWords;
    private readonly List<string[]> _before = [];
    private readonly HashSet<string> _after = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _fillers = new(StringComparer.OrdinalIgnoreCase);

    private sealed record AliasEntry(string[] Words, Agency Agency, bool ExactCase);

    private CitationFinder(List<Agency> agencies)
    {
        _agencies = agencies;
        foreach (var agency in agencies)
        {
            foreach (var alias in agency.Aliases)
            {
                var words = WordSpan.Find(alias).Select(w => alias[w.Start..w.End]).ToArray();
                if (words.Length == 0)
                    continue;
                if (!_aliasesByFirstWord.TryGetValue(words[0], out var list))
                    _aliasesByFirstWord[words[0]] = list = [];
                list.Add(new AliasEntry(words, agency, alias.Length <= 4));
            }
        }
        foreach (var list in _aliasesByFirstWord.Values)
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        _aliasesBySpan = _aliasesByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWords = new InitialAndLengthFilter(_aliasesByFirstWord.Keys);
        LoadCues();
    }

    /// <summary>The agencies this finder knows, in list order.</summary>
    public IReadOnlyList<Agency> Agencies => _agencies;

    /// <summary>A finder over the bundled list.</summary>
    public static CitationFinder CreateDefault() => new(ReadBundled());

    /// <summary>
    /// A finder over the agencies in <paramref name="reader"/> (<c>canonical TAB kind TAB alias|alias…</c>,
    /// <c>#</c> comments), added to the bundled list unless <paramref name="includeDefault"/> is false. An entry
    /// whose canonical name is already listed replaces it.
    /// </summary>
    public static CitationFinder Load(TextReader reader, bool includeDefault = true)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var agencies = includeDefault ? ReadBundled() : [];
        foreach (var extra in Read(reader))
        {
            var existing = agencies.FindIndex(a => string.Equals(a.Canonical, extra.Canonical, StringComparison.Ordinal));
            if (existing >= 0)
                agencies[existing] = extra;
            else
                agencies.Insert(0, extra);
        }
        return new CitationFinder(agencies);
    }

    /// <summary>Reads an agency file; see <see cref="Load(TextReader, bool)"/>.</summary>
    public static CitationFinder Load(string path, bool includeDefault = true)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Load(reader, includeDefault);
    }

    public IReadOnlyList<Citation> Find(string text, IReadOnlyList<RemovedSpan> removed)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(removed);
        var found = new List<Citation>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(Agency agency, string evidence)
        {
            if (seen.Add(agency.Canonical))
                found.Add(new Citation(agency.Canonical, evidence.Trim()));
        }

        foreach (var span in removed)
        {
            if (span.Reason == RemovalReasons.Dateline)
                Scan(span.Text, strict: true, requireCue: true, (agency, evidence) => Add(agency, span.Text));
        }
        Scan(text, strict: true, requireCue: true, Add);
        foreach (var span in removed)
        {
            if (span.Reason == RemovalReasons.SourceLine)
                Scan(span.Text, strict: false, requireCue: false, (agency, _) => Add(agency, span.Text));
        }
        return found;
    }

    private void Scan(string text, bool strict, bool requireCue, Action<Agency, string> found)
    {
        var words = WordSpan.Find(text);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (!_firstWords.MayMatch(text[w.Start], w.Length) || !_aliasesBySpan.TryGetValue(text.AsSpan(w.Start, w.Length), out var entries))
                continue;
            foreach (var entry in entries)
            {
                if (!Matches(text, words, i, entry, strict))
                    continue;
                var last = i + entry.Words.Length - 1;
                var evidence = requireCue ? Evidence(text, words, i, last) : text[words[i].Start..words[last].End];
                if (evidence is not null)
                {
                    found(entry.Agency, evidence);
                    i = last;
                }
                break;
            }
        }
    }

    private static bool Matches(string text, List<WordSpan> words, int at, AliasEntry entry, bool strict)
    {
        if (at + entry.Words.Length > words.Count)
            return false;
        for (var k = 0; k < entry.Words.Length; k++)
        {
            var w = words[at + k];
            var span = text.AsSpan(w.Start, w.End - w.Start);
            var comparison = entry.ExactCase && strict ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            if (!span.Equals(entry.Words[k], comparison))
                return false;
            // Words of an alias are adjacent: only spaces, dots or hyphens between them.
            if (k > 0 && text.AsSpan(words[at + k - 1].End, w.Start - words[at + k - 1].End).Trim(" .-") is { IsEmpty: false })
                return false;
        }
        var first = text[words[at].Start];
        return !strict || entry.ExactCase || !char.IsLetter(entry.Words[0][0]) || !char.IsUpper(entry.Words[0][0]) || char.IsUpper(first);
    }

    // The phrase that makes the mention an attribution, or null for a bare mention.
    private string? Evidence(string text, List<WordSpan> words, int first, int last)
    {
        var start = words[first].Start;
        var end = words[last].End;

        // "(ANTARA) -" / "(AFP) —"
        var open = start - 1;
        while (open >= 0 && text[open] == ' ')
            open--;
        if (open >= 0 && text[open] == '(')
        {
            var close = end;
            while (close < text.Length && text[close] == ' ')
                close++;
            if (close < text.Length && text[close] == ')')
            {
                var dash = close + 1;
                while (dash < text.Length && text[dash] == ' ')
                    dash++;
                if (dash < text.Length && text[dash] is '-' or '–' or '—')
                    return text[open..(dash + 1)];
            }
        }

        // Before: "dilansir dari laman CNN", "according to the AP", "kepada AFP".
        var j = first - 1;
        var fillers = 0;
        while (j >= 0 && fillers < MaxFillers && _fillers.Contains(WordAt(text, words[j])))
        {
            j--;
            fillers++;
        }
        foreach (var cue in _before)
        {
            var from = j - cue.Length + 1;
            if (from < 0)
                continue;
            var match = true;
            for (var k = 0; k < cue.Length && match; k++)
                match = string.Equals(WordAt(text, words[from + k]), cue[k], StringComparison.OrdinalIgnoreCase);
            if (match && !Breaks(text, words[from].Start, start))
                return text[words[from].Start..end];
        }

        // After: "Reuters reported", "Xinhua news agency reported".
        var a = last + 1;
        fillers = 0;
        while (a < words.Count && fillers < MaxFillers && _fillers.Contains(WordAt(text, words[a])))
        {
            a++;
            fillers++;
        }
        if (a < words.Count && _after.Contains(WordAt(text, words[a])) && !Breaks(text, end, words[a].Start))
            return text[start..words[a].End];
        return null;
    }

    // A sentence or line boundary between cue and name means they are not one attribution.
    private static bool Breaks(string text, int from, int to) => text.AsSpan(from, to - from).IndexOfAny(".!?\n;") >= 0;

    private static string WordAt(string text, WordSpan w) => text[w.Start..w.End];

    private void LoadCues()
    {
        using var reader = OpenResource(CuesResource);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 2)
                throw new FormatException($"{CuesResource}: expected position<TAB>phrase in '{line}'");
            var phrase = parts[1].Trim();
            switch (parts[0])
            {
                case "before":
                    _before.Add(phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "after":
                    _after.Add(phrase);
                    break;
                case "filler":
                    _fillers.Add(phrase);
                    break;
                default:
                    throw new FormatException($"{CuesResource}: unknown position '{parts[0]}'");
            }
        }
        // Longest cue first, so "seperti dilaporkan" shows in the evidence rather than "dilaporkan".
        _before.Sort((x, y) => y.Length.CompareTo(x.Length));
    }

    private static List<Agency> ReadBundled()
    {
        using var reader = OpenResource(AgenciesResource);
        return Read(reader);
    }

    private static StreamReader OpenResource(string name)
    {
        var stream = typeof(CitationFinder).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        return new StreamReader(stream, Encoding.UTF8);
    }

    private static List<Agency> Read(TextReader reader)
    {
        var agencies = new List<Agency>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line[0] == '#')
                continue;
            var parts = line.Split('\t');
            if (parts.Length != 3 || parts[0].Trim().Length == 0)
                throw new FormatException($"agency list line {lineNumber}: expected canonical<TAB>kind<TAB>alias|alias…");
            var aliases = parts[2].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
            if (!aliases.Contains(parts[0].Trim(), StringComparer.Ordinal))
                aliases.Insert(0, parts[0].Trim());
            agencies.Add(new Agency(parts[0].Trim(), parts[1].Trim(), aliases));
        }
        return agencies;
    }
}
