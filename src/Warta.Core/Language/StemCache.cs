using System.Collections.Concurrent;

namespace Warta.Language;

/// <summary>
/// A thread-safe memo of a stemmer, bounded: past <see cref="Capacity"/> distinct words it stems without
/// remembering. Stemming (Sastrawi's dictionary and affix rules) dominates indexing, snippets and story terms, and
/// news vocabulary repeats heavily, so nearly every word after the first few thousand articles is a lookup.
/// </summary>
public sealed class StemCache
{
    private readonly Func<string, string> _stem;

    public StemCache(Func<string, string> stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        _stem = stem;
        _bySpan = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public const int Capacity = 200_000;

    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

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

        var stemmed = _stem(word);
        if (_stems.Count < Capacity)
        {
            _stems.TryAdd(word, stemmed);
        }

        return stemmed;
    }

    /// <summary>The stem of a word held in a buffer; allocates only for a word not seen before.</summary>
    public string Stem(ReadOnlySpan<char> word) =>
        _bySpan.TryGetValue(word, out var known) ? known : Stem(word.ToString());
}
