using System.IO.Compression;
using System.Text;
using Warta.Ingest;
using Warta.Model;
using Warta.Pipeline;
using Warta.Storage;

namespace Warta.Tests.Ingest;

/// <summary>Every kind of bad input the foundation issue names: a clear error for that item, the rest goes on.</summary>
public sealed class BadInputTests : IDisposable
{
    private const string Good = "Judul berita\n\nIsi berita yang baik tentang banjir di Jakarta pada hari Senin.";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "warta-bad-" + Guid.NewGuid().ToString("N"));

    public BadInputTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Empty_file_is_rejected_as_empty()
    {
        var error = SingleError(Write("empty.txt", []));
        Assert.Equal(InputErrorReasons.Empty, error.Reason);
    }

    [Fact]
    public void Binary_file_is_rejected_as_binary()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        bytes[10] = 0;
        var error = SingleError(Write("image.txt", bytes));
        Assert.Equal(InputErrorReasons.Binary, error.Reason);
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_windows_1252_and_keeps_the_text()
    {
        // 0xE9 alone is not UTF-8; as windows-1252 it is 'é'.
        var input = SingleInput(Write("latin.txt", [.. Encoding.ASCII.GetBytes("Caf"), 0xE9, .. Encoding.ASCII.GetBytes(" di Bandung\n\nBerita.")]));
        Assert.StartsWith("Café di Bandung", input.Body, StringComparison.Ordinal);
        Assert.Equal("windows-1252", input.Charset);
    }

    [Fact]
    public void Iso_8859_1_declared_html_is_decoded()
    {
        var html = Encoding.Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"><title>Señor</title></head><body><p>Año nuevo en Madrid.</p></body></html>");
        var input = SingleInput(Write("page.html", html));
        Assert.Contains("Año nuevo", input.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_file_is_rejected_without_reading_it_whole()
    {
        var path = Path.Combine(_directory, "huge.txt");
        using (var file = File.Create(path))
        {
            file.SetLength(100L * 1024 * 1024);
        }

        var reader = new InputReader(new ReaderOptions { MaxItemBytes = 10 * 1024 * 1024 });
        var results = reader.Read([path, Write("good.txt", Encoding.UTF8.GetBytes(Good))]).ToList();

        Assert.Equal(InputErrorReasons.TooLarge, results[0].Error!.Reason);
        Assert.NotNull(results[1].Input);
    }

    [Fact]
    public void Truncated_gzip_is_an_error_for_that_file_only()
    {
        var whole = Gzip(Encoding.UTF8.GetBytes(Good + string.Concat(Enumerable.Repeat(" Kalimat tambahan.", 500))));
        var path = Write("cut.txt.gz", whole[..(whole.Length / 2)]);
        var results = new InputReader().Read([path, Write("good.txt", Encoding.UTF8.GetBytes(Good))]).ToList();

        Assert.Contains(results, r => r.Error is { Reason: InputErrorReasons.Truncated } e && e.Source.StartsWith(path, StringComparison.Ordinal));
        Assert.Contains(results, r => r.Input is { } i && i.Source.EndsWith("good.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Truncated_warc_keeps_the_complete_records_and_reports_the_cut_one()
    {
        var warc = Warc(("https://a.example/1", "<html><body><p>Pertama.</p></body></html>"), ("https://a.example/2", "<html><body><p>Kedua.</p></body></html>"));
        var cut = warc[..(warc.Length - 20)];
        var results = new InputReader().Read([Write("crawl.warc", cut)]).ToList();

        Assert.Equal("https://a.example/1", Assert.Single(results, r => r.Input is not null).Input!.Url);
        Assert.Contains(results, r => r.Error is { Reason: InputErrorReasons.Truncated or InputErrorReasons.InvalidWarc });
    }

    [Fact]
    public void Truncated_warc_gz_is_reported()
    {
        var warc = Gzip(Warc(("https://a.example/1", "<html><body><p>Pertama.</p></body></html>")));
        var results = new InputReader().Read([Write("crawl.warc.gz", warc[..(warc.Length - 12)])]).ToList();

        Assert.Contains(results, r => r.Error is { Reason: InputErrorReasons.Truncated or InputErrorReasons.InvalidWarc });
    }

    [Fact]
    public void Malformed_warc_header_is_an_invalid_warc_error()
    {
        var bytes = Encoding.ASCII.GetBytes("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nxyz\r\n\r\n");
        var error = SingleError(Write("bad.warc", bytes));
        Assert.Equal(InputErrorReasons.InvalidWarc, error.Reason);
    }

    [Fact]
    public void Jsonl_line_that_is_not_json_is_rejected_and_the_next_line_is_read()
    {
        var path = Write("feed.jsonl", Encoding.UTF8.GetBytes("{\"id\":\"a\",\"title\":\"Satu\",\"text\":\"Isi satu.\"}\n{not json\n{\"id\":\"c\",\"title\":\"Tiga\"}\n"));
        var results = new InputReader().Read([path]).ToList();

        Assert.Equal(3, results.Count);
        Assert.NotNull(results[0].Input);
        Assert.Equal(InputErrorReasons.InvalidJson, results[1].Error!.Reason);
        Assert.EndsWith("#line=2", results[1].Error!.Source, StringComparison.Ordinal);
        Assert.Equal("Tiga", results[2].Input!.Title);
    }

    [Fact]
    public void Jsonl_record_with_no_usable_field_is_rejected()
    {
        var error = SingleError(Write("feed.jsonl", Encoding.UTF8.GetBytes("{\"id\":\"x\",\"outlet\":\"Kompas\"}\n")));
        Assert.Equal(InputErrorReasons.NoUsableField, error.Reason);
    }

    [Fact]
    public async Task Headline_only_record_is_valid_and_stored()
    {
        var path = Write("headlines.jsonl", Encoding.UTF8.GetBytes("{\"id\":\"h1\",\"url\":\"https://x.example/1\",\"title\":\"Gempa guncang Cianjur\",\"outlet\":\"Antara\",\"published\":\"2024-05-06T08:00:00+07:00\"}\n"));
        using var store = ArticleStore.Open(Path.Combine(_directory, "data"));
        var result = await new IngestRunner(store).RunAsync([path]);

        Assert.Equal(1, result.Stored);
        var article = Assert.Single(store.All()).Article;
        Assert.Equal("Gempa guncang Cianjur", article.Title);
        Assert.Equal("h1", article.ExternalId);
    }

    [Fact]
    public async Task A_batch_with_every_kind_of_bad_input_stores_the_good_ones_and_records_each_rejection()
    {
        string[] paths =
        [
            Write("empty.txt", []),
            Write("bin.txt", [0, 1, 2, 3, 0, 255, 254, 0]),
            Write("good1.txt", Encoding.UTF8.GetBytes(Good)),
            Write("feed.jsonl", Encoding.UTF8.GetBytes("nope\n{\"title\":\"Baik\",\"text\":\"Isi yang baik.\"}\n{\"id\":1}\n")),
            Write("good2.txt", Encoding.UTF8.GetBytes("Judul lain\n\nIsi lain tentang gempa di Cianjur.")),
        ];
        using var store = ArticleStore.Open(Path.Combine(_directory, "data"));
        var result = await new IngestRunner(store).RunAsync(paths);

        Assert.Equal(3, result.Stored);
        Assert.Equal(4, result.Rejected);
        Assert.Equal(
            [InputErrorReasons.Binary, InputErrorReasons.Empty, InputErrorReasons.InvalidJson, InputErrorReasons.NoUsableField],
            store.Rejections().Select(r => r.Reason).Order(StringComparer.Ordinal));
        Assert.All(store.Rejections(), r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    private InputError SingleError(string path)
    {
        var result = Assert.Single(new InputReader().Read([path]));
        Assert.Null(result.Input);
        return result.Error!;
    }

    private RawInput SingleInput(string path)
    {
        var result = Assert.Single(new InputReader().Read([path]));
        Assert.Null(result.Error);
        return result.Input!;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static byte[] Warc(params (string Url, string Html)[] records)
    {
        var output = new MemoryStream();
        foreach (var (url, html) in records)
        {
            var http = Encoding.UTF8.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html);
            var header = Encoding.ASCII.GetBytes(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + url + "\r\nWARC-Record-ID: <urn:uuid:" + Guid.NewGuid() + ">\r\n" +
                "Content-Type: application/http; msgtype=response\r\nContent-Length: " + http.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\r\n\r\n");
            output.Write(header);
            output.Write(http);
            output.Write("\r\n\r\n"u8);
        }

        return output.ToArray();
    }
}
