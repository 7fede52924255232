using Warta.Pipeline;
using Xunit;

namespace Warta.Tests.Pipeline;

public sealed class HeapCompactorTests
{
    [Theory]
    [InlineData(100L << 20, 90L << 20, false)]  // small heap: left alone however fragmented
    [InlineData(1L << 30, 200L << 20, false)]   // 20% free: below the bound
    [InlineData(1L << 30, 700L << 20, true)]    // 68% free, as the 1M-article ingest had
    public void Compacts_only_large_heaps_that_are_mostly_free_space(long heap, long fragmented, bool expected) =>
        Assert.Equal(expected, HeapCompactor.ShouldCompact(heap, fragmented, HeapCompactor.DefaultMinHeapBytes, HeapCompactor.DefaultMaxFragmentation));

    [Fact]
    public void A_due_check_runs_a_blocking_gen2_collection_and_the_next_waits_for_its_interval()
    {
        var compactor = new HeapCompactor(minHeapBytes: 0, maxFragmentation: -1, minInterval: TimeSpan.FromHours(1));
        var before = GC.CollectionCount(2);

        Assert.True(compactor.MaybeCompact());
        Assert.True(GC.CollectionCount(2) > before);
        Assert.False(compactor.MaybeCompact());
    }
}
