namespace Warta.Language;

/// <summary>Identifies the language of a text.</summary>
public sealed class LanguageIdentifier
{
    public static LanguageIdentifier CreateDefault() => new();

    // Skeleton: undecided. The language helper replaces this.
    public string? Identify(string text) => null;
}
