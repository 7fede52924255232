using System.Text;
using Warta.Model;

namespace Warta.Server.Tests;

/// <summary>
/// One in-process server on a free loopback port over a temporary data directory, filled with a few articles written
/// for these tests (Indonesian and English, two stories) and some hostile ones.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ApiKey = "test-key-0123456789abcdef";

    /// <summary>A title that tries every way out of an HTML text node and attribute.</summary>
    public const string HostileTitle = "</title><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> \u202Eevil\u202C";

    public const string HostileBody = "Paragraf pertama <script>window.__pwned=3</script>.\n\n<a href=\"javascript:window.__pwned=4\">klik</a> <svg onload=\"window.__pwned=5\"></svg> \"><iframe src=javascript:alert(1)>";

    private const string FireText = "Kebakaran hutan dan lahan di Provinsi Riau terus meluas sejak awal pekan, menurut Badan Penanggulangan Bencana Daerah setempat. Sedikitnya 120 hektare lahan gambut terbakar dan asap tebal menyelimuti sejumlah kabupaten.\n\nPetugas gabungan dari kepolisian, tentara dan relawan dikerahkan untuk memadamkan api di titik-titik panas yang tersebar di tiga kecamatan. Sekolah di beberapa desa diliburkan karena kualitas udara memburuk.\n\nPemerintah daerah meminta warga mengurangi kegiatan di luar rumah dan memakai masker selama kabut asap belum mereda.";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "warta-server-tests-" + Guid.NewGuid().ToString("N"));

    public WartaServer Server { get; private set; } = null!;

    public string Address => Server.Address;

    public long HostileId { get; private set; }

    public long FirstId { get; private set; }

    /// <summary>An article carrying entities, quotes and citations as the analysis stage would add them.</summary>
    public long AnalysedId { get; private set; }

    /// <summary>An article stored without analysis and without its raw input: every optional field is empty.</summary>
    public long BareId { get; private set; }

    /// <summary>The story linking put the Kazakhstan articles in (the stories are found, not given).</summary>
    public string KazakhstanStory { get; private set; } = string.Empty;

    /// <summary>The story of the two Jakarta flood articles.</summary>
    public string BanjirStory { get; private set; } = string.Empty;

    /// <summary>A copy of <see cref="FireOriginId"/> that changed the toll (120 → 210) and the province (Riau → Jambi).</summary>
    public long FireCopyId { get; private set; }

    public long FireOriginId { get; private set; }

    public async Task InitializeAsync()
    {
        Server = WartaServer.Build(new WartaServerOptions { DataDirectory = _directory, Port = 0, ApiKey = ApiKey, MaxPostBytes = 64 * 1024 });
        FirstId = Ingest("Pemerintah Tegaskan Dukungan untuk Kazakhstan", "Jakarta - Menteri Luar Negeri menegaskan pemerintahan mendukung keamanan Kazakhstan, seperti dilaporkan Reuters.\n\nKerja sama penegakan hukum akan ditingkatkan.", "id", "Antara", "2024-05-01T09:00:00+07:00").Id;
        Ingest("China Tawarkan Dukungan Keamanan pada Kazakhstan", "Beijing bersedia meningkatkan kerja sama keamanan dengan Kazakhstan.\n\nHal itu disampaikan pada Senin.", "id", "Radar Tasik", "2024-05-01T15:00:00+07:00");
        Ingest("China offers Kazakhstan security support", "Beijing is ready to deepen law-enforcement cooperation with Kazakhstan, the governments said.", "en", "Reuters", "2024-05-01T10:00:00+00:00");
        var banjir = Ingest("Banjir melanda Jakarta", "Hujan deras sejak Senin malam menyebabkan banjir di beberapa wilayah Jakarta.", "id", "Kompas", "2024-04-10T07:00:00+07:00");
        Ingest("Warga mengungsi akibat banjir", "Ratusan warga Jakarta mengungsi karena banjir yang terus naik.", "id", "Detik", "2024-04-10T12:00:00+07:00");
        FireOriginId = Ingest("Kebakaran hutan meluas di Riau", FireText, "id", "Antara", "2024-02-01T08:00:00+07:00").Id;
        FireCopyId = Ingest("Kebakaran hutan meluas di Riau", FireText.Replace("120", "210", StringComparison.Ordinal).Replace("Provinsi Riau", "Provinsi Jambi", StringComparison.Ordinal), "id", "Suara Daerah", "2024-02-01T11:00:00+07:00").Id;
        HostileId = Ingest(HostileTitle, HostileBody, "id", "<b>Outlet</b>", "2024-03-01T00:00:00+00:00").Id;
        AnalysedId = AddAnalysed();
        const string BareText = "teks pendek tanpa nama.";
        BareId = Server.Add(Raw("fixture-bare", BareText), new Article { Source = "fixture-bare", Title = "Tanpa analisis", Text = BareText }).Id;
        KazakhstanStory = Server.Catalog.Get(FirstId)!.StoryId!;
        BanjirStory = banjir.StoryId!;
        Server.Index.Commit();
        await Server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(_directory, true);
        }
        catch (IOException)
        {
            // A temp folder left behind does no harm.
        }
    }

    private long AddAnalysed()
    {
        const string Text = "Menteri Luar Negeri Wang Yi bertemu Mukhtar Tileuberdi di Beijing dan menawarkan kerja sama keamanan dengan Kazakhstan, seperti dilaporkan Reuters.\n\n\"Kami menentang campur tangan asing,\" kata Wang Yi.";
        var wang = Text.IndexOf("Wang Yi", StringComparison.Ordinal);
        var wangAgain = Text.LastIndexOf("Wang Yi", StringComparison.Ordinal);
        var mukhtar = Text.IndexOf("Mukhtar Tileuberdi", StringComparison.Ordinal);
        var article = new Article
        {
            Source = "fixture",
            Title = "Wang Yi tawarkan dukungan keamanan pada Kazakhstan",
            Text = Text,
            Language = "id",
            Outlet = "Antara",
            Published = DateTimeOffset.Parse("2024-05-01T20:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture),
            Authors = ["Esnoe Faqih"],
            Citations = [new Citation("Reuters", "seperti dilaporkan Reuters")],
            Entities =
            [
                new EntityMention("Wang Yi", "PER", "Wang Yi", wang, wang + 7),
                new EntityMention("Mukhtar Tileuberdi", "PER", "Mukhtar Tileuberdi", mukhtar, mukhtar + 18),
                new EntityMention("Wang Yi", "PER", "Wang Yi", wangAgain, wangAgain + 7),
            ],
            Quotes = [new Quote("Kami menentang campur tangan asing,", "Wang Yi", "kata", "direct")],
            Removed = [new RemovedSpan("Baca juga: Harga beras naik", "related-teaser")],
            Metadata = new ArticleMetadata { SiteName = "Antara", Sources = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = "og:title", ["published"] = "json-ld" } },
        };
        return Server.Add(Raw("fixture-analysed", "<html>raw</html>"), article).Id;
    }

    private static RawInput Raw(string source, string body) => new() { Source = source, Kind = InputKind.Text, Raw = Encoding.UTF8.GetBytes(body), Body = body };

    private ServedArticle Ingest(string title, string text, string language, string outlet, string published)
    {
        var body = title + "\n\n" + text;
        return Server.Ingest(new RawInput
        {
            Source = "fixture",
            Kind = InputKind.Text,
            Raw = Encoding.UTF8.GetBytes(body),
            Body = body,
            Title = title,
            Language = language,
            Outlet = outlet,
            Published = DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
