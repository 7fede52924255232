namespace Warta.Model;

/// <summary>What kind of body a raw input carries.</summary>
public enum InputKind
{
    /// <summary>Already-extracted text, like the seed documents.</summary>
    Text,

    /// <summary>An HTML page.</summary>
    Html,

    /// <summary>A record with no body at all (a headline-only JSONL record).</summary>
    HeadlineOnly,
}

/// <summary>
/// One crawled item as it arrived: the verbatim bytes plus whatever the container (JSONL record, WARC header,
/// file name) said about it. Readers produce these; the pipeline turns them into <see cref="Article"/>s.
/// </summary>
public sealed record RawInput
{
    /// <summary>Where the item came from, as given: a path, plus <c>#line=N</c> or <c>#record=N</c> inside containers.</summary>
    public required string Source { get; init; }

    public required InputKind Kind { get; init; }

    /// <summary>The verbatim bytes of the item (the file, the JSONL line, the WARC payload); kept in the store.</summary>
    public required ReadOnlyMemory<byte> Raw { get; init; }

    /// <summary>The decoded body: text or HTML; empty for <see cref="InputKind.HeadlineOnly"/>.</summary>
    public required string Body { get; init; }

    /// <summary>The charset the body was decoded from (utf-8, windows-1252, …).</summary>
    public string? Charset { get; init; }

    public string? ExternalId { get; init; }

    public string? Url { get; init; }

    /// <summary>A title given by the container (JSONL <c>title</c>), preferred over one found in the body.</summary>
    public string? Title { get; init; }

    public DateTimeOffset? Published { get; init; }

    public string? Outlet { get; init; }

    public string? Language { get; init; }
}

/// <summary>A per-item failure: the item is skipped with this reason and the batch goes on.</summary>
/// <param name="Source">Where the item came from, as in <see cref="RawInput.Source"/>.</param>
/// <param name="Reason">A stable reason code: <c>empty</c>, <c>binary</c>, <c>too-large</c>, <c>truncated</c>, <c>invalid-json</c>, <c>no-usable-field</c>, <c>unreadable</c>, …</param>
/// <param name="Message">What went wrong and what to do, for a person.</param>
public sealed record InputError(string Source, string Reason, string Message);

/// <summary>One result of reading: an input or an error, never both.</summary>
public readonly record struct ReadResult(RawInput? Input, InputError? Error)
{
    public static ReadResult Ok(RawInput input) => new(input, null);

    public static ReadResult Fail(string source, string reason, string message) => new(null, new InputError(source, reason, message));
}
