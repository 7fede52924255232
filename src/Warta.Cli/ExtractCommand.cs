using System.CommandLine;
using System.Text;
using Warta.Model;
using Warta.Pipeline;

namespace Warta.Cli;

/// <summary><c>warta extract FILE...</c>: one JSON object per input on stdout.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Text or HTML files to extract (skeleton: plain files only).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("extract", "Extract clean articles and print them as JSON lines.") { files };
        command.SetAction(parse =>
        {
            var pipeline = new ArticlePipeline();
            foreach (var path in parse.GetValue(files)!)
            {
                var bytes = File.ReadAllBytes(path);
                var isHtml = path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
                var input = new RawInput { Source = path, Kind = isHtml ? InputKind.Html : InputKind.Text, Raw = bytes, Body = Encoding.UTF8.GetString(bytes) };
                Console.Out.WriteLine(WartaJson.Serialize(pipeline.Process(input)));
            }

            return 0;
        });
        return command;
    }
}
