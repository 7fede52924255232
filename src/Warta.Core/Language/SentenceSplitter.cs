namespace Warta.Language;

/// <summary>
/// Splits tokenised text into sentences: after ".", "!", "?" or "…" (and any closing quotes or brackets that
/// follow) when the next token opens a sentence, and always at a blank line. Abbreviations keep their dot inside
/// the token (<see cref="Tokenizer"/>), so "Dr. Wang" and "Jl. Sudirman" never split.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>A sentence longer than this many tokens is cut, so one run-on text cannot stall later stages.</summary>
    public const int MaxTokens = 400;

    /// <summary>The sentences of a text, each a list of its tokens.</summary>
    public static List<List<Token>> Split(string text) => Split(text, Tokenizer.Tokenize(text));

    public static List<List<Token>> Split(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<List<Token>>();
        foreach (var (first, count) in Bounds(text, tokens))
        {
            var sentence = new List<Token>(count);
            for (var i = first; i < first + count; i++)
                sentence.Add(tokens[i]);
            sentences.Add(sentence);
        }

        return sentences;
    }

    /// <summary>The sentences as (first token index, token count), in order, covering every token.</summary>
    public static List<(int First, int Count)> Bounds(string text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<(int First, int Count)>();
        var first = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i > first && ParagraphBreakBefore(text, tokens[i - 1].End, token.Start))
                Flush(i);
            if (i + 1 - first >= MaxTokens)
            {
                Flush(i + 1);
                continue;
            }

            if (!EndsSentence(token))
                continue;
            // Closing quotes and brackets belong to the sentence they close.
            while (i + 1 < tokens.Count && IsCloser(tokens[i + 1].Text) && !ParagraphBreakBefore(text, token.End, tokens[i + 1].Start))
                i++;
            if (i + 1 >= tokens.Count || OpensSentence(tokens[i + 1]))
                Flush(i + 1);
        }

        Flush(tokens.Count);
        return sentences;

        void Flush(int end)
        {
            if (end > first)
                sentences.Add((first, end - first));
            first = end;
        }
    }

    private static bool EndsSentence(Token token)
    {
        if (token.Kind == TokenKind.Punctuation)
            return token.Text is "." or "!" or "?" or "…" or "..." or "。" or "！" or "？";
        if (token.Kind != TokenKind.Word || !token.Text.EndsWith('.'))
            return false;
        var bare = token.Text[..^1].ToLowerInvariant();
        return Tokenizer.SentenceFinalAbbreviations.Contains(bare);
    }

    private static bool OpensSentence(Token next) =>
        next.Kind == TokenKind.Number
        || (next.Text.Length > 0 && (char.IsUpper(next.Text[0]) || IsCaseless(next.Text[0]) || IsOpener(next.Text) || next.Text[0] is '-' or '—' or '•'));

    // Scripts without case (Han, Thai, Arabic, …) cannot signal a sentence start by a capital: any letter may open one.
    private static bool IsCaseless(char c) => char.IsLetter(c) && !char.IsLower(c) && !char.IsUpper(c);

    private static bool IsCloser(string t) => t is "\"" or "”" or "’" or "'" or ")" or "]" or "»";

    private static bool IsOpener(string t) => t is "\"" or "“" or "‘" or "'" or "(" or "[" or "«";

    private static bool ParagraphBreakBefore(string text, int from, int to)
    {
        var newlines = 0;
        for (var i = from; i < to && i < text.Length; i++)
        {
            if (text[i] == '\n')
                newlines++;
        }

        return newlines >= 2;
    }
}
