namespace Warta.Ingest;

/// <summary>Limits of <see cref="InputReader"/>; every input is bounded.</summary>
public sealed class ReaderOptions
{
    /// <summary>The largest single item (a text or HTML file, a JSONL line, a WARC payload). Default 50 MiB.</summary>
    public long MaxItemBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>The most decompressed bytes read from one gzip file (guards against gzip bombs). Default 4 GiB.</summary>
    public long MaxDecompressedBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    public void Validate()
    {
        if (MaxItemBytes is < 1024 or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxItemBytes), MaxItemBytes, "MaxItemBytes must be between 1 KiB and 2 GiB.");
        }

        if (MaxDecompressedBytes < MaxItemBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDecompressedBytes), MaxDecompressedBytes, "MaxDecompressedBytes must be at least MaxItemBytes.");
        }
    }
}
