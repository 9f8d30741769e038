using System.Diagnostics;
using Suanbei.Core.Identifiers;
using Suanbei.Registry;
using Suanbei.Registry.Export;
using Suanbei.Registry.Import;
using Suanbei.Registry.Publishing;
using Suanbei.Registry.Store;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;

// Registry benchmark: synthetic registry drawn from the real sample rows; import from .xlsx and search latency
// on SQLite and PostgreSQL. Usage: dotnet run -c Release --project bench/Suanbei.RegistryBench -- [entries=100000] [xlsxRows=10000]
// With --data DIR: only writes the synthetic registry into a SQLite data folder DIR (for bench/registry-wrk.sh) and exits.
var dataOnly = Array.IndexOf(args, "--data") is var di && di >= 0 ? args[di + 1] : null;
var positional = args.Where((a, i) => !a.StartsWith("--") && (i == 0 || args[i - 1] != "--data")).ToArray();
var entries = positional.Length > 0 ? int.Parse(positional[0]) : 100_000;
var xlsxRows = positional.Length > 1 ? int.Parse(positional[1]) : 10_000;

var samples = new[] { "deep-synthesis-filings.tsv", "algorithm-filings.tsv" }
    .SelectMany(f => RegistryImporter.ImportFile(RepoPaths.PublishedList(f)).Rows).ToList();
var rng = new Random(42);
var rows = new List<RegistryRow>(entries);
for (var i = 0; i < entries; i++)
{
    var t = samples[rng.Next(samples.Count)];
    var digits = RegistryNumbers.AlgorithmDigits(t.Number)!;
    // Unique entity code per ~8 entries; region, type and year drawn from the sample row.
    var entity = (1_000_000 + i / 8).ToString("D7");
    var number = FilingNumber.Compose(digits[..6], entity, digits[13..15], 2000 + int.Parse(digits[15..17]), i % 8 + 1);
    var variant = i / samples.Count;
    rows.Add(t with
    {
        RowNumber = i + 1,
        Number = number,
        Name = variant == 0 ? t.Name : t.Name.Replace("算法", $"{variant}号算法"),
        Entity = variant == 0 ? t.Entity : t.Entity.Replace("有限公司", $"第{variant}分公司"),
        Period = $"20{22 + i % 4}-{1 + i % 12:00}",
        Batch = $"第{1 + i % 18}批",
    });
}
if (dataOnly is not null)
{
    var o = new SuanbeiHostOptions { DataDirectory = dataOnly };
    await using var db = new SuanbeiDbContext(DatabaseSetup.Options(o));
    DatabaseSetup.Migrate(db, o);
    var w = Stopwatch.StartNew();
    await new RegistryStore(db).ImportAsync(new ImportResult("bench", RegistryFileFormat.Tsv, rows, [], [], null));
    Console.WriteLine($"{entries:N0} synthetic entries written to {o.SqlitePath} in {w.ElapsedMilliseconds / 1000.0:0.0} s");
    return;
}
Console.WriteLine(
    $"# Registry benchmark — {entries:N0} synthetic entries from {samples.Count} real rows; {Environment.ProcessorCount} cores");

// Import of N rows from .xlsx (read + merge into an empty SQLite registry).
var tmp = Directory.CreateTempSubdirectory("suanbei-bench-");
var xlsx = Path.Combine(tmp.FullName, "rows.xlsx");
RegistryExporter.WriteFile(rows.Take(xlsxRows), ExportFormat.Xlsx, xlsx);
var me = Process.GetCurrentProcess();
TimeSpan Cpu() { me.Refresh(); return me.TotalProcessorTime; }
Console.WriteLine($"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}");
var sw = Stopwatch.StartNew();
var cpu0 = Cpu();
var parsed = RegistryImporter.ImportFile(xlsx);
var readMs = sw.ElapsedMilliseconds;
var readCpu = (Cpu() - cpu0).TotalMilliseconds;
var opts = new SuanbeiHostOptions { DataDirectory = Path.Combine(tmp.FullName, "xlsx") };
await using (var db = new SuanbeiDbContext(DatabaseSetup.Options(opts)))
{
    DatabaseSetup.Migrate(db, opts);
    sw.Restart();
    cpu0 = Cpu();
    await new RegistryStore(db).ImportAsync(parsed);
}
var storeCpu = (Cpu() - cpu0).TotalMilliseconds;
Console.WriteLine(
    $"\nImport {parsed.Rows.Count:N0} rows from .xlsx ({new FileInfo(xlsx).Length / 1024} KB): read {readMs} ms wall / {readCpu:0} ms " +
    $"CPU + store {sw.ElapsedMilliseconds} ms wall / {storeCpu:0} ms CPU (SQLite, in-process)");

var queries = new (string Label, RegistryQuery Query)[]
{
    ("1 char 图", new() { Text = "图" }),
    ("1 char 猴", new() { Text = "猴" }),
    ("2 chars 豆包", new() { Text = "豆包" }),
    ("2 chars 腾讯", new() { Text = "腾讯" }),
    ("4 chars 智能对话", new() { Text = "智能对话" }),
    ("2 terms 百度 APP", new() { Text = "百度 APP" }),
    ("number prefix", new() { Text = "网信算备1101" }),
    ("filter role+province", new() { Role = "服务提供者", Province = "北京" }),
    ("filter type+year", new() { Type = "生成合成类", Year = 2024 }),
    ("text+status+type", new() { Text = "生成", Status = RegistryStatus.Active, Type = "01" }),
    ("batch 第三批", new() { Batch = "第三批" }),
    ("everything page 50", new() { }),
};

// prints each command of the last repetition with its time
var logSql = Environment.GetEnvironmentVariable("REGISTRY_BENCH_LOG_SQL") == "1";
var providers = (Environment.GetEnvironmentVariable("REGISTRY_BENCH_PROVIDERS") ?? "SQLite,PostgreSQL").Split(',');
foreach (var provider in providers)
{
    var o = provider == "SQLite"
        ? new SuanbeiHostOptions { DataDirectory = Path.Combine(tmp.FullName, "big") }
        : new SuanbeiHostOptions
        {
            DataDirectory = Path.Combine(tmp.FullName, "pg"),
            PostgresConnectionString = PostgresServer.Instance.CreateDatabase("bench")
        };
    await using (var db = new SuanbeiDbContext(DatabaseSetup.Options(o)))
    {
        DatabaseSetup.Migrate(db, o);
        sw.Restart();
        await new RegistryStore(db).ImportAsync(new ImportResult("bench", RegistryFileFormat.Tsv, rows, [], [], null));
        Console.WriteLine($"\n## {provider}: {entries:N0} entries imported in {sw.ElapsedMilliseconds / 1000.0:0.0} s\n");
    }
    Console.WriteLine("| query | hits | p50 ms | p95 ms | p50 CPU ms (this process) |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var (label, q) in queries)
    {
        var times = new List<double>();
        var cpus = new List<double>();
        var total = 0;
        for (var rep = 0; rep < 25; rep++)
        {
            var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<SuanbeiDbContext>();
            DatabaseSetup.Configure(builder, o);
            if (logSql && rep == 24)
                builder.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]);
            await using var db = new SuanbeiDbContext(builder.Options);
            var store = new RegistryStore(db);
            var c0 = Cpu();
            sw.Restart();
            var r = await store.SearchAsync(q with { PageSize = 50 });
            var ms = sw.Elapsed.TotalMilliseconds;
            if (rep >= 3) { times.Add(ms); cpus.Add((Cpu() - c0).TotalMilliseconds); } // warm-up excluded
            total = r.Total;
        }
        times.Sort();
        cpus.Sort();
        Console.WriteLine(
            $"| {label} | {total:N0} | {times[times.Count / 2]:0.0} | {times[(int)Math.Ceiling(times.Count * 0.95) - 1]:0.0} | " +
            $"{cpus[cpus.Count / 2]:0.0} |");
    }
}
Console.WriteLine($"\nload average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
tmp.Delete(true);
