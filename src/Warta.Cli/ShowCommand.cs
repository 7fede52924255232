using System.CommandLine;
using System.Globalization;
using System.Text;
using Warta.Storage;

namespace Warta.Cli;

/// <summary><c>warta show ID</c>: one stored article, readable.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var id = new Argument<long>("id") { Description = "The article id (from 'warta export' or 'warta ingest')." };
        var raw = new Option<bool>("--raw") { Description = "Print the verbatim raw input instead." };
        var command = new Command("show", "Print one stored article readably: metadata, text, citations and removed boilerplate.") { data, id, raw };
        command.SetAction(parse =>
        {
            using var store = CliSupport.OpenStore(parse.GetValue(data)!, "show");
            if (store is null)
            {
                return CliSupport.StoreError;
            }

            var articleId = parse.GetValue(id);
            if (parse.GetValue(raw))
            {
                if (store.GetRaw(articleId) is not { } input)
                {
                    Console.Error.WriteLine($"show: no article with id {articleId}; 'warta export' lists the ids");
                    return CliSupport.NotFound;
                }

                using var stdout = Console.OpenStandardOutput();
                stdout.Write(input.Bytes.Span);
                return CliSupport.Ok;
            }

            if (store.Get(articleId) is not { } stored)
            {
                Console.Error.WriteLine($"show: no article with id {articleId}; 'warta export' lists the ids");
                return CliSupport.NotFound;
            }

            Console.Out.Write(Describe(stored));
            return CliSupport.Ok;
        });
        return command;
    }

    internal static string Describe(StoredArticle stored)
    {
        var a = stored.Article;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#{stored.Id}  {a.Title ?? "(no title)"}\n");
        text.Append(CultureInfo.InvariantCulture, $"source     {a.Source}\n");
        text.Append(CultureInfo.InvariantCulture, $"url        {a.Url ?? "-"}\n");
        text.Append(CultureInfo.InvariantCulture, $"outlet     {a.Outlet ?? "-"}\n");
        text.Append(CultureInfo.InvariantCulture, $"published  {(a.Published is { } p ? p.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "unknown")}\n");
        text.Append(CultureInfo.InvariantCulture, $"authors    {(a.Authors.Count > 0 ? string.Join(", ", a.Authors) : "-")}\n");
        text.Append(CultureInfo.InvariantCulture, $"language   {a.Language ?? "-"}\n");
        foreach (var citation in a.Citations)
        {
            text.Append(CultureInfo.InvariantCulture, $"cites      {citation.Agency}  («{citation.Evidence}»)\n");
        }

        text.Append('\n').Append(a.Text).Append("\n\n");
        foreach (var removed in a.Removed)
        {
            text.Append(CultureInfo.InvariantCulture, $"removed [{removed.Reason}] {removed.Text}\n");
        }

        return text.ToString();
    }
}
