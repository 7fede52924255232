using AngleSharp.Dom;

namespace Warta.Extraction.Html;

/// <summary>What a block of page text is, which decides how it scores and whether it is kept.</summary>
internal enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Quote,
    Preformatted,
    TableRow,
}

/// <summary>One block of visible text in reading order, with the element that holds it and its linked share.</summary>
internal sealed class TextBlock(string text, int linkChars, IElement owner, BlockKind kind)
{
    public string Text { get; } = text;

    public int LinkChars { get; } = linkChars;

    /// <summary>The nearest block-level element around the text.</summary>
    public IElement Owner { get; } = owner;

    public BlockKind Kind { get; } = kind;

    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
}

/// <summary>An element dropped as boilerplate during the walk, with why.</summary>
internal readonly record struct DroppedElement(IElement Element, string Reason);
