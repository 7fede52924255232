using System.Text;
using Warta.Model;
using Warta.Storage;

namespace Warta.Tests.Storage;

public sealed class ArticleStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "warta-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Stored_article_comes_back_with_its_fields_and_verbatim_raw_input()
    {
        using var store = ArticleStore.Open(_directory);
        var (input, article) = Item("a.txt", "Judul\n\nIsi berita.", "Judul");

        var result = store.Add(input, article with { Published = new DateTimeOffset(2022, 1, 11, 5, 20, 0, TimeSpan.FromHours(7)), Citations = [new Citation("Reuters", "Seperti dilaporkan Reuters")] });

        Assert.Equal(StoreOutcome.Stored, result.Outcome);
        var stored = store.Get(result.Id)!;
        Assert.Equal("Judul", stored.Article.Title);
        Assert.Equal(new DateTimeOffset(2022, 1, 11, 5, 20, 0, TimeSpan.FromHours(7)), stored.Article.Published);
        Assert.Equal("Reuters", Assert.Single(stored.Article.Citations).Agency);
        Assert.Equal(input.Raw.ToArray(), store.GetRaw(result.Id)!.Bytes.ToArray());
    }

    [Fact]
    public void A_new_store_has_16_KB_pages_and_checkpoints_every_32_MB_of_WAL()
    {
        using var store = ArticleStore.Open(_directory);

        Assert.Equal(16384L, store.Pragma("page_size"));
        Assert.Equal(2048L, store.Pragma("wal_autocheckpoint"));
    }

    [Fact]
    public void A_store_made_with_4_KB_pages_keeps_them_and_still_checkpoints_every_32_MB_of_WAL()
    {
        Directory.CreateDirectory(_directory);
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "warta.db")};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; CREATE TABLE t (x);";
            command.ExecuteNonQuery();
        }

        using var store = ArticleStore.Open(_directory);
        var (input, article) = Item("a.txt", "Judul\n\nIsi berita.", "Judul");
        Assert.Equal(StoreOutcome.Stored, store.Add(input, article).Outcome);

        Assert.Equal(4096L, store.Pragma("page_size"));
        Assert.Equal(8192L, store.Pragma("wal_autocheckpoint"));
    }

    [Fact]
    public void Re_adding_the_same_input_is_idempotent()
    {
        using var store = ArticleStore.Open(_directory);
        var (input, article) = Item("a.txt", "Isi.", "Judul");

        var first = store.Add(input, article);
        var second = store.Add(input, article);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(StoreOutcome.Unchanged, second.Outcome);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Same_source_with_changed_bytes_is_a_new_version()
    {
        using var store = ArticleStore.Open(_directory);
        store.Add(Item("a.txt", "Versi satu.", "A").Input, Item("a.txt", "Versi satu.", "A").Article);
        var changed = store.Add(Item("a.txt", "Versi dua.", "A").Input, Item("a.txt", "Versi dua.", "A").Article);

        Assert.Equal(StoreOutcome.Stored, changed.Outcome);
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Rejections_are_kept_with_their_reason_and_counted()
    {
        using var store = ArticleStore.Open(_directory);

        store.AddRejections([new InputError("bad.jsonl#line=2", "invalid-json", "not JSON"), new InputError("empty.txt", "empty", "the file is empty")]);
        store.AddRejections([new InputError("empty.txt", "empty", "the file is empty")]);

        var rejections = store.Rejections().ToList();
        Assert.Equal(2, rejections.Count);
        Assert.Contains(rejections, r => r is { Source: "bad.jsonl#line=2", Reason: "invalid-json" });
        Assert.Equal(2, store.Stats().Rejections);
    }

    [Fact]
    public void A_source_that_succeeds_after_a_rejection_is_no_longer_listed_as_rejected()
    {
        using var store = ArticleStore.Open(_directory);
        store.AddRejections([new InputError("a.txt", "processing-failed", "it broke"), new InputError("b.txt", "empty", "the file is empty")]);

        store.AddBatch([store.Prepare(Item("a.txt", "Isi.", "Judul").Input, Item("a.txt", "Isi.", "Judul").Article)]);

        Assert.Equal("b.txt", Assert.Single(store.Rejections()).Source);
    }

    [Fact]
    public void All_pages_in_id_order_after_a_given_id()
    {
        using var store = ArticleStore.Open(_directory);
        var ids = Enumerable.Range(0, 5).Select(i => store.Add(Item($"{i}.txt", $"Isi {i}.", $"T{i}").Input, Item($"{i}.txt", $"Isi {i}.", $"T{i}").Article).Id).ToList();

        var page = store.All(afterId: ids[1], limit: 2).Select(s => s.Id).ToList();

        Assert.Equal(ids.Skip(2).Take(2), page);
    }

    [Fact]
    public void Several_articles_are_read_at_once_and_unknown_ids_are_left_out()
    {
        using var store = ArticleStore.Open(_directory);
        var ids = Enumerable.Range(0, 3).Select(i => store.Add(Item($"{i}.txt", $"Isi {i}.", $"T{i}").Input, Item($"{i}.txt", $"Isi {i}.", $"T{i}").Article).Id).ToList();

        var found = store.Get([ids[2], 9_999, ids[0]]);

        Assert.Equal([ids[0], ids[2]], found.Keys.Order());
        Assert.Equal("T2", found[ids[2]].Article.Title);
        Assert.Empty(store.Get([]));
    }

    [Fact]
    public void Articles_survive_reopening_the_store()
    {
        long id;
        using (var store = ArticleStore.Open(_directory))
        {
            id = store.Add(Item("a.txt", "Isi.", "Judul").Input, Item("a.txt", "Isi.", "Judul").Article).Id;
        }

        using var reopened = ArticleStore.Open(_directory);
        Assert.Equal("Judul", reopened.Get(id)!.Article.Title);
    }

    [Fact]
    public void Sinks_see_each_newly_stored_article_once()
    {
        using var store = ArticleStore.Open(_directory);
        var sink = new RecordingSink();
        store.AddSink(sink);
        var (input, article) = Item("a.txt", "Isi.", "Judul");

        store.AddBatch([(input, article), (input, article)]);
        store.Add(input, article);

        Assert.Single(sink.Seen);
    }

    [Fact]
    public void Stats_count_languages_and_outlets()
    {
        using var store = ArticleStore.Open(_directory);
        store.Add(Item("a.txt", "Isi.", "A").Input, Item("a.txt", "Isi.", "A").Article with { Language = "id", Outlet = "Radartasik.com" });
        store.Add(Item("b.txt", "Body.", "B").Input, Item("b.txt", "Body.", "B").Article with { Language = "en", Outlet = "Radartasik.com" });

        var stats = store.Stats();

        Assert.Equal(2, stats.Articles);
        Assert.Contains(new KeyValuePair<string, long>("Radartasik.com", 2), stats.Outlets);
        Assert.Contains(new KeyValuePair<string, long>("en", 1), stats.Languages);
    }

    [Fact]
    public void Export_record_starts_with_the_id_and_carries_every_article_field()
    {
        var stored = new StoredArticle(7, DateTimeOffset.UnixEpoch, Item("a.txt", "Isi.", "Judul").Article with { ExternalId = "x1" });

        var record = ExportRecord.Create(stored);

        Assert.Equal("id", record.First().Key);
        Assert.Equal(7, (long)record["id"]!);
        Assert.Equal("x1", (string)record["externalId"]!);
        Assert.Null(record["published"]);
        Assert.True(record.ContainsKey("removed"));
    }

    [Fact]
    public void Stored_json_is_the_same_text_as_wartas_json_for_every_field()
    {
        using var store = ArticleStore.Open(_directory);
        var (input, article) = Item("a.html", "Isi \"berita\" — “kutipan” é\u00a0<b>&", "Judul");
        article = article with
        {
            Url = "https://example.org/a?x=1&y=2",
            ExternalId = "x1",
            Published = new DateTimeOffset(2022, 1, 11, 5, 20, 0, TimeSpan.FromHours(7)),
            PublishedPrecision = DatePrecision.Zoned,
            Authors = ["Ani", "Budi"],
            Outlet = "Kompas",
            Dateline = "Jakarta",
            Language = "id",
            Citations = [new Citation("Reuters", "Seperti dilaporkan Reuters")],
            Removed = [new RemovedSpan("Baca juga: x", "related-teaser")],
            Repeats = [new CollapsedRepeat("a b", "a", ["+b"])],
            Metadata = new ArticleMetadata
            {
                Modified = DateTimeOffset.UnixEpoch,
                SiteName = "Kompas",
                Tags = ["politik"],
                Sources = new Dictionary<string, string>(StringComparer.Ordinal) { ["published"] = "meta" },
            },
            Entities = [new EntityMention("Wang Yi", "PERSON", "Wang Yi", 0, 7) { Role = "Menteri" }],
            Quotes = [new Quote("kutipan", "Wang Yi", "kata", "direct"), new Quote("x", null, null, "indirect")],
            Numbers = [new NumberMention("1,5 juta", 1.5e6, "orang", "about", 1, 9), new NumberMention("3", 3, null, null, 0, 1)],
        };

        var id = store.AddBatch([store.Prepare(input, article)])[0].Id;

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(store.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(json), json FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal("text", reader.GetString(0));
        Assert.Equal(WartaJson.Serialize(article), reader.GetString(1));
        Assert.Equal(article, store.Get(id)!.Article with
        {
            Authors = article.Authors,
            Citations = article.Citations,
            Removed = article.Removed,
            Repeats = article.Repeats,
            Metadata = article.Metadata,
            Entities = article.Entities,
            Quotes = article.Quotes,
            Numbers = article.Numbers,
        });
    }

    [Fact]
    public void Opening_a_store_where_a_file_blocks_the_directory_says_what_to_do()
    {
        File.WriteAllText(_directory, "not a directory");
        try
        {
            var error = Assert.Throws<StoreException>(() => ArticleStore.Open(Path.Combine(_directory, "data")));
            Assert.Contains("--data", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(_directory);
        }
    }

    private static (RawInput Input, Article Article) Item(string source, string body, string title) =>
        (new RawInput { Source = source, Kind = InputKind.Text, Raw = Encoding.UTF8.GetBytes(body), Body = body },
         new Article { Source = source, Title = title, Text = body });

    private sealed class RecordingSink : IArticleSink
    {
        public List<StoredArticle> Seen { get; } = [];

        public void OnStored(IReadOnlyList<StoredArticle> articles) => Seen.AddRange(articles);
    }
}
