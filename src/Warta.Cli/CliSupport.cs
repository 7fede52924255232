using System.CommandLine;
using Warta.Storage;

namespace Warta.Cli;

/// <summary>Options and exit codes shared by the commands.</summary>
internal static class CliSupport
{
    /// <summary>Everything went well.</summary>
    public const int Ok = 0;

    /// <summary>The run finished, but some inputs were rejected (listed on stderr and by <c>warta stats</c>).</summary>
    public const int SomeRejected = 1;

    /// <summary>The command line was wrong.</summary>
    public const int UsageError = 2;

    /// <summary>The data directory or store could not be used.</summary>
    public const int StoreError = 3;

    /// <summary>A requested item does not exist.</summary>
    public const int NotFound = 4;

    public static Option<string> DataOption() => new("--data", "-d")
    {
        Description = $"The data directory holding the store. Default: ${ArticleStore.DataEnvironmentVariable}, else $XDG_DATA_HOME/warta, else ~/.local/share/warta.",
        DefaultValueFactory = _ => ArticleStore.DefaultDataDirectory(),
    };

    /// <summary>
    /// Makes a path argument refuse tokens that look like options ("--bacth"): a mistyped option is a usage error,
    /// not a missing file. A lone "-" (standard input) stays a path; "./--odd-name" reaches a file named so.
    /// </summary>
    public static Argument<string[]> RejectingOptionLikePaths(this Argument<string[]> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-')
                {
                    result.AddError($"unknown option '{token.Value}' (see --help; to name a file that starts with '-', write ./{token.Value})");
                }
            }
        });
        return argument;
    }

    /// <summary>Opens the store, printing the data directory; null (after an error line) when it cannot be opened.</summary>
    public static ArticleStore? OpenStore(string dataDirectory, string command)
    {
        try
        {
            var store = ArticleStore.Open(dataDirectory);
            Console.Error.WriteLine($"{command}: data directory {store.DataDirectory}");
            return store;
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"{command}: error: {e.Message}");
            return null;
        }
    }
}
