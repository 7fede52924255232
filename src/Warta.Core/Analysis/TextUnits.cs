using Warta.Language;

namespace Warta.Analysis;

/// <summary>
/// A text tokenised once and split into sentences, shared by the analysis steps, with each token's lowercase form
/// and sentence computed once (every finder asks for them, token by token).
/// </summary>
internal sealed class TextUnits
{
    /// <summary>Analysis reads at most this many characters of an article, so time and memory stay bounded.</summary>
    public const int MaxChars = 200_000;

    private readonly string?[] _lower;
    private readonly int[] _sentenceOf;

    public TextUnits(string text)
    {
        Text = text.Length > MaxChars ? text[..MaxChars] : text;
        Tokens = Tokenizer.Tokenize(Text);
        Sentences = SentenceSplitter.Bounds(Text, Tokens);
        _lower = new string?[Tokens.Count];
        _sentenceOf = new int[Tokens.Count];
        for (var s = 0; s < Sentences.Count; s++)
            _sentenceOf.AsSpan(Sentences[s].First, Sentences[s].Count).Fill(s);
    }

    public string Text { get; }

    public List<Token> Tokens { get; }

    /// <summary>Each sentence as (first token index, token count).</summary>
    public List<(int First, int Count)> Sentences { get; }

    public int SentenceOf(int tokenIndex) => _sentenceOf[tokenIndex];

    public string Slice(int firstToken, int endToken) =>
        endToken <= firstToken ? string.Empty : Text[Tokens[firstToken].Start..Tokens[endToken - 1].End];

    /// <summary>The token's text in lowercase; the token's own string when it has no capitals (no copy).</summary>
    public string Lower(int tokenIndex) => _lower[tokenIndex] ??= CaseFolding.ToLower(Tokens[tokenIndex].Text);
}
