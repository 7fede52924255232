namespace Warta.Language;

/// <summary>
/// Stopword lists: Indonesian from stopwords-iso (MIT, Resources/lang/stopwords-id.txt), English the classic
/// Snowball list (Resources/lang/stopwords-en.txt). Lowercase, ordinal.
/// </summary>
public static class Stopwords
{
    private static readonly Lazy<IReadOnlySet<string>> Indonesian = new(() => Load("stopwords-id.txt"));
    private static readonly Lazy<IReadOnlySet<string>> English = new(() => Load("stopwords-en.txt"));
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The stopwords of a language ("id", "ms" share Indonesian's; "en"); empty for any other.</summary>
    public static IReadOnlySet<string> For(string? language) => language switch
    {
        "id" or "ms" => Indonesian.Value,
        "en" => English.Value,
        _ => None,
    };

    private static HashSet<string> Load(string name)
    {
        using var stream = typeof(Stopwords).Assembly.GetManifestResourceStream("Warta.Resources.lang/" + name)
            ?? throw new InvalidOperationException($"The bundled stopword list Resources/lang/{name} is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
                set.Add(word.ToLowerInvariant());
        }

        return set;
    }
}
