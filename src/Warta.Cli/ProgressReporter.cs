using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Warta.Pipeline;

namespace Warta.Cli;

/// <summary>
/// Shows ingest progress on stderr: a live Spectre.Console display in a terminal, plain lines every two seconds
/// otherwise (Spectre prints nothing when output is redirected).
/// </summary>
internal sealed class ProgressReporter : IDisposable
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    private readonly string _name;
    private readonly Stopwatch _sinceLine = Stopwatch.StartNew();
    private readonly Task? _live;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IngestProgress? _latest;

    private ProgressReporter(string name, bool live)
    {
        _name = name;
        if (live)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            _live = console.Progress()
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask(name);
                    task.IsIndeterminate = true;
                    while (!_done.Task.IsCompleted)
                    {
                        if (_latest is { } latest)
                        {
                            task.Description = Markup.Escape(Describe(latest));
                        }

                        await Task.WhenAny(_done.Task, Task.Delay(200)).ConfigureAwait(false);
                    }

                    task.StopTask();
                });
        }
    }

    public static ProgressReporter Start(string name) => new(name, !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive);

    public void Report(IngestProgress progress)
    {
        _latest = progress;
        if (_live is null && _sinceLine.Elapsed >= PlainInterval)
        {
            _sinceLine.Restart();
            Console.Error.WriteLine($"{_name}: {Describe(progress)}");
        }
    }

    public void Finish(IngestProgress result)
    {
        Stop();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_name}: done in {result.Elapsed.TotalSeconds:F1}s: {Describe(result)}"));
    }

    public void Dispose() => Stop();

    private void Stop()
    {
        _done.TrySetResult();
        _live?.GetAwaiter().GetResult();
    }

    private static string Describe(IngestProgress p) => string.Create(
        CultureInfo.InvariantCulture,
        $"{p.Read:N0} read, {p.Stored:N0} stored, {p.Unchanged:N0} unchanged, {p.Rejected:N0} rejected, {p.PerSecond:N0}/s");
}
