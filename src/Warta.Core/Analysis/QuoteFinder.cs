using System.Collections.Frozen;
using Warta.Language;
using Warta.Model;

namespace Warta.Analysis;

/// <summary>
/// Finds direct quotes (curly or straight, nested quotes kept inside) attributed by a reporting verb before or
/// after them, and indirect speech ("X mengatakan bahwa …", "X said that …", "menurut X, …"). A speaker is
/// resolved to an entity's canonical name; a verb with "-nya" ("lanjutnya", "katanya") continues the previous
/// quote's speaker.
/// </summary>
internal static class QuoteFinder
{
    /// <summary>Verbs that attribute a quote written before them ("…,” kata Wang"); lowercase.</summary>
    private static readonly FrozenSet<string> AfterVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "kata", "ujar", "ungkap", "tutur", "jelas", "tegas", "lanjut", "imbuh", "tambah", "sebut", "papar", "terang",
        "ucap", "tandas", "pungkas", "seru", "tulis", "katanya", "ujarnya", "ungkapnya", "tuturnya", "jelasnya",
        "tegasnya", "lanjutnya", "imbuhnya", "tambahnya", "sebutnya", "paparnya", "terangnya", "ucapnya", "tandasnya",
        "pungkasnya", "tulisnya", "said", "says", "told", "added", "asked", "wrote", "explained", "stated", "noted",
        "continued", "insisted", "warned", "tweeted", "according",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that introduce speech after them ("X mengatakan, “…”", "X said that …"); lowercase.</summary>
    private static readonly FrozenSet<string> BeforeVerbs = new HashSet<string>(StringComparer.Ordinal)
    {
        "mengatakan", "menyatakan", "berkata", "menegaskan", "menjelaskan", "mengungkapkan", "menyebut", "menyebutkan",
        "menuturkan", "menambahkan", "mengklaim", "menilai", "said", "says", "told", "stated", "added", "claimed",
        "warned", "argued", "insisted",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The before-verbs and "menurut" by first letter and length: most tokens match neither, and are not lowercased
    // to be looked up.
    private static readonly InitialAndLengthFilter IndirectCues = new([.. BeforeVerbs, "menurut"]);

    private static readonly FrozenSet<string> SpeakerStop = new HashSet<string>(StringComparer.Ordinal)
    {
        "dikutip", "seperti", "kepada", "saat", "ketika", "dalam", "di", "pada", "dari", "to", "in", "at", "on",
        "during", "when", "after", "yang", "who", "dan", "and",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<Quote> Find(TextUnits units, IReadOnlyList<EntityMention> entities)
    {
        var quotes = new List<Quote>();
        var quoted = new List<(int Start, int End)>();
        string? lastSpeaker = null;
        foreach (var (open, close) in QuoteSpans(units.Text))
        {
            var content = units.Text.AsSpan(open + 1, close - open - 1).Trim();
            // Scare quotes ("kekuatan eksternal") name a phrase; a quote that is speech is a clause.
            if (CountWords(content) < 4)
                continue;
            var (speaker, verb, continues) = AttributionAfter(units, close, entities);
            if (verb is null)
                (speaker, verb) = AttributionBefore(units, open, entities);
            if (verb is null)
                continue;
            if (continues && speaker is null)
                speaker = lastSpeaker;
            lastSpeaker = speaker ?? lastSpeaker;
            quotes.Add(new Quote(content.TrimEnd(", ").ToString(), speaker, verb, "direct"));
            quoted.Add((open, close));
        }

        quotes.AddRange(Indirect(units, entities, quoted));
        return quotes;
    }

    /// <summary>(open, close) character offsets of outermost quotes; curly quotes nest, straight quotes toggle.</summary>
    internal static List<(int Open, int Close)> QuoteSpans(string text)
    {
        var spans = new List<(int, int)>();
        var depth = 0;
        var open = -1;
        var straightOpen = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // A quote never crosses a paragraph here: an unclosed one is dropped.
                depth = 0;
                open = straightOpen = -1;
            }
            else if (c == '“')
            {
                if (depth++ == 0)
                    open = i;
            }
            else if (c == '”' && depth > 0)
            {
                if (--depth == 0)
                    spans.Add((open, i));
            }
            else if (c == '"' && depth == 0)
            {
                if (straightOpen < 0)
                    straightOpen = i;
                else
                {
                    spans.Add((straightOpen, i));
                    straightOpen = -1;
                }
            }
        }

        return spans;
    }

    private static int IndexAt(TextUnits units, int offset)
    {
        var lo = 0;
        var hi = units.Tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (units.Tokens[mid].Start < offset)
                lo = mid + 1;
            else
                hi = mid;
        }

        return lo;
    }

    private static (string? Speaker, string? Verb, bool Continues) AttributionAfter(TextUnits units, int close, IReadOnlyList<EntityMention> entities)
    {
        var i = IndexAt(units, close + 1);
        var tokens = units.Tokens;
        while (i < tokens.Count && tokens[i].Text is "," or "”" or "\"")
            i++;
        if (i >= tokens.Count)
            return (null, null, false);
        var lower = units.Lower(i);
        if (AfterVerbs.Contains(lower))
        {
            var speaker = SpeakerAt(units, i + 1, entities, forward: true);
            if (lower == "according" && i + 1 < tokens.Count && tokens[i + 1].Text == "to")
                speaker = SpeakerAt(units, i + 2, entities, forward: true);
            return (speaker, tokens[i].Text, lower.EndsWith("nya", StringComparison.Ordinal));
        }

        // English puts the speaker first: "…," Wang said.
        var s = i;
        while (s < tokens.Count && s - i < 5 && tokens[s].Kind == TokenKind.Word && char.IsUpper(tokens[s].Text[0]))
            s++;
        if (s > i && s < tokens.Count && AfterVerbs.Contains(units.Lower(s)))
        {
            // "Governor Andrew Cuomo said": the role is not the name.
            while (i < s - 1 && EntityRecognizer.RoleWords.Contains(units.Lower(i)))
                i++;
            return (Resolve(units.Slice(i, s), tokens[i].Start, entities), tokens[s].Text, false);
        }
        return (null, null, false);
    }

    private static (string? Speaker, string? Verb) AttributionBefore(TextUnits units, int open, IReadOnlyList<EntityMention> entities)
    {
        var i = IndexAt(units, open) - 1;
        while (i >= 0 && units.Tokens[i].Text is "," or ":")
            i--;
        if (i < 0 || !BeforeVerbs.Contains(units.Lower(i)))
            return (null, null);
        return (SpeakerAt(units, i - 1, entities, forward: false), units.Tokens[i].Text);
    }

    /// <summary>The speaker next to a verb: the entity there, or the capitalised words there.</summary>
    private static string? SpeakerAt(TextUnits units, int i, IReadOnlyList<EntityMention> entities, bool forward)
    {
        var tokens = units.Tokens;
        if (i < 0 || i >= tokens.Count)
            return null;
        var entity = entities.FirstOrDefault(e => tokens[i].Start >= e.Start && tokens[i].End <= e.End);
        if (entity is not null)
            return entity.Canonical;
        var step = forward ? 1 : -1;
        var j = i;
        while (j >= 0 && j < tokens.Count && Math.Abs(j - i) < 6 && tokens[j].Kind == TokenKind.Word
            && !SpeakerStop.Contains(units.Lower(j)) && (char.IsUpper(tokens[j].Text[0]) || !forward))
        {
            if (!forward && !char.IsUpper(tokens[j].Text[0]) && Math.Abs(j - i) >= 2)
                break;
            j += step;
        }

        var (first, end) = forward ? (i, j) : (j + 1, i + 1);
        if (end <= first)
            return null;
        return Resolve(units.Slice(first, end), tokens[first].Start, entities);
    }

    /// <summary>A name resolves to the canonical name of an entity it is, or is part of ("Wei" → "Wei Fenghe").</summary>
    private static string Resolve(string name, int at, IReadOnlyList<EntityMention> entities)
    {
        var exact = entities.FirstOrDefault(e => e.Start <= at && at < e.End) ?? entities.FirstOrDefault(e => e.Text == name);
        if (exact is not null)
            return exact.Canonical;
        var part = entities.FirstOrDefault(e => e.Type == "PERSON" && e.Canonical.Split(' ', '-').Contains(name, StringComparer.Ordinal));
        return part?.Canonical ?? name;
    }

    private static IEnumerable<Quote> Indirect(TextUnits units, IReadOnlyList<EntityMention> entities, List<(int Start, int End)> quoted)
    {
        var tokens = units.Tokens;
        foreach (var (first, count) in units.Sentences)
        {
            for (var i = first + 1; i < first + count - 2; i++)
            {
                if (!IndirectCues.MayMatch(tokens[i].Text))
                    continue;
                var lower = units.Lower(i);
                var menurut = lower is "menurut" && i == first;
                if (!BeforeVerbs.Contains(lower) && !menurut)
                    continue;
                if (quoted.Any(q => tokens[i].Start > q.Start && tokens[i].Start < q.End))
                    break;
                var next = i + 1;
                // Direct speech after the verb was handled above.
                if (tokens[next].Text is "“" or "\"" || (tokens[next].Text is "," or ":" && next + 1 < tokens.Count && tokens[next + 1].Text is "“" or "\""))
                    break;
                string? speaker;
                int contentFirst;
                if (menurut)
                {
                    var comma = Enumerable.Range(next, first + count - next).FirstOrDefault(k => tokens[k].Text == ",", -1);
                    if (comma < 0)
                        break;
                    speaker = Resolve(units.Slice(next, comma), tokens[next].Start, entities);
                    contentFirst = comma + 1;
                }
                else
                {
                    speaker = SpeakerAt(units, i - 1, entities, forward: false);
                    contentFirst = next;
                }

                while (contentFirst < first + count && (tokens[contentFirst].Text is "," or ":" || units.Lower(contentFirst) is "bahwa" or "that"))
                    contentFirst++;
                var end = first + count;
                while (end > contentFirst && tokens[end - 1].Kind == TokenKind.Punctuation)
                    end--;
                if (end - contentFirst < 3)
                    break;
                yield return new Quote(units.Slice(contentFirst, end), speaker, tokens[i].Text, "indirect");
                break;
            }
        }
    }

    private static int CountWords(ReadOnlySpan<char> s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
                n++;
            inWord = letter;
        }

        return n;
    }
}
