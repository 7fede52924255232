namespace Warta.Ingest;

/// <summary>The stable reason codes of <see cref="Model.InputError"/>; <c>warta stats</c> groups rejections by them.</summary>
public static class InputErrorReasons
{
    /// <summary>The path does not exist.</summary>
    public const string NotFound = "not-found";

    /// <summary>The file or record has no bytes (or only white space).</summary>
    public const string Empty = "empty";

    /// <summary>The content is not text: NUL bytes or many control characters.</summary>
    public const string Binary = "binary";

    /// <summary>The item is larger than <see cref="ReaderOptions.MaxItemBytes"/>.</summary>
    public const string TooLarge = "too-large";

    /// <summary>A gzip stream or WARC record ends early; what came before it was still read.</summary>
    public const string Truncated = "truncated";

    /// <summary>A JSONL line is not a JSON object.</summary>
    public const string InvalidJson = "invalid-json";

    /// <summary>A JSONL record has none of <c>title</c>, <c>text</c>, <c>html</c>.</summary>
    public const string NoUsableField = "no-usable-field";

    /// <summary>A WARC file breaks the format (bad version line, missing Content-Length, …).</summary>
    public const string InvalidWarc = "invalid-warc";

    /// <summary>A WARC record's payload is not text or HTML (an image, a PDF, …).</summary>
    public const string UnsupportedContent = "unsupported-content";

    /// <summary>The file cannot be read (permissions, I/O error).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The pipeline failed on the item (a bug: please report it with the input).</summary>
    public const string ProcessingFailed = "processing-failed";
}
