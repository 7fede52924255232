using Warta.Language;

namespace Warta.Analysis;

/// <summary>A text tokenised once and split into sentences, shared by the analysis steps.</summary>
internal sealed class TextUnits
{
    /// <summary>Analysis reads at most this many characters of an article, so time and memory stay bounded.</summary>
    public const int MaxChars = 200_000;

    public TextUnits(string text)
    {
        Text = text.Length > MaxChars ? text[..MaxChars] : text;
        Tokens = Tokenizer.Tokenize(Text);
        Sentences = [];
        var index = 0;
        foreach (var sentence in SentenceSplitter.Split(Text, Tokens))
        {
            Sentences.Add((index, sentence.Count));
            index += sentence.Count;
        }
    }

    public string Text { get; }

    public List<Token> Tokens { get; }

    /// <summary>Each sentence as (first token index, token count).</summary>
    public List<(int First, int Count)> Sentences { get; }

    public int SentenceOf(int tokenIndex)
    {
        for (var s = 0; s < Sentences.Count; s++)
        {
            if (tokenIndex < Sentences[s].First + Sentences[s].Count)
                return s;
        }

        return Sentences.Count - 1;
    }

    public string Slice(int firstToken, int endToken) =>
        endToken <= firstToken ? string.Empty : Text[Tokens[firstToken].Start..Tokens[endToken - 1].End];

    public static string Lower(Token token) => token.Text.ToLowerInvariant();
}
