using System.Globalization;
using System.Text;
using Warta.Linking;
using Warta.Model;
using Warta.Pipeline;
using Warta.Storage;
using Warta.Stories;

namespace Warta.Tests.Linking;

public sealed class LinkStoreTests : IDisposable
{
    private static readonly ArticlePipeline Pipeline = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "warta-links-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Edited_copy_of_a_seed_is_linked_to_it_with_the_changed_name_and_number()
    {
        var seed = SeedFiles.Read("001");
        var copy = seed.Replace("Tokayev", "Nazarbayev", StringComparison.Ordinal).Replace("225", "252", StringComparison.Ordinal);
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store);

        var original = Store(store, "seed.txt", seed);
        var edited = Store(store, "copy.txt", copy);

        var copyLinks = links.LinksOf(edited);
        Assert.Equal(original, copyLinks.DuplicateOf);
        Assert.Contains(copyLinks.Copies, c => c.Id == original && c.Relation == CopyRelation.NearDuplicate);
        Assert.Equal(original, copyLinks.OriginId);
        Assert.Equal(original, copyLinks.CopiedFrom);
        Assert.Contains(copyLinks.Alterations, a => a.Original == "Tokayev" && a.Altered == "Nazarbayev");
        Assert.Contains(copyLinks.Alterations, a => a.Original == "225" && a.Altered == "252");

        var originLinks = links.LinksOf(original);
        Assert.Null(originLinks.DuplicateOf);
        Assert.Equal(original, originLinks.OriginId);
        Assert.Empty(originLinks.Alterations);
        Assert.Equal(originLinks.StoryId, copyLinks.StoryId);
        var story = links.Story(copyLinks.StoryId!.Value)!;
        Assert.Equal([original, edited], story.ArticleIds);
    }

    [Fact]
    public void An_earlier_original_arriving_after_its_copies_becomes_their_origin_with_each_copys_alterations()
    {
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store);

        var (renamed, recounted, original) = StoreCopiesBeforeTheirOriginal(store);

        foreach (var copy in new[] { renamed, recounted })
        {
            Assert.Equal(original, links.LinksOf(copy).OriginId);
        }

        Assert.Contains(links.LinksOf(renamed).Alterations, a => a.Original == "Tokayev" && a.Altered == "Nazarbayev");
        Assert.DoesNotContain(links.LinksOf(renamed).Alterations, a => a.Original == "225");
        Assert.Contains(links.LinksOf(recounted).Alterations, a => a.Original == "225" && a.Altered == "252");
        Assert.Empty(links.LinksOf(original).Alterations);
    }

    [Fact]
    public void Alterations_worked_out_on_read_are_stored_once_for_later_readers()
    {
        using var store = ArticleStore.Open(_directory);
        var links = LinkStore.Attach(store);
        var (renamed, recounted, _) = StoreCopiesBeforeTheirOriginal(store);
        // The origin moved to the late original: the copies' alterations against it are not worked out yet.
        Assert.Equal(2, CopiesWithoutAlterations(store));

        var read = links.LinksOf(renamed).Alterations;
        Store(store, "other.txt", "Harga beras naik di pasar tradisional Jakarta menjelang Lebaran.\n\nPedagang mengeluh.");
        Assert.Equal(1, CopiesWithoutAlterations(store));

        Assert.Contains(links.LinksOf(recounted).Alterations, a => a.Original == "225" && a.Altered == "252");
        links.Dispose();
        Assert.Equal(0, CopiesWithoutAlterations(store));
        using var reopened = LinkStore.Open(store);
        Assert.Equal(read, reopened.LinksOf(renamed).Alterations);
        Assert.Contains(read, a => a.Original == "Tokayev" && a.Altered == "Nazarbayev");
    }

    [Fact]
    public void Pending_alterations_are_completed_by_maintenance()
    {
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store);
        var (_, recounted, _) = StoreCopiesBeforeTheirOriginal(store);

        Assert.Equal(2, links.CompletePendingAlterations());

        Assert.Equal(0, CopiesWithoutAlterations(store));
        Assert.Equal(0, links.CompletePendingAlterations());
        using var reopened = LinkStore.Open(store);
        Assert.Contains(reopened.LinksOf(recounted).Alterations, a => a.Original == "225" && a.Altered == "252");
    }

    /// <summary>Two edited copies of seed 001 (a name, a number), then the earlier original they were copied from.</summary>
    private static (long Renamed, long Recounted, long Original) StoreCopiesBeforeTheirOriginal(ArticleStore store)
    {
        var seed = SeedFiles.Read("001");
        var day = new DateTimeOffset(2022, 1, 11, 5, 20, 0, TimeSpan.FromHours(7));
        var renamed = Store(store, "renamed.txt", seed.Replace("Tokayev", "Nazarbayev", StringComparison.Ordinal), published: day.AddHours(2));
        var recounted = Store(store, "recounted.txt", seed.Replace("225", "252", StringComparison.Ordinal), published: day.AddHours(3));
        return (renamed, recounted, Store(store, "original.txt", seed, published: day));
    }

    private static long CopiesWithoutAlterations(ArticleStore store)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(store.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM article_links WHERE origin_id IS NOT NULL AND origin_id != article_id AND alterations IS NULL";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void Linking_resumes_across_runs_and_catches_up_on_articles_stored_without_it()
    {
        var seed = SeedFiles.Read("000");
        long first;
        using (var store = ArticleStore.Open(_directory))
        {
            // Stored while no linker was attached (an older store, or a run killed before linking committed).
            first = Store(store, "a.txt", seed);
        }

        using (var store = ArticleStore.Open(_directory))
        using (var links = LinkStore.Attach(store))
        {
            Assert.NotNull(links.LinksOf(first).StoryId);
        }

        using (var store = ArticleStore.Open(_directory))
        using (var links = LinkStore.Attach(store))
        {
            var second = Store(store, "b.txt", seed + "\n\nBaca juga: berita lain hari ini.");
            var linked = links.LinksOf(second);
            Assert.Equal(first, linked.DuplicateOf);
            Assert.Equal(links.LinksOf(first).StoryId, linked.StoryId);
        }
    }

    [Fact]
    public void Headline_only_records_form_stories_across_outlets()
    {
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store);
        string[] headlines =
        [
            "Gempa magnitudo 6,2 guncang Cianjur, ratusan rumah rusak",
            "Gempa Cianjur: ratusan rumah rusak akibat guncangan magnitudo 6,2",
            "Harga beras naik di pasar tradisional Jakarta menjelang Lebaran",
        ];
        var ids = headlines.Select((h, i) => Store(store, $"h{i}.jsonl", null, h, outlet: $"outlet{i}", published: new DateTimeOffset(2024, 5, 6, 8, i, 0, TimeSpan.FromHours(7)))).ToList();

        var stories = links.Stories(0, 100);
        Assert.Equal(2, stories.Count);
        Assert.Equal(links.LinksOf(ids[0]).StoryId, links.LinksOf(ids[1]).StoryId);
        Assert.NotEqual(links.LinksOf(ids[0]).StoryId, links.LinksOf(ids[2]).StoryId);
        var quake = stories.Single(s => s.ArticleIds.Count == 2);
        Assert.Equal(["outlet0", "outlet1"], quake.Outlets);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 8, 0, 0, TimeSpan.FromHours(7)), quake.First);
    }

    [Fact]
    public void Stories_merged_by_a_second_chance_move_their_stored_articles_to_the_older_story()
    {
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store);
        var moved = new List<long>();
        links.ArticlesMoved += ids => moved.AddRange(ids);
        string[] headlines =
        [
            "Gempa guncang Cianjur ratusan rumah rusak",
            "Banjir rendam Demak ribuan warga mengungsi",
            // Covers both: joins one story, whose centroid then meets the other's.
            "Gempa guncang Cianjur ratusan rumah rusak, banjir rendam Demak ribuan warga mengungsi",
        ];
        var ids = headlines.Select((h, i) => Store(store, $"m{i}.jsonl", null, h, outlet: $"outlet{i}", published: new DateTimeOffset(2024, 5, 6, 8, i, 0, TimeSpan.FromHours(7)))).ToList();

        var story = Assert.Single(links.Stories(0, 100));
        Assert.Equal(ids, story.ArticleIds.Order());
        Assert.All(ids, id => Assert.Equal(story.Id, links.LinksOf(id).StoryId));
        Assert.NotEmpty(moved);
        Assert.Equal(story.Id, links.LinksOf(ids[0]).StoryId);
    }

    [Fact]
    public void An_article_whose_story_is_merged_away_as_it_joins_ends_in_the_surviving_story()
    {
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store);
        string[] headlines =
        [
            "Gempa guncang Cianjur ratusan rumah rusak",
            "Banjir rendam Demak ribuan warga mengungsi",
            // Joins the younger flood story, which its centroid then carries into the older quake story.
            "Banjir rendam Demak ribuan warga mengungsi, gempa guncang Cianjur",
        ];
        var ids = headlines.Select((h, i) => Store(store, $"j{i}.jsonl", null, h, outlet: $"outlet{i}", published: new DateTimeOffset(2024, 5, 6, 8, i, 0, TimeSpan.FromHours(7)))).ToList();

        var story = Assert.Single(links.Stories(0, 100));
        Assert.Equal(ids, story.ArticleIds.Order());
        Assert.All(ids, id => Assert.Equal(story.Id, links.LinksOf(id).StoryId));
    }

    [Fact]
    public void Thousands_of_identical_articles_link_to_the_first_and_keep_families_bounded()
    {
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store, new LinkStoreOptions { MaxFamilySize = 50 });
        var body = SeedFiles.Read("000");
        var batch = Enumerable.Range(0, 2_000)
            .Select(i => Item($"same{i.ToString(CultureInfo.InvariantCulture)}.txt", body))
            .ToList();
        var results = store.AddBatch(batch);

        var first = results[0].Id;
        Assert.All(results.Skip(1), r => Assert.Equal(first, links.LinksOf(r.Id).DuplicateOf));
        Assert.Single(links.Stories(0, 10));
    }

    [Fact]
    public void A_copy_arriving_after_its_story_was_retired_rejoins_that_story()
    {
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store, OneActiveStory());
        var seed = SeedFiles.Read("000");
        var (original, other) = StoreSeedThenRetireIt(store, seed);
        Assert.NotEqual(links.LinksOf(original).StoryId, links.LinksOf(other).StoryId);

        var copy = Store(store, "copy.txt", seed);

        Assert.Equal(original, links.LinksOf(copy).DuplicateOf);
        Assert.Equal(links.LinksOf(original).StoryId, links.LinksOf(copy).StoryId);
        Assert.Equal(2, links.Stories(0, 10).Count);
        var story = links.Story(links.LinksOf(copy).StoryId!.Value)!;
        Assert.Equal([original, copy], story.ArticleIds);
    }

    [Fact]
    public void A_late_copy_joins_its_originals_story_without_carrying_new_articles_into_it()
    {
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store, OneActiveStory());
        var seed = SeedFiles.Read("000");
        var (original, _) = StoreSeedThenRetireIt(store, seed);
        var copy = Store(store, "copy.txt", seed);
        // Half of the seed: the same topic, contained in the copy, not a near duplicate of it.
        var paragraphs = seed.Split("\n\n");
        var related = Store(store, "related.txt", string.Join("\n\n", paragraphs.Take(paragraphs.Length / 2)));

        Assert.Null(links.LinksOf(related).DuplicateOf);
        Assert.Equal(links.LinksOf(original).StoryId, links.LinksOf(copy).StoryId);
        Assert.NotEqual(links.LinksOf(original).StoryId, links.LinksOf(related).StoryId);
        Assert.Equal([original, copy], links.Story(links.LinksOf(original).StoryId!.Value)!.ArticleIds);
    }

    [Fact]
    public void A_copy_arriving_days_later_joins_its_originals_story_not_a_new_one()
    {
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store);
        var seed = SeedFiles.Read("000");
        var day = new DateTimeOffset(2024, 5, 6, 8, 0, 0, TimeSpan.FromHours(7));
        var original = Store(store, "original.txt", seed, published: day);
        var copies = new[] { 3, 5, 6 }.Select(d => Store(store, $"copy{d}.txt", seed, outlet: $"outlet{d}", published: day.AddDays(d))).ToList();

        var story = links.LinksOf(original).StoryId;
        Assert.All(copies, c => Assert.Equal(original, links.LinksOf(c).DuplicateOf));
        Assert.All(copies, c => Assert.Equal(story, links.LinksOf(c).StoryId));
        var stored = Assert.Single(links.Stories(0, 10));
        Assert.Equal([original, .. copies], stored.ArticleIds);
    }

    [Fact]
    public void One_word_articles_and_missing_or_out_of_order_times_still_get_stories()
    {
        using var store = ArticleStore.Open(_directory);
        using var links = LinkStore.Attach(store);
        var late = Store(store, "late.txt", "Banjir.", "Banjir", published: new DateTimeOffset(2024, 5, 7, 0, 0, 0, TimeSpan.Zero));
        var early = Store(store, "early.txt", "Banjir.", "Banjir", published: new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var undated = Store(store, "undated.txt", "Kebakaran.", "Kebakaran");

        foreach (var id in new[] { late, early, undated })
        {
            Assert.NotNull(links.LinksOf(id).StoryId);
        }

        Assert.Equal(late, links.LinksOf(early).DuplicateOf);
    }

    /// <summary>One active story at a time: every new story retires the one before it.</summary>
    private static LinkStoreOptions OneActiveStory() => new() { Stories = new StoryClustererOptions { MaxActiveStories = 1, KeepRetired = false } };

    /// <summary>Stores the seed, then an unrelated article whose story retires the seed's (with <see cref="OneActiveStory"/>).</summary>
    private static (long Seed, long Other) StoreSeedThenRetireIt(ArticleStore store, string seed)
    {
        var original = Store(store, "original.txt", seed);
        var other = Store(store, "other.txt", """
            Harga beras di pasar tradisional Jakarta naik menjelang Lebaran.

            Pedagang di Pasar Induk Cipinang mengatakan pasokan dari Jawa Tengah berkurang sejak awal bulan.
            """, "Harga beras naik menjelang Lebaran");
        return (original, other);
    }

    private static long Store(ArticleStore store, string source, string? text, string? title = null, string? outlet = null, DateTimeOffset? published = null)
    {
        var (input, article) = Item(source, text, title);
        article = article with { Outlet = outlet ?? article.Outlet, Published = published ?? article.Published };
        return store.Add(input, article).Id;
    }

    private static (RawInput Input, Article Article) Item(string source, string? text, string? title = null)
    {
        var body = text ?? title ?? "";
        var input = new RawInput { Source = source, Kind = InputKind.Text, Raw = Encoding.UTF8.GetBytes(body), Body = body };
        var article = text is null ? new Article { Source = source, Title = title, Text = "" } : Pipeline.Process(input);
        return (input, title is null ? article : article with { Title = title });
    }
}
