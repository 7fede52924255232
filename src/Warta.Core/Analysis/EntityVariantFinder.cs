using Warta.Model;

namespace Warta.Analysis;

/// <summary>
/// A finding about how articles name an entity: <c>role-holder-differs</c> (one article names the holder of a
/// role differently from the others: "Menteri Luar Negeri China Wang Li" vs "Wang Yi"), <c>spelling-variant</c>
/// (names one or two letters apart: "Tokayev" / "Tokaev"), or <c>acronym</c> ("CSTO" = "Organisasi Perjanjian
/// Keamanan Kolektif").
/// </summary>
public sealed record EntityVariantFinding(string Kind, string Type, IReadOnlyList<string> Names, string? Role, IReadOnlyList<string> Sources, string Explanation);

/// <summary>Compares the analysed entities of a set of articles and reports naming variants and conflicts.</summary>
public sealed class EntityVariantFinder
{
    public IReadOnlyList<EntityVariantFinding> Find(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var findings = new List<EntityVariantFinding>();
        findings.AddRange(RoleConflicts(articles));
        findings.AddRange(SpellingVariants(articles));
        findings.AddRange(Acronyms(articles));
        return findings;
    }

    private static IEnumerable<EntityVariantFinding> RoleConflicts(IReadOnlyList<Article> articles)
    {
        // (role, name, source) for every person the text gives a role.
        var holders = articles.SelectMany(a => a.Entities
                .Where(e => e.Type == "PERSON" && e.Role is not null)
                .Select(e => (Role: NormaliseRole(e.Role!), Name: e.Canonical, Raw: e.Role!, a.Source)))
            .Where(h => h.Role.Length > 0)
            .Distinct()
            .ToList();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in holders)
        {
            foreach (var b in holders)
            {
                if (a.Source == b.Source || a.Name == b.Name || string.CompareOrdinal(a.Name, b.Name) > 0)
                    continue;
                if (!SameRole(a.Role, b.Role) || !SimilarNames(a.Name, b.Name))
                    continue;
                var key = a.Name + "|" + b.Name;
                if (!reported.Add(key))
                    continue;
                var role = a.Raw.Length >= b.Raw.Length ? a.Raw : b.Raw;
                yield return new EntityVariantFinding("role-holder-differs", "PERSON", [a.Name, b.Name], role, [a.Source, b.Source],
                    $"\"{a.Name}\" ({a.Source}) and \"{b.Name}\" ({b.Source}) are both named as {role}: one of the articles probably misnames the role-holder.");
            }
        }
    }

    private static IEnumerable<EntityVariantFinding> SpellingVariants(IReadOnlyList<Article> articles)
    {
        var names = articles.SelectMany(a => a.Entities.Select(e => (e.Type, Name: e.Canonical, a.Source)))
            .Where(n => n.Name.Length >= 5)
            .Distinct()
            .GroupBy(n => (n.Type, n.Name))
            .Select(g => (g.Key.Type, g.Key.Name, Sources: g.Select(x => x.Source).ToList()))
            .ToList();
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                var (a, b) = (names[i], names[j]);
                if (a.Type != b.Type || Math.Abs(a.Name.Length - b.Name.Length) > 2)
                    continue;
                var distance = Levenshtein(a.Name, b.Name, 3);
                // One edit per five letters at most, so "Wang Yi" / "Wang Li" (a different person, one letter) is left to the role check.
                if (distance == 0 || distance > Math.Min(2, a.Name.Length / 5) || a.Sources.SequenceEqual(b.Sources))
                    continue;
                if (a.Type == "PERSON" && distance == 1 && a.Name.Length < 8)
                    continue;
                yield return new EntityVariantFinding("spelling-variant", a.Type, [a.Name, b.Name], null, [.. a.Sources.Concat(b.Sources).Distinct(StringComparer.Ordinal)],
                    $"\"{a.Name}\" and \"{b.Name}\" differ by {distance} letter(s): probably one entity spelt two ways.");
            }
        }
    }

    private static IEnumerable<EntityVariantFinding> Acronyms(IReadOnlyList<Article> articles)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var article in articles)
        {
            foreach (var e in article.Entities)
            {
                if (e.Text == e.Canonical || e.Text.Contains(' ', StringComparison.Ordinal) || !e.Text.All(c => char.IsUpper(c) || char.IsDigit(c)))
                    continue;
                if (seen.Add((e.Text, e.Canonical)))
                    yield return new EntityVariantFinding("acronym", e.Type, [e.Text, e.Canonical], null, [article.Source], $"\"{e.Text}\" stands for \"{e.Canonical}\".");
            }
        }
    }

    /// <summary>Lowercase role words only: "Menteri Luar Negeri China" and "Menteri Luar Negeri ," compare on "menteri luar negeri".</summary>
    internal static string NormaliseRole(string role) =>
        string.Join(' ', role.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant())
            .Where(EntityRecognizer.RoleWords.Contains));

    private static bool SameRole(string a, string b) => a == b;

    /// <summary>Names that share a word ("Wang Yi" / "Wang Li") or are two letters apart.</summary>
    private static bool SimilarNames(string a, string b)
    {
        var wordsA = a.Split(' ', '-');
        var wordsB = b.Split(' ', '-');
        return wordsA.Intersect(wordsB, StringComparer.Ordinal).Any() || Levenshtein(a, b, 3) <= 2;
    }

    /// <summary>Edit distance, stopping at <paramref name="cap"/>.</summary>
    internal static int Levenshtein(string a, string b, int cap)
    {
        if (Math.Abs(a.Length - b.Length) >= cap)
            return cap;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin >= cap)
                return cap;
            (previous, current) = (current, previous);
        }

        return Math.Min(previous[b.Length], cap);
    }
}
