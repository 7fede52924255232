using System.Globalization;
using System.Text;
using System.Text.Json;
using Warta.Evaluation.Extraction;
using Warta.Extraction;
using Warta.Linking;
using Warta.Model;

namespace Warta.Evaluation.Linking;

/// <summary>A generated copy with the edits applied and the names and numbers it replaced (original → new).</summary>
public sealed record GeneratedCopy(long Id, long OriginId, Article Article, IReadOnlyList<string> Edits, IReadOnlyList<(string Original, string Altered)> Replacements);

/// <summary>
/// Builds copy families from real articles with realistic edits: boilerplate around the text, truncation,
/// paragraphs reordered, a few words replaced, a name replaced by another article's name, a number changed.
/// Origins are published by an agency outlet; a third of the copies cite it, a tenth carry no time and a tenth
/// an earlier (wrong) time, so origin detection cannot rely on timestamps alone. Seeded, so runs repeat.
/// </summary>
public sealed class CopyFamilyGenerator(int seed = 20260523)
{
    private static readonly string[] Boilerplate =
    [
        "Baca juga: Harga emas hari ini naik tipis di tengah ketidakpastian pasar global",
        "Ikuti berita terkini dan terlengkap kami di Google News dan kanal WhatsApp redaksi",
        "Home Berita Nasional Daerah Ekonomi Olahraga Hiburan Teknologi Otomotif Indeks",
        "Copyright 2024 seluruh hak cipta dilindungi undang-undang. Dilarang mengutip tanpa izin redaksi.",
        "Simak video pilihan berikut ini dan jangan lupa berlangganan saluran kami",
    ];

    private static readonly string[] EnglishBoilerplate =
    [
        "Read more: Gold prices edge higher as global markets wait for the central bank",
        "Follow us on Google News and join our WhatsApp channel for the latest stories",
        "Home News World Business Sport Entertainment Technology Opinion Video",
        "Copyright 2024 all rights reserved. This material may not be published, broadcast or redistributed.",
        "Watch the video below and don't forget to subscribe to our channel",
    ];

    private readonly Random _random = new(seed);

    /// <summary>Reads IndoSum JSONL (paragraphs of tokenised sentences) into articles of at least <paramref name="minWords"/> words.</summary>
    public static List<Article> ReadIndoSum(IEnumerable<string> files, int limit, int minWords = 120)
    {
        var articles = new List<Article>();
        foreach (var file in files)
        {
            foreach (var line in File.ReadLines(file))
            {
                if (articles.Count >= limit)
                {
                    return articles;
                }

                using var doc = JsonDocument.Parse(line);
                var paragraphs = doc.RootElement.GetProperty("paragraphs").EnumerateArray()
                    .Select(p => string.Join(' ', p.EnumerateArray().Select(s => Detokenise(s.EnumerateArray().Select(t => t.GetString() ?? string.Empty)))))
                    .Where(p => p.Length > 0)
                    .ToList();
                var text = string.Join("\n\n", paragraphs);
                if (TextTokens.Words(text).Count >= minWords)
                {
                    articles.Add(new Article { Source = file + "#" + doc.RootElement.GetProperty("id").GetString(), Text = text });
                }
            }
        }

        return articles;
    }

    /// <summary>
    /// Real articles from an HTML gold set, taken through Warta's own HTML extractor as raw pages would be: pages not
    /// marked as listings whose main text has at least <paramref name="minWords"/> words and two paragraphs.
    /// </summary>
    public static List<Article> ReadHtmlPages(IEnumerable<ExtractionPage> pages, int limit, int minWords = 120)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var extractor = new HtmlArticleExtractor();
        var articles = new List<Article>();
        foreach (var page in pages)
        {
            if (articles.Count >= limit)
            {
                break;
            }

            if (page.IsListing)
            {
                continue;
            }

            var article = extractor.Extract(page.Html, page.Url);
            if (article.Metadata?.PageType != "listing" && article.Text.Contains("\n\n", StringComparison.Ordinal) && TextTokens.Words(article.Text).Count >= minWords)
            {
                articles.Add(article with { Source = page.Set + "/" + page.Id });
            }
        }

        return articles;
    }

    /// <summary>Copies of <paramref name="origin"/>; ids from <paramref name="nextId"/> on.</summary>
    public List<GeneratedCopy> Copies(long originId, Article origin, IReadOnlyList<Article> donors, ref long nextId, int count)
    {
        var copies = new List<GeneratedCopy>();
        for (var i = 0; i < count; i++)
        {
            var edits = new List<string>();
            var replacements = new List<(string, string)>();
            var paragraphs = origin.Text.Split("\n\n").ToList();
            var english = string.Equals(origin.Language, "en", StringComparison.Ordinal);
            var boilerplate = english ? EnglishBoilerplate : Boilerplate;
            var kind = _random.Next(6);
            switch (kind)
            {
                case 0:
                    edits.Add("boilerplate");
                    paragraphs.Insert(0, boilerplate[_random.Next(boilerplate.Length)]);
                    paragraphs.Add(boilerplate[_random.Next(boilerplate.Length)]);
                    paragraphs.Add(boilerplate[_random.Next(boilerplate.Length)]);
                    break;
                case 1:
                    edits.Add("truncated");
                    paragraphs = paragraphs.Take(Math.Max(1, (int)Math.Ceiling(paragraphs.Count * 0.6))).ToList();
                    break;
                case 2:
                    edits.Add("reordered");
                    paragraphs = paragraphs.OrderBy(_ => _random.Next()).ToList();
                    break;
                case 3:
                    edits.Add("words");
                    paragraphs = paragraphs.Select(p => ReplaceWords(p, 0.02)).ToList();
                    break;
                default:
                    break;
            }

            if (kind >= 3 || _random.Next(3) == 0)
            {
                ReplaceToken(paragraphs, origin.Text, TextTokens.IsCapitalised, () => DonorName(donors), "name", edits, replacements);
            }

            if (kind >= 4 || _random.Next(3) == 0)
            {
                ReplaceToken(paragraphs, origin.Text, TextTokens.IsNumber, NewNumber, "number", edits, replacements);
            }

            var cites = _random.Next(3) == 0;
            var cue = english ? "As reported by " : "Seperti dilaporkan ";
            if (cites)
            {
                paragraphs[0] = cue + origin.Outlet + ", " + paragraphs[0];
                edits.Add("cites-origin");
            }

            var timeRoll = _random.Next(10);
            DateTimeOffset? published = timeRoll == 0 ? null
                : timeRoll == 1 && cites ? origin.Published!.Value.AddMinutes(-_random.Next(5, 120))
                : origin.Published!.Value.AddMinutes(_random.Next(5, 600));
            var copy = new Article
            {
                Source = origin.Source + "#copy" + i.ToString(CultureInfo.InvariantCulture),
                Text = string.Join("\n\n", paragraphs),
                Outlet = "outlet" + _random.Next(50).ToString(CultureInfo.InvariantCulture) + ".id",
                Published = published,
                Language = origin.Language,
                Citations = cites ? [new Citation(origin.Outlet!, cue + origin.Outlet)] : [],
            };
            copies.Add(new GeneratedCopy(nextId++, originId, copy, edits, replacements));
        }

        return copies;
    }

    private string ReplaceWords(string paragraph, double rate)
    {
        var words = paragraph.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (_random.NextDouble() < rate && words[i].All(char.IsLower))
            {
                words[i] = "kata" + _random.Next(1000).ToString(CultureInfo.InvariantCulture);
            }
        }

        return string.Join(' ', words);
    }

    private string DonorName(IReadOnlyList<Article> donors)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var tokens = TextTokens.RawWords(donors[_random.Next(donors.Count)].Text);
            var names = tokens.Skip(1).Where(t => TextTokens.IsCapitalised(t.Text) && t.Text.Length > 3).ToList();
            if (names.Count > 0)
            {
                return names[_random.Next(names.Count)].Text;
            }
        }

        return "Sulawesi";
    }

    private string NewNumber() => _random.Next(11, 999).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Replaces every occurrence of one token of the origin's own text (not added boilerplate) matching
    /// <paramref name="isTarget"/> and not sentence-initial.
    /// </summary>
    private void ReplaceToken(List<string> paragraphs, string originText, Func<string, bool> isTarget, Func<string> replacement, string edit, List<string> edits, List<(string, string)> replacements)
    {
        var text = string.Join("\n\n", paragraphs);
        var present = TextTokens.RawWords(text).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var candidates = TextTokens.RawWords(originText)
            .Where((t, i) => i > 0 && isTarget(t.Text) && present.Contains(t.Text) && !originText[..t.Start].TrimEnd().EndsWith('.'))
            .Select(t => t.Text)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var original = candidates[_random.Next(candidates.Count)];
        var altered = replacement();
        if (string.Equals(original, altered, StringComparison.Ordinal) || text.Contains(altered, StringComparison.Ordinal) || originText.Contains(altered, StringComparison.Ordinal))
        {
            return;
        }

        for (var i = 0; i < paragraphs.Count; i++)
        {
            paragraphs[i] = ReplaceWhole(paragraphs[i], original, altered);
        }

        edits.Add(edit);
        replacements.Add((original, altered));
    }

    private static string ReplaceWhole(string text, string token, string replacement)
    {
        var builder = new StringBuilder();
        var last = 0;
        foreach (var (word, start) in TextTokens.RawWords(text))
        {
            if (string.Equals(word, token, StringComparison.Ordinal))
            {
                builder.Append(text, last, start - last).Append(replacement);
                last = start + word.Length;
            }
        }

        return builder.Append(text, last, text.Length - last).ToString();
    }

    internal static string Detokenise(IEnumerable<string> tokens)
    {
        var builder = new StringBuilder();
        foreach (var token in tokens)
        {
            var attach = token is "." or "," or ":" or ";" or "!" or "?" or ")" or "%";
            if (builder.Length > 0 && !attach && builder[^1] != '(')
            {
                builder.Append(' ');
            }

            builder.Append(token);
        }

        return builder.ToString();
    }
}
