using Warta.Evaluation.Linking;
using Warta.Stories;

namespace Warta.Tests.Stories;

public class StoryEvaluationTests
{
    private static readonly DateTimeOffset Start = new(2014, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private static readonly LabelledItem[] Items =
    [
        Item(1, "b"), Item(2, "b"), Item(3, "a"), Item(4, "c"), Item(5, "a"), Item(6, "d"), Item(7, "c"),
    ];

    private static LabelledItem Item(long id, string gold) => new(new StoryItem(id, $"headline {id}", null, Start.AddSeconds(id), "x.com", "en"), gold);

    [Fact]
    public void Story_halves_split_whole_stories_by_order_of_first_appearance()
    {
        // First appearances: b (0), a (1), c (2), d (3): even stories b and c are half 0, odd a and d half 1.
        Assert.Equal([1L, 2L, 4L, 7L], LabelledHeadlines.StoryHalf(Items, 0).Select(i => i.Item.Id));
        Assert.Equal([3L, 5L, 6L], LabelledHeadlines.StoryHalf(Items, 1).Select(i => i.Item.Id));
    }

    [Fact]
    public void The_interleaved_view_drops_times_and_reorders_the_same_items_the_same_way_every_time()
    {
        var once = LabelledHeadlines.Interleaved(Items);
        var again = LabelledHeadlines.Interleaved(Items.Reverse());

        Assert.All(once, i => Assert.Null(i.Item.Published));
        Assert.Equal(Items.Select(i => i.Item.Id).Order(), once.Select(i => i.Item.Id).Order());
        Assert.NotEqual(Items.Select(i => i.Item.Id), once.Select(i => i.Item.Id));
        Assert.Equal(once.Select(i => i.Item.Id), again.Select(i => i.Item.Id));
    }

    [Fact]
    public void Numbered_interleavings_are_other_fixed_orders_of_the_same_items_and_order_0_is_the_interleaved_view()
    {
        var many = Enumerable.Range(1, 40).Select(i => Item(i, $"s{i % 5}")).ToList();
        var first = LabelledHeadlines.Interleaved(many, 0);
        var second = LabelledHeadlines.Interleaved(many, 1);

        Assert.Equal(LabelledHeadlines.Interleaved(many).Select(i => i.Item.Id), first.Select(i => i.Item.Id));
        Assert.Equal(many.Select(i => i.Item.Id), second.Select(i => i.Item.Id).Order());
        Assert.All(second, i => Assert.Null(i.Item.Published));
        Assert.NotEqual(first.Select(i => i.Item.Id), second.Select(i => i.Item.Id));
        Assert.Equal(second.Select(i => i.Item.Id), LabelledHeadlines.Interleaved(Enumerable.Reverse(many), 1).Select(i => i.Item.Id));
    }
}
