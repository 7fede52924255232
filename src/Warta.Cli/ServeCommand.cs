using System.CommandLine;
using Warta.Server;

namespace Warta.Cli;

/// <summary><c>warta serve --data DIR [--port N] [--host ADDR]</c>: the REST API and the web UI over a data directory.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = CliSupport.DataOption();
        var port = PortOption();
        var host = HostOption();
        var concurrent = new Option<int>("--max-concurrent")
        {
            Description = "Requests worked on at once; more wait their turn in arrival order (0: no limit). Default: one per core.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("serve", "Serve the REST API (/api/) and the web UI (/) over a data directory.") { data, port, host, concurrent };
        command.SetAction(async (parse, cancel) =>
        {
            var options = new WartaServerOptions { DataDirectory = parse.GetValue(data), Port = parse.GetValue(port), Host = parse.GetValue(host)!, MaxConcurrentRequests = parse.GetValue(concurrent) };
            return await RunAsync(options, null, cancel).ConfigureAwait(false);
        });
        return command;
    }

    internal static Option<int> PortOption() => new("--port") { Description = "TCP port; 0 picks a free one.", DefaultValueFactory = _ => 5080 };

    internal static Option<string> HostOption() => new("--host") { Description = "Address to bind; loopback unless you mean to expose it.", DefaultValueFactory = _ => "127.0.0.1" };

    /// <summary>Builds the server, lets <paramref name="beforeStart"/> fill it, starts it and waits for Ctrl+C.</summary>
    internal static async Task<int> RunAsync(WartaServerOptions options, Action<WartaServer>? beforeStart, CancellationToken cancel)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"warta serve: {e.ParamName}: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        var server = WartaServer.Build(options);
        await using (server.ConfigureAwait(false))
        {
            beforeStart?.Invoke(server);
            await server.StartAsync(cancel).ConfigureAwait(false);
            Console.Out.WriteLine($"data:     {server.DataDirectory}");
            Console.Out.WriteLine($"articles: {server.Catalog.Count}");
            Console.Out.WriteLine($"serving:  {server.Address}/  (API {server.Address}/api/, OpenAPI {server.Address}/openapi/v1.json)");
            Console.Out.WriteLine(server.ApiKeyGenerated
                ? $"api key:  {server.ApiKey}  (generated; stored in the data directory; set WARTA_API_KEY to choose one)"
                : "api key:  from WARTA_API_KEY or the data directory");
            await server.WaitForShutdownAsync(cancel).ConfigureAwait(false);
        }

        return 0;
    }
}
