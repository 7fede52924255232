using System.Collections.Concurrent;

namespace Warta.Language;

/// <summary>
/// A thread-safe memo of a stemmer, bounded: past <see cref="Capacity"/> distinct words it stems without
/// remembering. Stemming (Sastrawi's dictionary and affix rules) dominates indexing, snippets and story terms, and
/// news vocabulary repeats heavily, so nearly every word after the first few thousand articles is a lookup.
/// </summary>
public sealed class StemCache(Func<string, string> stem)
{
    public const int Capacity = 200_000;

    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);

    public static StemCache Indonesian { get; } = new(IndonesianStemmer.Stem);

    public static StemCache English { get; } = new(EnglishStemmer.Stem);

    /// <summary>The cached stemmer of a language ("id" and "ms" share Sastrawi's), or null when it has none.</summary>
    public static StemCache? For(string? language) => language switch
    {
        "id" or "ms" => Indonesian,
        "en" => English,
        _ => null,
    };

    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (_stems.TryGetValue(word, out var known))
        {
            return known;
        }

        var stemmed = stem(word);
        if (_stems.Count < Capacity)
        {
            _stems.TryAdd(word, stemmed);
        }

        return stemmed;
    }
}
