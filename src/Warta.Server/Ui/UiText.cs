using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Warta.Server.Ui;

/// <summary>
/// The interface's words in English and Indonesian. The language comes from <c>?lang=</c>, then the
/// <c>warta-lang</c> cookie the switcher sets, then the browser's Accept-Language, else English.
/// </summary>
public sealed class UiText
{
    public const string CookieName = "warta-lang";

    private static readonly Dictionary<string, (string En, string Id)> Words = new(StringComparer.Ordinal)
    {
        ["tagline"] = ("News, its copies and its origins", "Berita, salinannya, dan asal-usulnya"),
        ["stories"] = ("Stories", "Cerita"),
        ["search"] = ("Search", "Cari"),
        ["search.placeholder"] = ("Search articles…", "Cari artikel…"),
        ["top.stories"] = ("Top stories", "Cerita utama"),
        ["no.stories"] = ("No stories yet: stories appear once linking has grouped the articles.", "Belum ada cerita: cerita muncul setelah artikel dikelompokkan oleh penautan."),
        ["latest"] = ("Latest articles", "Artikel terbaru"),
        ["no.articles"] = ("No articles yet. Add some with POST /api/articles or ./warta demo.", "Belum ada artikel. Tambahkan lewat POST /api/articles atau ./warta demo."),
        ["articles"] = ("articles", "artikel"),
        ["outlets"] = ("outlets", "media"),
        ["languages"] = ("Languages", "Bahasa"),
        ["origin"] = ("Origin", "Asal"),
        ["span"] = ("Time span", "Rentang waktu"),
        ["results"] = ("results", "hasil"),
        ["no.results"] = ("Nothing matches this search.", "Tidak ada yang cocok dengan pencarian ini."),
        ["filters"] = ("Filters", "Saringan"),
        ["clear.filters"] = ("Clear filters", "Hapus saringan"),
        ["facet.outlet"] = ("Outlet", "Media"),
        ["facet.language"] = ("Language", "Bahasa"),
        ["facet.story"] = ("Story", "Cerita"),
        ["facet.agency"] = ("Cited agency", "Kantor berita dikutip"),
        ["facet.entity"] = ("Entity", "Entitas"),
        ["facets.sampled"] = ("Counts estimated from a sample of the matches.", "Jumlah diperkirakan dari sampel hasil."),
        ["previous"] = ("Previous", "Sebelumnya"),
        ["next"] = ("Next", "Berikutnya"),
        ["published"] = ("Published", "Terbit"),
        ["unknown.date"] = ("date unknown", "tanggal tidak diketahui"),
        ["unknown.outlet"] = ("outlet unknown", "media tidak diketahui"),
        ["untitled"] = ("(untitled)", "(tanpa judul)"),
        ["authors"] = ("Authors", "Penulis"),
        ["entities"] = ("Entities", "Entitas"),
        ["quotes"] = ("Quotes", "Kutipan"),
        ["numbers"] = ("Numbers", "Angka"),
        ["citations"] = ("Cited agencies", "Kantor berita yang dikutip"),
        ["metadata"] = ("Metadata and where it came from", "Metadata dan asalnya"),
        ["field"] = ("Field", "Kolom"),
        ["value"] = ("Value", "Nilai"),
        ["from"] = ("Found in", "Ditemukan di"),
        ["removed"] = ("Removed boilerplate", "Bagian yang dibuang"),
        ["repeats"] = ("Collapsed repeats", "Pengulangan yang diringkas"),
        ["raw"] = ("Raw input", "Masukan mentah"),
        ["none.entities"] = ("No entities found (entity recognition has not run on this article).", "Tidak ada entitas (pengenalan entitas belum dijalankan pada artikel ini)."),
        ["none.quotes"] = ("No quotes found.", "Tidak ada kutipan."),
        ["none.numbers"] = ("No numbers found.", "Tidak ada angka."),
        ["none.citations"] = ("No cited agencies found.", "Tidak ada kantor berita yang dikutip."),
        ["none.metadata"] = ("No metadata beyond the text (plain-text input).", "Tidak ada metadata selain teks (masukan teks biasa)."),
        ["none.removed"] = ("Nothing was removed.", "Tidak ada yang dibuang."),
        ["none.raw"] = ("The raw input was not kept.", "Masukan mentah tidak disimpan."),
        ["not.found"] = ("Not found", "Tidak ditemukan"),
        ["not.found.text"] = ("There is nothing at this address.", "Tidak ada apa-apa di alamat ini."),
        ["timeline"] = ("Timeline", "Linimasa"),
        ["copy.graph"] = ("Copies and alterations", "Salinan dan perubahan"),
        ["duplicate.of"] = ("Duplicate of", "Duplikat dari"),
        ["no.copies"] = ("No copy links yet: they appear once linking has compared the articles.", "Belum ada tautan salinan: muncul setelah penautan membandingkan artikel."),
        ["story.entities"] = ("Entities across the story", "Entitas di seluruh cerita"),
        ["story.quotes"] = ("Quotes across the story", "Kutipan di seluruh cerita"),
        ["entity"] = ("Entity", "Entitas"),
        ["variants"] = ("Name variants", "Variasi nama"),
        ["said"] = ("Quotes by this entity", "Kutipan dari entitas ini"),
        ["speaker.unknown"] = ("speaker unknown", "pembicara tidak diketahui"),
        ["language"] = ("Language", "Bahasa"),
        ["undated"] = ("undated", "tanpa tanggal"),
        ["api"] = ("API", "API"),
    };

    private UiText(string language) => Language = language;

    /// <summary><c>en</c> or <c>id</c>.</summary>
    public string Language { get; }

    public string this[string key] => Words.TryGetValue(key, out var w) ? (Language == "id" ? w.Id : w.En) : key;

    public static UiText For(HttpContext? context) => new(Pick(context));

    public string Date(DateTimeOffset? value) => value is { } d
        ? d.ToString(Language == "id" ? "d MMM yyyy HH:mm zzz" : "MMM d, yyyy HH:mm zzz", Language == "id" ? IndonesianDates : EnglishDates)
        : this["unknown.date"];

    // Looked up once: CultureInfo.GetCultureInfo takes a lock on every call, which every date on a page contended for.
    private static readonly CultureInfo IndonesianDates = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo EnglishDates = CultureInfo.GetCultureInfo("en-GB");

    internal static string Pick(HttpContext? context)
    {
        if (context is null)
        {
            return "en";
        }

        var asked = context.Request.Query["lang"].ToString();
        if (asked is "en" or "id")
        {
            return asked;
        }

        if (context.Request.Cookies.TryGetValue(CookieName, out var cookie) && cookie is "en" or "id")
        {
            return cookie;
        }

        foreach (var part in context.Request.Headers.AcceptLanguage.ToString().Split(','))
        {
            var tag = part.Split(';')[0].Trim();
            if (tag.StartsWith("id", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("in", StringComparison.OrdinalIgnoreCase))
            {
                return "id";
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return "en";
            }
        }

        return "en";
    }
}
