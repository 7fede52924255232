using System.CommandLine;
using System.Globalization;

namespace Warta.Cli;

/// <summary><c>warta stats</c>: what the store holds, and every rejected input with its reason.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var command = new Command("stats", "Count the stored articles by language and outlet, and list rejected inputs with their reasons.") { data };
        command.SetAction(parse =>
        {
            using var store = CliSupport.OpenStore(parse.GetValue(data)!, "stats");
            if (store is null)
            {
                return CliSupport.StoreError;
            }

            var stats = store.Stats();
            var o = Console.Out;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"articles   {stats.Articles:N0}"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rejected   {stats.Rejections:N0}"));
            Section("languages", stats.Languages);
            Section("outlets", stats.Outlets.Take(25));
            Section("rejections by reason", stats.RejectionReasons);
            if (stats.Rejections > 0)
            {
                o.WriteLine("rejected inputs:");
                foreach (var rejection in store.Rejections())
                {
                    o.WriteLine($"  {rejection.Source}: {rejection.Reason}: {rejection.Message}");
                }
            }

            return CliSupport.Ok;

            void Section(string title, IEnumerable<KeyValuePair<string, long>> counts)
            {
                o.WriteLine($"{title}:");
                foreach (var (name, count) in counts)
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,8:N0}  {name}"));
                }
            }
        });
        return command;
    }
}
