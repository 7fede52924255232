using BenchmarkDotNet.Running;

// Runs the BenchmarkDotNet benchmarks in this assembly; `dotnet run -c Release -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
