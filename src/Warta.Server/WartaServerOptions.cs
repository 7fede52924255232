namespace Warta.Server;

/// <summary>How a <see cref="WartaServer"/> runs; every default suits a local, single-user install.</summary>
public sealed class WartaServerOptions
{
    /// <summary>Holds the articles, the search index (<c>index/</c>) and the API key (<c>api-key</c>); null keeps all in memory.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Address to bind; loopback by default so nothing is exposed unless asked.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; set; } = 5080;

    /// <summary>The write key; null reads <c>WARTA_API_KEY</c>, then the data directory, else generates one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest accepted request body for <c>POST /api/articles</c>, in bytes.</summary>
    public long MaxPostBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest page of <c>/api/articles</c> and <c>/api/search</c> as JSON; the JSONL and CSV exports stream without a cap.</summary>
    public int MaxPageSize { get; set; } = 500;

    /// <summary>
    /// Requests worked on at once (0: no limit). More wait their turn in arrival order: on a machine with few cores,
    /// sharing the CPU among every open request makes one costly search take many times its own CPU time, while a short
    /// queue keeps each request near its own cost plus the wait. One per core measured best on the 100k-article load
    /// (bench/RESULTS-web.md: p99 40–47 ms against 48–52 ms at two per core and 46–50 ms with no limit). Health, metrics
    /// and the streamed exports are not counted.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = Environment.ProcessorCount;

    /// <summary>Requests that may wait for a turn; one more is answered 503 with Retry-After.</summary>
    public int MaxQueuedRequests { get; set; } = 10_000;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host))
        {
            throw new ArgumentException("must name an address such as 127.0.0.1", nameof(Host));
        }

        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "must be between 0 and 65535");
        }

        if (ApiKey is { Length: < 16 })
        {
            throw new ArgumentException("must be at least 16 characters", nameof(ApiKey));
        }

        if (MaxPostBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPostBytes), MaxPostBytes, "must be between 1 KiB and 1 GiB");
        }

        if (MaxConcurrentRequests is < 0 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrentRequests), MaxConcurrentRequests, "must be between 0 (no limit) and 100000");
        }

        if (MaxQueuedRequests is < 0 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxQueuedRequests), MaxQueuedRequests, "must be between 0 and 1000000");
        }

        if (MaxPageSize is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPageSize), MaxPageSize, "must be between 1 and 100000");
        }
    }
}
