using System.Collections.Frozen;
using System.Runtime.InteropServices;
using Warta.Extraction;
using Warta.Language;
using Warta.Model;

namespace Warta.Analysis;

/// <summary>
/// Finds PERSON / ORGANIZATION / LOCATION mentions with <see cref="NerTagger"/>, attaches the role written before
/// a person ("Menteri Luar Negeri China Wang Li", "Presiden Kazakh, Kassym-Jomart Tokayev"), links an acronym to
/// the name it is introduced with ("Organisasi Perjanjian Keamanan Kolektif (CSTO)"), and gives every mention
/// a canonical name within the article: a short form takes the longest full name it is part of ("Wang" → "Wang Yi").
/// </summary>
internal sealed class EntityRecognizer
{
    /// <summary>Words that head or continue a role written before a name, lowercase.</summary>
    internal static readonly FrozenSet<string> RoleWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "presiden", "wakil", "menteri", "menlu", "menhan", "luar", "dalam", "negeri", "pertahanan", "keuangan",
        "perdana", "ketua", "umum", "gubernur", "bupati", "wali", "kota", "walikota", "direktur", "utama", "kepala",
        "juru", "bicara", "jubir", "sekretaris", "jenderal", "panglima", "kapolri", "kapolda", "kapolres", "raja",
        "ratu", "pangeran", "duta", "besar", "anggota", "dewan", "pimpinan", "komisaris", "koordinator", "senator",
        "president", "vice", "minister", "prime", "foreign", "defence", "defense", "finance", "secretary", "general",
        "chairman", "chairwoman", "chief", "executive", "ceo", "governor", "mayor", "spokesman", "spokeswoman",
        "spokesperson", "ambassador", "king", "queen", "prince", "director", "head", "leader", "senior", "deputy",
        "state", "interior", "affairs", "of", "the", "pemimpin", "tokoh", "pelatih", "kapten", "coach", "mantan",
        "former", "hakim", "jaksa", "agung", "kanselir", "chancellor", "pm", "dubes",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> RoleHeads = new HashSet<string>(StringComparer.Ordinal)
    {
        "presiden", "wakil", "menteri", "menlu", "menhan", "perdana", "ketua", "gubernur", "bupati", "wali", "walikota",
        "direktur", "kepala", "juru", "jubir", "sekretaris", "panglima", "kapolri", "kapolda", "kapolres", "raja", "ratu",
        "pangeran", "duta", "dubes", "anggota", "senator", "president", "vice", "minister", "prime", "foreign",
        "defence", "defense", "secretary", "chairman", "chairwoman", "chief", "governor", "mayor", "spokesman",
        "spokeswoman", "spokesperson", "ambassador", "king", "queen", "prince", "director", "head", "leader", "deputy",
        "pemimpin", "pelatih", "kapten", "coach", "mantan", "former", "hakim", "jaksa", "kanselir", "chancellor", "pm",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The role heads by first letter and length: most words are none, and are not lowercased to be looked up.
    private static readonly InitialAndLengthFilter RoleHeadInitials = new(RoleHeads);

    // Indexed by (tag id + 1) / 2 over NerTagger.Tags.
    private static readonly string[] TypeNames = ["", "PER", "ORG", "LOC"];

    private readonly NerTagger _tagger;

    public EntityRecognizer(NerTagger tagger) => _tagger = tagger;

    public List<EntityMention> Find(TextUnits units)
    {
        var raw = new List<(int First, int End, string Type)>();
        var tokens = CollectionsMarshal.AsSpan(units.Tokens);
        var tags = new int[SentenceSplitter.MaxTokens];
        foreach (var (first, count) in units.Sentences)
        {
            if (IsTitleCase(units, first, count))
                continue;
            if (tags.Length < count)
                tags = new int[count];
            _tagger.Tag(tokens.Slice(first, count), tags);
            var start = -1;
            var type = 0;
            for (var i = 0; i <= count; i++)
            {
                // Tag ids: 0 = O, odd = B-X, even = I-X; (id + 1) / 2 names the type.
                var tag = i < count ? tags[i] : 0;
                if (tag != 0 && tag % 2 == 0 && start >= 0 && (tag + 1) / 2 == type)
                    continue;
                if (start >= 0)
                    raw.Add(Trim(units, first + start, first + i, TypeNames[type]));
                start = -1;
                if (tag != 0)
                {
                    start = i;
                    type = (tag + 1) / 2;
                }
            }
        }

        var mentions = new List<EntityMention>();
        foreach (var (first, end, type) in raw)
        {
            if (end <= first)
                continue;
            var (personFirst, role) = type == "PER" ? SplitRole(units, first, end) : (first, null);
            if (personFirst >= end)
                continue;
            var text = units.Slice(personFirst, end);
            mentions.Add(new EntityMention(text, LongType(type), text, units.Tokens[personFirst].Start, units.Tokens[end - 1].End)
            {
                Role = role ?? (type == "PER" ? RoleBefore(units, personFirst) : null),
            });
        }

        // Spans longer than a name are a headline or a menu the tagger misread.
        mentions.RemoveAll(m => m.Text.AsSpan().Count(' ') >= 5);
        AddRolePersons(units, mentions);
        AddAcronyms(units, mentions);
        Harmonise(mentions);
        return NameAgencies(units, Canonicalise(mentions));
    }

    /// <summary>A line whose words are mostly capitalised (a headline, a menu) gives the tagger no case signal.</summary>
    private static bool IsTitleCase(TextUnits units, int first, int count)
    {
        var words = 0;
        var capitalised = 0;
        for (var i = first; i < first + count; i++)
        {
            var t = units.Tokens[i];
            if (t.Kind != TokenKind.Word)
                continue;
            words++;
            if (char.IsUpper(t.Text[0]))
                capitalised++;
        }

        return words >= 4 && capitalised * 4 >= words * 3;
    }

    /// <summary>
    /// A role followed by capitalised words names a person: "Menteri Luar Negeri China Wang Li", "Presiden Kazakh,
    /// Kassym-Jomart Tokayev", "Menteri Pertahanan Wei Fenghe". A capitalised word after the role that the article
    /// elsewhere tags as a place ("China") belongs to the role; so does one before a comma ("Kazakh,").
    /// </summary>
    private static void AddRolePersons(TextUnits units, List<EntityMention> mentions)
    {
        var places = mentions.Where(m => m.Type == "LOCATION" && !m.Text.Contains(' ', StringComparison.Ordinal))
            .Select(m => m.Text).ToHashSet(StringComparer.Ordinal);
        var tokens = units.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            // Role heads are words: a number or a mark is passed over without a lookup.
            if (tokens[i].Kind != TokenKind.Word || !RoleHeadInitials.MayMatch(tokens[i].Text) || !RoleHeads.Contains(units.Lower(i)))
                continue;

            var sentence = units.Sentences[units.SentenceOf(i)];
            var sentenceEnd = sentence.First + sentence.Count;
            var j = i + 1;
            while (j < sentenceEnd && RoleWords.Contains(units.Lower(j)))
                j++;
            var roleEnd = j;
            if (j + 1 < sentenceEnd && IsCapitalised(tokens[j]) && tokens[j + 1].Text == ",")
                roleEnd = j += 1;
            var comma = j < sentenceEnd && tokens[j].Text == ",";
            if (comma)
                j++;
            var nameFirst = j;
            while (j < sentenceEnd && j - nameFirst < 4 && IsCapitalised(tokens[j]) && !RoleWords.Contains(units.Lower(j)))
                j++;
            if (!comma && j > nameFirst + 1 && places.Contains(tokens[nameFirst].Text))
                roleEnd = ++nameFirst;
            if (j == nameFirst || (j == nameFirst + 1 && places.Contains(tokens[nameFirst].Text)))
                continue;
            var start = tokens[nameFirst].Start;
            var end = tokens[j - 1].End;
            RemoveCovered(mentions, start, end, tokens[i].Start);
            var text = units.Slice(nameFirst, j);
            mentions.Add(new EntityMention(text, "PERSON", text, start, end) { Role = units.Slice(i, roleEnd).TrimEnd(',', ' ') });
            i = j - 1;
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    /// <summary>Drops the mentions a role person replaces: any overlapping its name, and persons inside its role.</summary>
    // A method of its own so the predicate's closure is allocated per role person, not per token of the loop.
    private static void RemoveCovered(List<EntityMention> mentions, int start, int end, int roleStart) =>
        mentions.RemoveAll(m => (m.Start < end && m.End > start) || (m.Type == "PERSON" && m.Start >= roleStart && m.End <= start));

    private static bool IsCapitalised(Token token) => token.Kind == TokenKind.Word && char.IsUpper(token.Text[0]);

    /// <summary>
    /// One name, one type: a name a role marks as a person is a person wherever it appears, and a single word that
    /// is part of a person's name is that person ("Wang" after "Wang Yi"); otherwise the majority type wins.
    /// </summary>
    private static void Harmonise(List<EntityMention> mentions)
    {
        var persons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Type == "PERSON" && m.Role is not null)
                persons.Add(m.Text);
        }

        var personParts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (persons.Contains(m.Text) && m.Text.Contains(' ', StringComparison.Ordinal))
                personParts.UnionWith(m.Text.Split(' ', '-'));
        }

        var majority = Majorities(mentions);
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            var type = persons.Contains(m.Text) || personParts.Contains(m.Text) ? "PERSON" : majority[m.Text].Type;
            if (type != m.Type)
                mentions[k] = m with { Type = type };
        }
    }

    /// <summary>
    /// For every mention text, the type most of its mentions have; a tie goes to the type first in ordinal order.
    /// Counted over the mentions as they are before any changes type, so all mentions of a text get one answer.
    /// </summary>
    private static Dictionary<string, (string Type, int Count)> Majorities(List<EntityMention> mentions)
    {
        var counts = new Dictionary<(string Text, string Type), int>();
        foreach (var m in mentions)
            CollectionsMarshal.GetValueRefOrAddDefault(counts, (m.Text, m.Type), out _)++;
        var best = new Dictionary<string, (string Type, int Count)>(StringComparer.Ordinal);
        foreach (var ((text, type), count) in counts)
        {
            ref var b = ref CollectionsMarshal.GetValueRefOrAddDefault(best, text, out var exists);
            if (!exists || count > b.Count || (count == b.Count && string.CompareOrdinal(type, b.Type) < 0))
                b = (type, count);
        }

        return best;
    }

    public static string LongType(string type) => type switch
    {
        "PER" => "PERSON",
        "ORG" => "ORGANIZATION",
        _ => "LOCATION",
    };

    // Trailing punctuation never belongs to a name.
    private static (int, int, string) Trim(TextUnits units, int first, int end, string type)
    {
        while (end > first && units.Tokens[end - 1].Kind == TokenKind.Punctuation)
            end--;
        while (first < end && units.Tokens[first].Kind == TokenKind.Punctuation)
            first++;
        return (first, end, type);
    }

    // The tagger sometimes takes a role into the person span ("Presiden Tokayev"): the role words move to Role.
    private static (int First, string? Role) SplitRole(TextUnits units, int first, int end)
    {
        var i = first;
        while (i < end - 1 && RoleWords.Contains(units.Lower(i)))
            i++;
        if (i == first)
            return (first, null);
        return (i, units.Slice(first, i));
    }

    /// <summary>The role written just before a person: role words, an optional nationality or organisation, a comma.</summary>
    private static string? RoleBefore(TextUnits units, int personFirst)
    {
        var sentenceFirst = units.Sentences[units.SentenceOf(personFirst)].First;
        var i = personFirst - 1;
        if (i >= sentenceFirst && units.Tokens[i].Text == ",")
            i--;
        var end = i + 1;
        var headFound = -1;
        var capitalised = 0;
        while (i >= sentenceFirst && personFirst - i <= 8)
        {
            var token = units.Tokens[i];
            var lower = units.Lower(i);
            if (RoleWords.Contains(lower))
            {
                if (RoleHeads.Contains(lower))
                    headFound = i;
            }
            else if (token.Kind == TokenKind.Word && char.IsUpper(token.Text[0]) && capitalised < 2 && headFound < 0)
                capitalised++;
            else
                break;
            i--;
        }

        return headFound < 0 ? null : units.Slice(headFound, end);
    }

    /// <summary>"Organisasi Perjanjian Keamanan Kolektif (CSTO)": the acronym becomes a mention of the long name.</summary>
    private static void AddAcronyms(TextUnits units, List<EntityMention> mentions)
    {
        var tokens = units.Tokens;
        var expansions = new Dictionary<string, (string Name, string Type)>(StringComparer.Ordinal);
        for (var i = 1; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Text != "(" || tokens[i + 2].Text != ")" || !IsAcronym(tokens[i + 1].Text))
                continue;
            var named = LastNonPersonEndingAt(mentions, tokens[i - 1].End)
                ?? LongestCapitalisedRun(units, i, tokens[i + 1].Text);
            if (named is null)
                continue;
            expansions.TryAdd(tokens[i + 1].Text, (named.Text, named.Type));
            if (!mentions.Contains(named))
                mentions.Add(named);
        }

        if (expansions.Count == 0)
            return;
        // Mentions the tagger found for the acronym drop out; every occurrence is added once below.
        mentions.RemoveAll(m => expansions.ContainsKey(m.Text));
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Word && expansions.TryGetValue(token.Text, out var e))
                mentions.Add(new EntityMention(token.Text, e.Type, e.Name, token.Start, token.End));
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    private static EntityMention? LastNonPersonEndingAt(List<EntityMention> mentions, int end)
    {
        for (var k = mentions.Count - 1; k >= 0; k--)
        {
            if (mentions[k].End == end && mentions[k].Type != "PERSON")
                return mentions[k];
        }

        return null;
    }

    private static EntityMention? LongestCapitalisedRun(TextUnits units, int paren, string acronym)
    {
        var first = paren;
        var capitals = 0;
        while (first - 1 >= 0 && paren - first < 8)
        {
            var t = units.Tokens[first - 1];
            if (t.Kind != TokenKind.Word || !char.IsUpper(t.Text[0]))
                break;
            first--;
            capitals++;
        }

        // The run must be about as long as the acronym, so "di Jakarta (ANTARA)" does not make ANTARA a city.
        if (capitals < 2 || capitals + 2 < acronym.Length)
            return null;
        var text = units.Slice(first, paren);
        return new EntityMention(text, "ORGANIZATION", text, units.Tokens[first].Start, units.Tokens[paren - 1].End);
    }

    private static bool IsAcronym(string word)
    {
        if (word.Length is < 2 or > 8)
            return false;
        foreach (var c in word)
        {
            if (!char.IsUpper(c) && !char.IsDigit(c))
                return false;
        }

        return true;
    }

    /// <summary>
    /// A mention that is an alias of a known agency or outlet (Resources/agencies.tsv: "Russia Today", "Russian
    /// Today" and "RT" are RT) is that organisation, under its canonical name, whatever the tagger said. Aliases of
    /// four characters or fewer match only with their exact capitalisation, as in <see cref="CitationFinder"/>.
    /// </summary>
    private static List<EntityMention> NameAgencies(TextUnits units, List<EntityMention> mentions)
    {
        var (exact, folded) = AgencyAliases.Value;
        // A short alias the tagger missed ("kepada RT") is the organisation when the article also names it in full
        // ("Russia Today"): alone, "RT" in Indonesian is far more often a neighbourhood ("RT 03/RW 04") and "AA" a
        // person's initials.
        var namedInFull = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (folded.TryGetValue(m.Text, out var full))
                namedInFull.Add(full);
        }

        var added = false;
        foreach (var token in units.Tokens)
        {
            if (namedInFull.Count > 0 && token.Kind == TokenKind.Word && token.Text.Length <= 4 && exact.TryGetValue(token.Text, out var name)
                && namedInFull.Contains(name) && !Overlaps(mentions, token.Start, token.End))
            {
                mentions.Add(new EntityMention(token.Text, "ORGANIZATION", name, token.Start, token.End));
                added = true;
            }
        }

        if (added)
            mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var k = 0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            // A short alias the tagger took for a place or a person ("RT 03" in an address) stays what it was,
            // unless the article names the organisation in full.
            if ((folded.TryGetValue(m.Text, out var agency)
                    || (exact.TryGetValue(m.Text, out agency) && (m.Type == "ORGANIZATION" || namedInFull.Contains(agency))))
                && (m.Canonical != agency || m.Type != "ORGANIZATION"))
                mentions[k] = m with { Type = "ORGANIZATION", Canonical = agency };
        }

        return mentions;
    }

    private static bool Overlaps(List<EntityMention> mentions, int start, int end)
    {
        foreach (var m in mentions)
        {
            if (m.Start < end && m.End > start)
                return true;
        }

        return false;
    }

    private static readonly Lazy<(FrozenDictionary<string, string> Exact, FrozenDictionary<string, string> Folded)> AgencyAliases = new(() =>
    {
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var folded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var agency in CitationFinder.CreateDefault().Agencies)
        {
            foreach (var alias in agency.Aliases)
                (alias.Length <= 4 ? exact : folded).TryAdd(alias, agency.Canonical);
        }

        return (exact.ToFrozenDictionary(StringComparer.Ordinal), folded.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    });

    /// <summary>A mention that is part of a longer mention of the same type takes the longer one's name.</summary>
    private static List<EntityMention> Canonicalise(List<EntityMention> mentions)
    {
        // Full names of two to four parts; a name without a space or hyphen is one part and never a full name.
        var full = new List<(string Type, string Name, string[] Parts)>();
        foreach (var m in mentions)
        {
            if (m.Canonical != m.Text || m.Text.AsSpan().IndexOfAny(' ', '-') < 0)
                continue;
            var parts = m.Text.Split(' ', '-');
            if (parts.Length <= 4)
                full.Add((m.Type, m.Text, parts));
        }

        var result = new List<EntityMention>(mentions.Count);
        foreach (var m in mentions)
        {
            if (m.Canonical != m.Text || m.Text.Contains(' ', StringComparison.Ordinal))
            {
                result.Add(m);
                continue;
            }

            // The first full name in the article wins: news introduces a person in full before shortening.
            var longer = FirstFullNameWith(full, m.Type, m.Text);
            result.Add(longer is null ? m : m with { Canonical = longer });
        }

        return result;
    }

    private static string? FirstFullNameWith(List<(string Type, string Name, string[] Parts)> full, string type, string part)
    {
        foreach (var f in full)
        {
            if (f.Type == type && f.Name != part && Array.IndexOf(f.Parts, part) >= 0)
                return f.Name;
        }

        return null;
    }
}
