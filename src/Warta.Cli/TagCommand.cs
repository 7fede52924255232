using System.CommandLine;
using Warta.Analysis;

namespace Warta.Cli;

/// <summary>
/// <c>warta tag</c>: reads pre-tokenised text on stdin (the token in the first column, a blank line between
/// sentences) and writes <c>token&lt;TAB&gt;tag</c> lines with BIO tags over PER, ORG and LOC, blank lines kept.
/// </summary>
internal static class TagCommand
{
    /// <summary>A sentence longer than this is tagged in pieces, so one endless line cannot stall the command.</summary>
    private const int MaxSentence = 1000;

    public static Command Create()
    {
        var command = new Command("tag", "Tag pre-tokenised text (token per line, blank line between sentences) with PER/ORG/LOC BIO tags.");
        command.SetAction(_ =>
        {
            Run(Console.In, Console.Out, NerTagger.CreateDefault());
            return 0;
        });
        return command;
    }

    internal static void Run(TextReader input, TextWriter output, NerTagger tagger)
    {
        var sentence = new List<string>();
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            var token = FirstColumn(line);
            if (token.Length == 0)
            {
                Flush();
                output.WriteLine();
                continue;
            }

            sentence.Add(token);
            if (sentence.Count >= MaxSentence)
                Flush();
        }

        Flush();
        output.Flush();

        void Flush()
        {
            if (sentence.Count == 0)
                return;
            var tags = tagger.Tag(sentence);
            for (var i = 0; i < sentence.Count; i++)
            {
                output.Write(sentence[i]);
                output.Write('\t');
                output.WriteLine(tags[i]);
            }

            sentence.Clear();
        }
    }

    private static string FirstColumn(string line)
    {
        var trimmed = line.Trim();
        var end = trimmed.IndexOfAny([' ', '\t']);
        return end < 0 ? trimmed : trimmed[..end];
    }
}
