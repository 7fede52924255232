using System.Globalization;
using System.Text;
using Warta.Model;
using Warta.Pipeline;
using Warta.Storage;

namespace Warta.Tests.Pipeline;

/// <summary>The ingest stages (reader, parallel pipeline, single writer) keep order and stop cleanly on failure.</summary>
public sealed class IngestRunnerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "warta-runner-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Articles_are_stored_in_input_order_across_many_small_batches()
    {
        using var store = ArticleStore.Open(_directory);
        var runner = new IngestRunner(store, options: new IngestOptions { BatchSize = 3, Parallelism = 2 });

        var result = await runner.RunAsync(Inputs(20));

        Assert.Equal(20, result.Read);
        Assert.Equal(20, result.Stored);
        Assert.Equal(
            Enumerable.Range(0, 20).Select(i => $"mem#{i}"),
            store.All().Select(a => a.Article.Source));
    }

    [Fact]
    public async Task A_reader_that_fails_ends_the_run_with_its_own_exception_after_storing_the_batches_before_it()
    {
        using var store = ArticleStore.Open(_directory);
        var runner = new IngestRunner(store, options: new IngestOptions { BatchSize = 4 });

        var thrown = await Assert.ThrowsAsync<IOException>(() => runner.RunAsync(FailingAfter(8)));

        Assert.Equal("disk gone", thrown.Message);
        Assert.Equal(8, store.Count);
    }

    [Fact]
    public async Task A_run_cancelled_by_the_caller_ends_with_a_cancellation()
    {
        using var store = ArticleStore.Open(_directory);
        using var cancel = new CancellationTokenSource();
        var runner = new IngestRunner(store, options: new IngestOptions { BatchSize = 2 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(CancellingAfter(4, cancel), cancellationToken: cancel.Token));
    }

    private static IEnumerable<ReadResult> Inputs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"Judul berita nomor {i}\n\nIsi berita nomor {i} tentang banjir di Jakarta pada hari Senin.");
            yield return ReadResult.Ok(new RawInput
            {
                Source = string.Create(CultureInfo.InvariantCulture, $"mem#{i}"),
                Kind = InputKind.Text,
                Raw = Encoding.UTF8.GetBytes(text),
                Body = text,
                Language = "id",
            });
        }
    }

    private static IEnumerable<ReadResult> FailingAfter(int count)
    {
        foreach (var result in Inputs(count))
        {
            yield return result;
        }

        throw new IOException("disk gone");
    }

    private static IEnumerable<ReadResult> CancellingAfter(int count, CancellationTokenSource cancel)
    {
        foreach (var result in Inputs(count))
        {
            yield return result;
        }

        cancel.Cancel();
        foreach (var result in Inputs(100))
        {
            yield return result;
        }
    }
}
