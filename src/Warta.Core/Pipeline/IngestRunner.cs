using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Warta.Ingest;
using Warta.Model;
using Warta.Storage;

namespace Warta.Pipeline;

/// <summary>Counts of one ingest run, as reported to progress callbacks and at the end.</summary>
public sealed record IngestProgress(long Read, long Stored, long Unchanged, long Rejected, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed.TotalSeconds > 0 ? (Stored + Unchanged) / Elapsed.TotalSeconds : 0;
}

/// <summary>Options for <see cref="IngestRunner"/>.</summary>
public sealed class IngestOptions
{
    /// <summary>Items per transaction; larger batches are faster, smaller ones report sooner. Default 512.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Threads that run the pipeline on a batch. Default: one per core.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Reader limits (item size and so on).</summary>
    public ReaderOptions? Reader { get; init; }

    public void Validate()
    {
        if (BatchSize is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be between 1 and 100,000.");
        }

        if (Parallelism is < 1 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(Parallelism), Parallelism, "Parallelism must be between 1 and 256.");
        }

        Reader?.Validate();
    }
}

/// <summary>
/// Reads inputs, runs the pipeline on them in parallel, and stores them in batched transactions from one writer.
/// A batch is reported as stored only after its transaction commits, so a killed run loses nothing it reported;
/// re-running it skips what is already stored.
/// </summary>
public sealed class IngestRunner
{
    private readonly ArticleStore _store;
    private readonly ArticlePipeline _pipeline;
    private readonly IngestOptions _options;
    private readonly HeapCompactor _compactor = new();

    public IngestRunner(ArticleStore store, ArticlePipeline? pipeline = null, IngestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _options = options ?? new IngestOptions();
        _options.Validate();
        _store = store;
        _pipeline = pipeline ?? new ArticlePipeline();
    }

    /// <summary>Ingests every item under <paramref name="paths"/> ("-" is standard input).</summary>
    public Task<IngestProgress> RunAsync(IEnumerable<string> paths, Action<IngestProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(new InputReader(_options.Reader).Read(paths, cancellationToken), progress, cancellationToken);

    /// <summary>
    /// Ingests already-read results (from any reader). Three stages overlap so both cores stay busy: one thread reads
    /// and parses the next batches, the pipeline runs on a batch in parallel, and one writer commits the previous
    /// batch. Batches keep input order. A failing stage stops the others and its exception is rethrown here.
    /// </summary>
    public async Task<IngestProgress> RunAsync(IEnumerable<ReadResult> results, Action<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var clock = Stopwatch.StartNew();
        long read = 0, stored = 0, unchanged = 0, rejected = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var cancel = stop.Token;
        var chunks = Channel.CreateBounded<ReadResult[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var batches = Channel.CreateBounded<Processed[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });

        // Reading is blocking I/O and parsing: a thread of its own, so the pool's threads run only the pipeline. Its
        // failure reaches the pipeline loop through the channel.
        var reader = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    foreach (var chunk in results.Chunk(_options.BatchSize))
                    {
                        cancel.ThrowIfCancellationRequested();
                        Interlocked.Add(ref read, chunk.Length);
                        chunks.Writer.WriteAsync(chunk, cancel).AsTask().GetAwaiter().GetResult();
                    }

                    chunks.Writer.TryComplete();
                }
#pragma warning disable CA1031 // Any failure of the reader ends the run; the pipeline loop rethrows it.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    chunks.Writer.TryComplete(e);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        var writer = Task.Run(
            async () =>
            {
                try
                {
                    // Only the caller cancels the writer: when the reader fails, the batches before the failure still get stored.
                    await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var errors = batch.Where(p => p.Error is not null).Select(p => p.Error!).ToList();
                        var articles = batch.Where(p => p.Article is not null).Select(p => p.Article!).ToList();
                        foreach (var result in _store.AddBatch(articles))
                        {
                            if (result.Outcome == StoreOutcome.Stored)
                            {
                                stored++;
                            }
                            else
                            {
                                unchanged++;
                            }
                        }

                        _store.AddRejections(errors);
                        rejected += errors.Count;
                        progress?.Invoke(new IngestProgress(Interlocked.Read(ref read), stored, unchanged, rejected, clock.Elapsed));
                        _compactor.MaybeCompact();
                    }
                }
                catch
                {
                    // A failed write stops the reader and the pipeline at once, instead of leaving them blocked on a full channel.
                    await stop.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            },
            CancellationToken.None);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancel };
        Exception? failure = null;
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancel).ConfigureAwait(false))
            {
                var processed = new Processed[chunk.Length];
                Parallel.For(0, chunk.Length, parallel, i => processed[i] = Process(chunk[i]));
                await batches.Writer.WriteAsync(processed, cancel).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Kept and rethrown below, once the writer and the reader have stopped.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
            await stop.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            batches.Writer.TryComplete();
        }

        try
        {
            await writer.ConfigureAwait(false);
        }
        catch (Exception e) when (failure is null or OperationCanceledException)
        {
            // The writer's own failure explains a cancelled pipeline better than the cancellation does.
            failure = failure is not null && e is OperationCanceledException ? failure : e;
        }
        catch (OperationCanceledException)
        {
            // The writer stopped because another stage failed; that failure is rethrown below.
        }

        await reader.ConfigureAwait(false);
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return new IngestProgress(read, stored, unchanged, rejected, clock.Elapsed);
    }

    private Processed Process(ReadResult result)
    {
        if (result.Error is { } error)
        {
            return new Processed(null, error);
        }

        var input = result.Input!;
        try
        {
            return new Processed(_store.Prepare(input, _pipeline.Process(input)), null);
        }
#pragma warning disable CA1031 // One input that breaks a stage is recorded as rejected; the batch goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Processed(null, new InputError(input.Source, "processing-failed", $"the pipeline failed on this item: {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>An item after the pipeline: ready for the store (hash and JSON done on the worker thread), or refused.</summary>
    private sealed record Processed(PreparedArticle? Article, InputError? Error);
}
