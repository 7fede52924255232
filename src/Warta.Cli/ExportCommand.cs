using System.CommandLine;
using Warta.Linking;
using Warta.Model;
using Warta.Storage;

namespace Warta.Cli;

/// <summary><c>warta export --data DIR</c>: every stored article as JSON lines, streamed.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var after = new Option<long>("--after") { Description = "Only articles with an id above this (resume a partial export).", DefaultValueFactory = _ => 0 };
        var command = new Command("export", """
            Write every stored article to stdout as JSON lines: 'id', 'externalId' and the fields of 'warta extract',
            plus what linking found: 'duplicateOf', 'copies', 'originId', 'copiedFrom', 'storyId', 'alterations'.
            Streams: any number of articles, in id order.
            Example: warta export --data ./news > articles.jsonl
            """) { data, after };
        command.SetAction(parse =>
        {
            using var store = CliSupport.OpenStore(parse.GetValue(data)!, "export");
            if (store is null)
            {
                return CliSupport.StoreError;
            }

            using var links = LinkStore.Open(store);
            using var output = new StreamWriter(Console.OpenStandardOutput());
            foreach (var stored in store.All(parse.GetValue(after)))
            {
                output.WriteLine(ExportRecord.Create(stored, links.LinksOf(stored.Id).ExportFields()).ToJsonString(WartaJson.Options));
            }

            return CliSupport.Ok;
        });
        return command;
    }
}
