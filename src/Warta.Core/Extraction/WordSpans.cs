namespace Warta.Extraction;

/// <summary>A word of a text as its UTF-16 offsets, end exclusive: a run of letters and digits.</summary>
internal readonly record struct WordSpan(int Start, int End)
{
    public int Length => End - Start;

    /// <summary>The words of <paramref name="text"/> in order, at most <paramref name="max"/> of them.</summary>
    public static List<WordSpan> Find(string text, int max = int.MaxValue)
    {
        var words = new List<WordSpan>(Math.Min(max, text.Length / 6 + 1));
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(new WordSpan(start, i));
                start = -1;
                if (words.Count == max)
                    break;
            }
        }
        return words;
    }
}
