using Warta.Stories;

namespace Warta.Tests.Stories;

public class StoryClustererTests
{
    private static readonly DateTimeOffset Start = new(2024, 5, 6, 8, 0, 0, TimeSpan.FromHours(7));

    private static StoryItem Headline(long id, string title, double hours, string outlet = "x.com", string? language = "id") =>
        new(id, title, null, Start.AddHours(hours), outlet, language);

    private static readonly StoryItem[] Stream =
    [
        Headline(1, "Gempa magnitudo 5,6 guncang Cianjur, puluhan bangunan rusak", 0, "kompas.com"),
        Headline(2, "Banjir rendam ribuan rumah di Demak", 0.5, "detik.com"),
        Headline(3, "Korban gempa Cianjur bertambah, BNPB kirim bantuan", 1, "detik.com"),
        Headline(4, "Tanggul jebol, banjir Demak meluas ke tiga kecamatan", 2, "tempo.co"),
        Headline(5, "Cianjur earthquake death toll rises as rescuers search rubble", 3, "reuters.com", "en"),
        Headline(6, "Timnas Indonesia kalahkan Vietnam di Piala AFF", 4, "bola.com"),
        Headline(7, "Gempa Cianjur: ratusan warga mengungsi", 5, "antaranews.com"),
    ];

    [Fact]
    public void A_small_stream_groups_headlines_by_event_across_outlets_and_languages()
    {
        var clusterer = new StoryClusterer();
        var assigned = Stream.Select(clusterer.Add).ToList();

        Assert.Equal(assigned[0], assigned[2]);
        Assert.Equal(assigned[0], assigned[4]);
        Assert.Equal(assigned[0], assigned[6]);
        Assert.Equal(assigned[1], assigned[3]);
        Assert.NotEqual(assigned[0], assigned[1]);
        Assert.NotEqual(assigned[5], assigned[0]);
        Assert.NotEqual(assigned[5], assigned[1]);

        var quake = clusterer.Stories().Single(s => s.Id == assigned[0]);
        Assert.Equal(["antaranews.com", "detik.com", "kompas.com", "reuters.com"], quake.Outlets);
        Assert.Equal(["en", "id"], quake.Languages);
        Assert.Equal(Start, quake.First);
        Assert.Equal(Start.AddHours(5), quake.Last);
        Assert.Contains("cianjur", quake.KeyEntities);
    }

    [Fact]
    public void Requiring_a_shared_name_keeps_apart_events_that_share_only_common_words()
    {
        var loose = new StoryClusterer();
        var strict = new StoryClusterer(new StoryClustererOptions { RequireSharedName = true });
        StoryItem[] stream =
        [
            Headline(1, "Gempa guncang Cianjur, puluhan rumah rusak", 0),
            Headline(2, "Banjir rendam ribuan rumah di Demak", 1),
        ];

        var looseIds = stream.Select(loose.Add).ToList();
        var strictIds = stream.Select(strict.Add).ToList();

        // On a two-headline stream IDF cannot yet discount "rumah", so only the name rule separates the events.
        Assert.Equal(looseIds[0], looseIds[1]);
        Assert.NotEqual(strictIds[0], strictIds[1]);
    }

    [Fact]
    public void The_same_input_order_always_gives_the_same_stories()
    {
        var first = new StoryClusterer();
        var second = new StoryClusterer();

        var a = Stream.Select(first.Add).ToList();
        var b = Stream.Select(second.Add).ToList();

        Assert.Equal(a, b);
        Assert.Equal(first.Stories().Select(s => s.Label), second.Stories().Select(s => s.Label));
    }

    [Fact]
    public void Stories_idle_past_the_window_are_retired_and_new_articles_start_new_stories()
    {
        var retired = new List<Story>();
        var clusterer = new StoryClusterer(new StoryClustererOptions { ActiveWindow = TimeSpan.FromDays(2) });
        clusterer.Retired += retired.Add;

        var early = clusterer.Add(Headline(1, "Gempa guncang Cianjur", 0));
        var late = clusterer.Add(Headline(2, "Gempa guncang Cianjur", 24 * 5));

        Assert.NotEqual(early, late);
        Assert.Equal(early, Assert.Single(retired).Id);
        Assert.Equal(1, clusterer.ActiveCount);
        Assert.Equal(2, clusterer.Stories().Count);
    }

    [Fact]
    public void Missing_and_out_of_order_timestamps_still_cluster()
    {
        var clusterer = new StoryClusterer();

        var a = clusterer.Add(Headline(1, "Harga cabai rawit melonjak di Surabaya", 10));
        var b = clusterer.Add(new StoryItem(2, "Harga cabai rawit di Surabaya melonjak lagi", null, null, "y.com", "id"));
        var c = clusterer.Add(Headline(3, "Cabai rawit Surabaya melonjak, pedagang mengeluh", 1));
        var d = clusterer.Add(new StoryItem(4, null, null, null, null, null));

        Assert.Equal(a, b);
        Assert.Equal(a, c);
        Assert.NotEqual(a, d);
    }
}
