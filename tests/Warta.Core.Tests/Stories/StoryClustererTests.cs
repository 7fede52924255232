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

    /// <summary>The stories of <see cref="Stream"/>: the quake (0, 2, 4, 6), the flood (1, 3), the match (5) alone.</summary>
    private static void AssertStreamEvents(IReadOnlyList<long> assigned)
    {
        Assert.Equal(assigned[0], assigned[2]);
        Assert.Equal(assigned[0], assigned[4]);
        Assert.Equal(assigned[0], assigned[6]);
        Assert.Equal(assigned[1], assigned[3]);
        Assert.NotEqual(assigned[0], assigned[1]);
        Assert.NotEqual(assigned[5], assigned[0]);
        Assert.NotEqual(assigned[5], assigned[1]);
    }

    [Fact]
    public void A_small_stream_groups_headlines_by_event_across_outlets_and_languages()
    {
        var clusterer = new StoryClusterer();
        var assigned = Stream.Select(clusterer.Add).ToList();

        AssertStreamEvents(assigned);

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
        // A low headline threshold lets the shared common word join the two; only the name rule may part them.
        var loose = new StoryClusterer(new StoryClustererOptions { HeadlineThreshold = 0.05 });
        var strict = new StoryClusterer(new StoryClustererOptions { HeadlineThreshold = 0.05, RequireSharedName = true });
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

    [Fact]
    public void State_stays_bounded_over_200k_articles_of_ever_new_words()
    {
        // A minute apart, every article brings three words never seen before and the name of its topic, which
        // changes every 100 articles: the vocabulary, the active stories and each story's centroid must stop
        // growing although the stream does not (600,000+ distinct terms in all).
        var options = new StoryClustererOptions { MaxTerms = 20_000, MaxStoryTerms = 64, ActiveWindow = TimeSpan.FromDays(1), KeepRetired = false };
        var clusterer = new StoryClusterer(options);
        var retired = 0;
        clusterer.Retired += _ => retired++;
        var (maxVocabulary, maxActive, maxStoryTerms) = (0, 0, 0);
        for (var i = 0; i < 200_000; i++)
        {
            var topic = "topic" + (i / 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var unique = $"u{i}a u{i}b u{i}c";
            var item = new StoryItem(i, $"{topic} {unique}", null, Start.AddMinutes(i), "x.com", "en");
            clusterer.Add(item, new StoryTerms([topic, .. unique.Split(' ')], [], [topic]));
            if (i % 1_000 == 999)
            {
                maxVocabulary = Math.Max(maxVocabulary, clusterer.VocabularySize);
                maxActive = Math.Max(maxActive, clusterer.ActiveCount);
                maxStoryTerms = Math.Max(maxStoryTerms, clusterer.LargestStoryTerms);
            }
        }

        // A day of stream is 1,440 articles: at most a few dozen active stories of at most 64 terms per feature.
        Assert.True(maxVocabulary <= options.MaxTerms + 10, $"vocabulary reached {maxVocabulary}");
        Assert.True(maxActive <= 1_500, $"active stories reached {maxActive}");
        Assert.True(maxStoryTerms <= options.MaxStoryTerms + 4, $"a story held {maxStoryTerms} terms");
        Assert.Equal(0, clusterer.RetainedCount);
        Assert.True(retired > 1_000, $"{retired} stories retired");
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(2.0, false)]
    public void A_weak_follow_up_after_the_idle_gap_starts_its_own_story(double idleFactor, bool joins)
    {
        // A burst of three headlines, then 13 hours later (past the 12-hour idle gap) one that shares two words in
        // five and one that repeats the burst's words: the weak one joins only when idle stories stay fully open;
        // the strong one joins either way.
        var clusterer = new StoryClusterer(new StoryClustererOptions { IdleFactor = idleFactor });
        StoryItem Item(long id, double hours) => new(id, null, null, Start.AddHours(hours), "x.com", "en");
        var burst = clusterer.Add(Item(1, 0), new StoryTerms(["recall", "ignition", "switch", "cars"], [], []));
        clusterer.Add(Item(2, 0.1), new StoryTerms(["recall", "ignition", "switch", "cars"], [], []));
        clusterer.Add(Item(3, 0.2), new StoryTerms(["recall", "ignition", "switch", "cars"], [], []));

        var weak = clusterer.Add(Item(4, 13.2), new StoryTerms(["recall", "ignition", "hearing", "congress", "senate"], [], []));
        var strong = clusterer.Add(Item(5, 13.3), new StoryTerms(["recall", "ignition", "switch", "cars"], [], []));

        Assert.Equal(joins, weak == burst);
        Assert.Equal(burst, strong);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void The_idle_gap_holds_back_headlines_but_not_articles_whose_bodies_match(bool bodies, bool joins)
    {
        // A burst, then 13 hours later (past the idle gap) an article on the same event: with bodies the text
        // decides and it joins; headline words alone are held back by the idle factor.
        var clusterer = new StoryClusterer(new StoryClustererOptions { IdleFactor = 100 });
        StoryItem Item(long id, double hours) => new(id, null, null, Start.AddHours(hours), "x.com", "en");
        string[] body = bodies ? ["recall", "ignition", "switch", "cars", "deaths", "congress", "hearing", "engineers"] : [];
        var burst = clusterer.Add(Item(1, 0), new StoryTerms(["recall", "ignition", "switch", "cars"], body, []));
        clusterer.Add(Item(2, 0.1), new StoryTerms(["recall", "ignition", "switch", "cars"], body, []));

        var later = clusterer.Add(Item(3, 13.2), new StoryTerms(["recall", "ignition", "hearing", "congress"], body, []));

        Assert.Equal(joins, later == burst);
    }

    [Fact]
    public void Centroid_terms_stay_within_their_bound_when_no_article_has_a_time()
    {
        // No times at all, so no story ever leaves the window: every article starts a story of twelve new terms, and
        // only the term budget retires the oldest stories.
        var options = new StoryClustererOptions { MaxActiveTerms = 10_000, KeepRetired = false };
        var clusterer = new StoryClusterer(options);
        var retired = new List<long>();
        clusterer.Retired += story => retired.Add(story.Id);
        long maxTerms = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var words = Enumerable.Range(0, 4).Select(k => $"w{i}x{k}").ToList();
            var body = Enumerable.Range(0, 6).Select(k => $"b{i}x{k}").ToList();
            clusterer.Add(new StoryItem(i, string.Join(' ', words), null, null, "x.com", "en"), new StoryTerms(words, body, words[..2]));
            maxTerms = Math.Max(maxTerms, clusterer.ActiveTerms);
        }

        Assert.True(maxTerms <= options.MaxActiveTerms + 12, $"active stories held {maxTerms} terms");
        Assert.True(clusterer.ActiveCount < 1_000, $"{clusterer.ActiveCount} stories active");
        Assert.Equal(retired.Order().ToList(), retired);
    }

    [Fact]
    public void Stories_of_late_articles_retire_although_the_clock_stops_advancing()
    {
        // Times cycle over 28 days (out of order, as a re-crawl or a bad feed delivers them): the clock reaches the
        // last day early and stops, yet stories whose newest article is older than the window must still leave.
        var options = new StoryClustererOptions { ActiveWindow = TimeSpan.FromDays(7), KeepRetired = false };
        var clusterer = new StoryClusterer(options);
        var maxActive = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var topic = "topic" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var item = new StoryItem(i, topic, null, Start.AddDays(i % 28), "x.com", "en");
            clusterer.Add(item, new StoryTerms([topic], [], [topic]));
            maxActive = Math.Max(maxActive, clusterer.ActiveCount);
        }

        // Eight of the 28 days are in the window (days 20–27); at most one check interval (1,024) of stale stories waits.
        Assert.True(maxActive <= (20_000 * 8 / 28) + 1_100, $"active stories reached {maxActive}");
        var stale = clusterer.ActiveStories().Count(s => s.Last < Start.AddDays(20));
        Assert.True(stale <= 1_024, $"{stale} stories outside the window stayed active");
    }

    [Fact]
    public void Forgetting_rare_terms_keeps_the_stories_of_a_stream()
    {
        // Filler every 4 hours over the month before the events, ten new words each: 1,800+ terms against a bound of
        // 1,000, so rare terms are forgotten and their ids reused while the events stream in. Without headline grams:
        // the filler's ~60 unique grams a headline would put the terms of its active stories (the bound is the larger
        // of MaxTerms and twice those) past 1,000 by themselves.
        var bounded = new StoryClusterer(new StoryClustererOptions { MaxTerms = 1_000, GramWeight = 0 });
        var filler = Enumerable.Range(0, 180).Select(i => Headline(
            100 + i, string.Join(' ', Enumerable.Range(0, 10).Select(k => $"kata{i}x{k}")), (4 * i) - 800, "y.com"));
        var assigned = filler.Concat(Stream).Select(bounded.Add).ToList();
        var events = assigned[^Stream.Length..];

        Assert.True(bounded.VocabularySize <= 1_050, $"vocabulary {bounded.VocabularySize}");
        AssertStreamEvents(events);
        Assert.Contains("cianjur", bounded.Active(events[0])!.KeyEntities);
    }

    [Fact]
    public void Two_stories_that_grow_alike_merge_into_the_older_one()
    {
        // An article covering both halves joins one of the two stories; at two articles that story's centroid meets
        // the other's (cosine about 0.38 against a merge threshold of 0.3) and both become the older story.
        var clusterer = new StoryClusterer();
        var merges = new List<(long From, long Into)>();
        clusterer.Merged += (from, into) => merges.Add((from, into));
        StoryItem Item(long id) => new(id, null, null, Start.AddMinutes(id), "x.com", "en");

        var first = clusterer.Add(Item(1), new StoryTerms(["alpha", "beta", "gamma"], [], []));
        var second = clusterer.Add(Item(2), new StoryTerms(["delta", "epsilon", "zeta"], [], []));
        var both = clusterer.Add(Item(3), new StoryTerms(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"], [], []));
        var later = clusterer.Add(Item(4), new StoryTerms(["delta", "epsilon", "zeta"], [], []));

        Assert.NotEqual(first, second);
        Assert.Equal(first, both);
        Assert.Equal([(second, first)], merges);
        Assert.Equal(first, later);
        var story = Assert.Single(clusterer.Stories());
        Assert.Equal([1L, 2L, 3L, 4L], story.ArticleIds.Order());
        Assert.False(clusterer.IsActive(second));
    }

    [Theory]
    [InlineData("MMFMM", 0.06, true)]
    [InlineData("MMFMM", 0.0, false)]
    [InlineData("MMMMMMFF", 0.06, false)]
    public void A_fragment_whose_articles_saw_a_story_growing_beside_it_merges_but_a_later_burst_does_not(string order, double runnerUp, bool merges)
    {
        // The fragment's articles share one word with the main story: 0.15–0.2, far below both join thresholds
        // here, above the runner-up vote (0.06) and the runner-up merge threshold (0.1). The fragment merges when
        // the main story grew by 1.5 × the fragment's size since its first vote (at the main story's second chance
        // at four articles), not when the main story was done before the fragment began.
        var clusterer = new StoryClusterer(new StoryClustererOptions { HeadlineThreshold = 0.5, MergeThreshold = 0.9, RunnerUpScore = runnerUp });
        StoryItem Item(long id) => new(id, null, null, Start.AddMinutes(id), "x.com", "en");
        var id = 0L;
        foreach (var kind in order)
        {
            clusterer.Add(Item(++id), kind == 'M'
                ? new StoryTerms(["gox", "exchange", "bankruptcy"], [], [])
                : new StoryTerms(["gox", "currency", "warning", "investors"], [], []));
        }

        var main = clusterer.Stories().Single(s => s.ArticleIds.Contains(1));
        var fragment = order.IndexOf('F', StringComparison.Ordinal) + 1;
        Assert.Equal(merges, main.ArticleIds.Contains(fragment));
    }

    [Fact]
    public void Without_second_chances_the_split_stays()
    {
        var clusterer = new StoryClusterer(new StoryClustererOptions { MergeThreshold = 0 });
        StoryItem Item(long id) => new(id, null, null, Start.AddMinutes(id), "x.com", "en");
        clusterer.Add(Item(1), new StoryTerms(["alpha", "beta", "gamma"], [], []));
        clusterer.Add(Item(2), new StoryTerms(["delta", "epsilon", "zeta"], [], []));
        clusterer.Add(Item(3), new StoryTerms(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"], [], []));

        Assert.Equal(2, clusterer.Stories().Count);
    }

    [Theory]
    [InlineData(8, 2)]
    [InlineData(100, 1)]
    public void Established_stories_get_no_second_chance_beyond_the_size_limit(int mergeMaxSize, int stories)
    {
        // Two stories of nine articles each, then seven articles naming both join the first: at 16 articles its
        // centroid scores about 0.33 against the second, enough to merge unless both are past the size limit.
        var clusterer = new StoryClusterer(new StoryClustererOptions { MergeMaxSize = mergeMaxSize });
        StoryItem Item(long id) => new(id, null, null, Start.AddMinutes(id), "x.com", "en");
        var id = 0L;
        for (var i = 0; i < 9; i++)
        {
            clusterer.Add(Item(++id), new StoryTerms(["alpha", "beta", "gamma"], [], []));
        }

        for (var i = 0; i < 9; i++)
        {
            clusterer.Add(Item(++id), new StoryTerms(["delta", "epsilon", "zeta"], [], []));
        }

        for (var i = 0; i < 7; i++)
        {
            clusterer.Add(Item(++id), new StoryTerms(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"], [], []));
        }

        Assert.Equal(stories, clusterer.Stories().Count);
    }

    [Fact]
    public void Character_grams_mark_the_ends_of_each_word()
    {
        Assert.Equal(["^go", "gox", "ox$", "^a$"], StoryClusterer.CharGrams(["gox", "a"], 3));
        Assert.Equal(["^bank", "bankr", "ankru", "nkrup", "krupt", "rupt$"], StoryClusterer.CharGrams(["bankrupt"], 5));
    }

    [Theory]
    [InlineData(0.2, true)]
    [InlineData(0.0, false)]
    public void A_headline_meets_its_story_through_word_forms_the_stemmer_leaves_apart(double gramWeight, bool joins)
    {
        // "bankrupt" and "bankruptcy" stem apart, so the third headline shares only "bitcoin" with the first as words;
        // their five-letter grams ("^bank", "bankr", … "krupt") carry it over the headline threshold.
        var clusterer = new StoryClusterer(new StoryClustererOptions { GramWeight = gramWeight });
        StoryItem Item(long id, string title) => new(id, title, null, Start.AddMinutes(id), "x.com", "en");
        var first = clusterer.Add(Item(1, "Tokyo bitcoin exchange declares bankruptcy"));
        var other = clusterer.Add(Item(2, "Fed official says weak data caused by weather"));
        var third = clusterer.Add(Item(3, "Bankrupt bitcoin bourse leaves traders stranded"));

        Assert.NotEqual(first, other);
        Assert.NotEqual(other, third);
        Assert.Equal(joins, first == third);
    }
}
