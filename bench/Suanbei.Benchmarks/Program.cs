using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Suanbei.Benchmarks -- --filter '*'`; peer-tool comparisons are scripts beside this project.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
