using System.CommandLine;
using Suanbei.Registry;
using Suanbei.Registry.Display;
using Suanbei.Registry.Export;
using Suanbei.Registry.Import;
using Suanbei.Registry.Published;

namespace Suanbei.Cli.Commands;

/// <summary>
/// <c>suanbei registry import|search|stats|export|verify</c>: the public registry of published filing lists.
/// Contract used by checks: import exits 0 when every file was read (reported rows are not a failure), 1 when a file could
/// not be read; search --json prints one object per line (number, name, role, entity, products, purpose, status, batches);
/// stats --json prints {"entries":N,"active":N,"cancelled":N,…}. Usage errors exit 10.
/// </summary>
internal static class RegistryCommands
{
    public static Command Create()
    {
        var group = new Command("registry", "公示清单库：导入、搜索、统计、导出、核验备案编号");
        group.Subcommands.Add(Import());
        group.Subcommands.Add(Search());
        group.Subcommands.Add(Stats());
        group.Subcommands.Add(Export());
        group.Subcommands.Add(Verify());
        group.Subcommands.Add(DisplayCheckCommand());
        return group;
    }

    private static RegistryDatabase Open(ParseResult p, Option<string> data, Option<string?> db) =>
        RegistryDatabase.Open(p.GetValue(data)!, p.GetValue(db));

    private static int Run(Func<int> body)
    {
        try { return body(); }
        catch (RegistryQueryException e) { Console.Error.WriteLine("错误：" + e.Message); return CommonOptions.UsageOrIoError; }
    }

    private static Command Import()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "清单文件（.docx、.xlsx、.csv、.tsv、.json），格式按内容识别",
            Arity = ArgumentArity.ZeroOrMore
        };
        var published = new Option<bool>("--published") { Description = "导入随附的网信办公示清单（深度合成、算法备案、生成式人工智能、注销公告）" };
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var period = new Option<string?>("--period") { Description = "清单期次 YYYY-MM（文件中没有时使用）" };
        var batch = new Option<string?>("--batch") { Description = "批次，如 第三批（文件中没有时使用）" };
        var command = new Command("import", "导入公示清单或注销公告；按备案编号去重，重复导入结果不变") { files, data, db, json, period, batch, published };
        command.SetAction(p => Run(() =>
        {
            var paths = p.GetValue(files) ?? [];
            if (paths.Length == 0 && !p.GetValue(published))
                throw new RegistryQueryException("请给出要导入的清单文件，或用 --published 导入随附的网信办公示清单");
            using var database = Open(p, data, db);
            var store = database.Store;
            var allRead = true;
            var options = new ImportOptions { Period = p.GetValue(period), Batch = p.GetValue(batch) };
            // The shipped lists first (named by file name), then the user's files.
            var sources = (p.GetValue(published)
                    ? PublishedLists.FileNames.Select(name => (name, (Func<ImportResult>)(() => PublishedLists.Read(name))))
                    : [])
                .Concat(paths.Select(path => (path, (Func<ImportResult>)(() => RegistryImporter.ImportFile(path, options)))));
            foreach (var (file, read) in sources)
            {
                var result = read();
                var summary = store.ImportAsync(result).GetAwaiter().GetResult();
                allRead &= result.FileRead;
                if (p.GetValue(json))
                {
                    CliJson.WriteLine(w =>
                    {
                        w.WriteString("file", file);
                        w.WriteBoolean("read", result.FileRead);
                        w.WriteStringOrNull("error", result.FileError);
                        w.WriteString("format", result.Format.ToString().ToLowerInvariant());
                        w.WriteNumber("taken", result.Rows.Count);
                        w.WriteNumber("reported", result.Reported.Count);
                        w.WriteNumber("created", summary.EntriesCreated);
                        w.WriteNumber("changed", summary.EntriesChanged);
                        w.WriteNumber("cancelled", summary.EntriesCancelled);
                        w.WriteStartArray("reports");
                        foreach (var r in result.Reported)
                        {
                            w.WriteStartObject();
                            w.WriteNumber("row", r.RowNumber);
                            w.WriteString("reason", r.Reason);
                            w.WriteStringOrNull("content", r.Content);
                            w.WriteEndObject();
                        }
                        w.WriteEndArray();
                    });
                    continue;
                }
                if (!result.FileRead)
                {
                    Console.WriteLine($"{file}：无法读取 — {result.FileError}");
                    continue;
                }
                Console.WriteLine(
                    $"{file}：读取 {result.Rows.Count} 行，报告 {result.Reported.Count} 行"
                    + $"（新增 {summary.EntriesCreated} 条，更新 {summary.EntriesChanged} 条，注销 {summary.EntriesCancelled} 条）");
                foreach (var r in result.Reported) Console.WriteLine($"  第{r.RowNumber}行：{r.Reason}");
            }
            return allRead ? 0 : 1;
        }));
        return command;
    }

    /// <summary>The filters shared by search and export.</summary>
    private sealed class Filters
    {
        public readonly Argument<string?> Query = new("query") { Description = "搜索词（空格分隔多个词；空串匹配全部）", Arity = ArgumentArity.ZeroOrOne };
        public readonly Option<string?> Role = new("--role") { Description = "角色：服务提供者 / 服务技术支持者（或 provider / supporter）" };
        public readonly Option<string?> Type = new("--type") { Description = "算法类型：生成合成类 等，或编号中的类型代码 01–06" };
        public readonly Option<string?> Province = new("--province") { Description = "省份，如 北京 或 11" };
        public readonly Option<string?> Status = new("--status") { Description = "状态：active（有效）/ cancelled（已注销）" };
        public readonly Option<int?> Year = new("--year") { Description = "编号中的年份，如 2024" };
        public readonly Option<string?> Batch = new("--batch") { Description = "批次或期次，如 第三批 或 2024-01" };
        public readonly Option<string?> Source = new("--source") { Description = "来源：official（官方清单）/ filed（本系统公示）" };
        public readonly Option<string?> Sort = new("--sort") { Description = "排序：latest（默认）、oldest、number、name、entity" };

        public void AddTo(Command c)
        {
            c.Arguments.Add(Query);
            foreach (var o in new Option[] { Role, Type, Province, Status, Year, Batch, Source, Sort }) c.Options.Add(o);
        }

        public RegistryQuery Build(ParseResult p) => new()
        {
            Text = p.GetValue(Query),
            Role = p.GetValue(Role),
            Type = p.GetValue(Type),
            Province = p.GetValue(Province),
            Status = RegistryQuery.ParseStatus(p.GetValue(Status)),
            Year = p.GetValue(Year),
            Batch = p.GetValue(Batch),
            Source = RegistryQuery.ParseSource(p.GetValue(Source)),
            Sort = RegistryQuery.ParseSort(p.GetValue(Sort)),
        };
    }

    private static Command Search()
    {
        var filters = new Filters();
        var limit = new Option<int>("--limit") { Description = "最多输出条数（默认 50；可为任意正整数，结果逐条输出）", DefaultValueFactory = _ => 50 };
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("search", "按算法名称、主体、产品、用途中的任意子串搜索（支持单字）") { limit, data, db, json };
        filters.AddTo(command);
        command.SetAction(p => Run(() =>
        {
            var n = p.GetValue(limit);
            if (n < 1) throw new RegistryQueryException($"--limit 应为正整数（收到 {n}）");
            var query = filters.Build(p);
            using var database = Open(p, data, db);
            var matches = database.Store.MatchAsync(query, n).GetAwaiter().GetResult();
            var total = matches.Total;
            var shown = 0;
            foreach (var e in matches.Entries().ToBlockingEnumerable())
            {
                if (p.GetValue(json)) WriteEntry(e);
                else Console.WriteLine($"{e.Number}  {e.Name}  {e.Role ?? e.Category ?? ""}  {e.Entity}  "
                    + (e.Status == RegistryStatus.Cancelled ? "已注销" : "有效"));
                shown++;
            }
            if (!p.GetValue(json))
                Console.WriteLine($"共 {total} 条，显示 {shown} 条"
                + (shown < total ? $"（--limit {n}；用 --limit {total} 显示全部）" : ""));
            // JSON lines stay machine-readable on stdout; a cut-off result is still said, on stderr.
            else if (shown < total) Console.Error.WriteLine($"共 {total} 条，只输出了前 {shown} 条（--limit {n}）");
            return 0;
        }));
        return command;
    }

    private static void WriteEntry(RegistryEntry e) => CliJson.WriteLine(w =>
    {
        w.WriteString("number", e.Number);
        w.WriteString("name", e.Name);
        w.WriteStringOrNull("role", e.Role ?? e.Category);
        w.WriteString("entity", e.Entity);
        w.WriteStringOrNull("products", e.ProductsRaw);
        w.WriteStringOrNull("purpose", e.Purpose);
        w.WriteString("status", e.Status == RegistryStatus.Cancelled ? "cancelled" : "active");
        w.WriteStartArray("batches");
        foreach (var l in e.Listings.OrderBy(l => l.Period, StringComparer.Ordinal).ThenBy(l => l.List))
            w.WriteStringValue(string.Join(" ",
                new[] { l.Period, l.Batch ?? (l.List == RegistryListKind.Cancellation ? "注销" : l.ListName) }
                .Where(s => !string.IsNullOrEmpty(s))));
        w.WriteEndArray();
        w.WriteStringOrNull("category", e.Category);
        w.WriteStringOrNull("province", e.Province);
        w.WriteStringOrNull("typeCode", e.TypeCode);
        w.WriteStringOrNull("cancelledOn", e.CancelledOn?.ToString("yyyy-MM-dd"));
        w.WriteString("source", e.FiledHere ? (e.InOfficialList ? "both" : "filed") : "official");
        w.WriteBoolean("checkDigitMatches", e.CheckDigitMatches);
    });

    private static Command Stats()
    {
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("stats", "统计：条目数、有效/注销、各批次、各省份、角色、类型、主体、产品形态") { data, db, json };
        command.SetAction(p => Run(() =>
        {
            using var database = Open(p, data, db);
            var s = database.Store.StatisticsAsync().GetAwaiter().GetResult();
            if (p.GetValue(json))
            {
                CliJson.WriteLine(w =>
                {
                    w.WriteNumber("entries", s.Entries);
                    w.WriteNumber("active", s.Active);
                    w.WriteNumber("cancelled", s.Cancelled);
                    void Counts(string name, IReadOnlyList<StatCount> counts)
                    {
                        w.WriteStartObject(name);
                        foreach (var c in counts) w.WriteNumber(c.Label, c.Count);
                        w.WriteEndObject();
                    }
                    Counts("perBatch", s.PerBatch);
                    Counts("perProvince", s.PerProvince);
                    Counts("perRole", s.PerRole);
                    Counts("perType", s.PerType);
                    Counts("topEntities", s.TopEntities);
                    Counts("productsPerForm", s.ProductsPerForm);
                });
                return 0;
            }
            Console.WriteLine($"条目 {s.Entries}（有效 {s.Active}，已注销 {s.Cancelled}）");
            void Print(string title, IReadOnlyList<StatCount> counts)
            {
                Console.WriteLine(title);
                foreach (var c in counts) Console.WriteLine($"  {c.Label}  {c.Count}");
            }
            Print("各批次", s.PerBatch);
            Print("各省份", s.PerProvince);
            Print("角色", s.PerRole);
            Print("算法类型", s.PerType);
            Print("主体（前 20）", s.TopEntities);
            Print("产品形态", s.ProductsPerForm);
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var filters = new Filters();
        var format = new Option<string>("--format") { Description = "xlsx、docx 或 csv", Required = true };
        var output = new Option<string>("-o", "--output") { Description = "输出文件", Required = true };
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var command = new Command("export", "按网信办公示清单的列导出搜索结果（.xlsx / .docx / .csv）") { format, output, data, db };
        filters.AddTo(command);
        command.SetAction(p => Run(() =>
        {
            var f = p.GetValue(format)?.Trim().ToLowerInvariant() switch
            {
                "xlsx" => ExportFormat.Xlsx,
                "docx" => ExportFormat.Docx,
                "csv" => ExportFormat.Csv,
                var other => throw new RegistryQueryException($"--format “{other}” 无法识别（可用：xlsx、docx、csv）"),
            };
            var query = filters.Build(p);
            using var database = Open(p, data, db);
            // Every match, streamed into the file row by row (no cap: the command line is the operator's own).
            var matches = database.Store.MatchAsync(query).GetAwaiter().GetResult();
            var path = p.GetValue(output)!;
            try
            {
                RegistryExporter.WriteFile(matches.Rows().ToBlockingEnumerable(), f, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"错误：无法写入 {path}：{e.Message}");
                return CommonOptions.UsageOrIoError;
            }
            Console.WriteLine($"已导出 {matches.Total} 条到 {path}");
            return 0;
        }));
        return command;
    }

    // Exit 0 when the page shows a valid, registered, active number linked to its public entry; 1 otherwise.
    private static Command DisplayCheckCommand()
    {
        var source = new Argument<string>("page") { Description = "网页地址（http/https）或 HTML 文件" };
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("display-check", "检查页面是否显著显示备案编号并链接到公示页面（《算法推荐管理规定》第二十六条）") { source, data, db, json };
        command.SetAction(p => Run(() =>
        {
            var page = p.GetValue(source)!;
            string html;
            try
            {
                if (Uri.TryCreate(page, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20), MaxResponseContentBufferSize = 10 * 1024 * 1024 };
                    html = http.GetStringAsync(uri).GetAwaiter().GetResult();
                }
                else
                {
                    if (new FileInfo(page).Length > 10 * 1024 * 1024) throw new IOException("文件超过 10 MB");
                    html = File.ReadAllText(page);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException)
            {
                Console.Error.WriteLine($"错误：无法读取页面 {page}：{e.Message}");
                return CommonOptions.UsageOrIoError;
            }
            using var database = Open(p, data, db);
            var report = DisplayCheck.CheckAsync(html, database.Store).GetAwaiter().GetResult();
            if (p.GetValue(json))
                CliJson.WriteLine(w =>
                {
                    w.WriteBoolean("showsNumber", report.ShowsNumber);
                    w.WriteBoolean("compliant", report.Compliant);
                    w.WriteStartArray("numbers");
                    foreach (var f in report.Findings)
                    {
                        w.WriteStartObject();
                        w.WriteString("number", f.Number);
                        w.WriteBoolean("valid", f.Valid);
                        w.WriteBoolean("inRegistry", f.InRegistry);
                        w.WriteStringOrNull("status", f.Status);
                        w.WriteBoolean("linked", f.Linked);
                        w.WriteStringOrNull("href", f.LinkHref);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartArray("problems");
                    foreach (var pr in report.Problems) w.WriteStringValue(pr);
                    w.WriteEndArray();
                });
            else
            {
                Console.WriteLine(report.Compliant ? "符合：页面显示了有效且已公示的备案编号，并链接到公示页面" : "有问题：");
                foreach (var pr in report.Problems) Console.WriteLine("  " + pr);
            }
            return report.Compliant ? 0 : 1;
        }));
        return command;
    }

    private static Command Verify()
    {
        var number = new Argument<string>("number") { Description = "备案编号（网信算备…号，或生成式人工智能服务的备案号/上线编号）" };
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var command = new Command("verify", "核验编号：格式、校验位、是否在公示清单中、状态；在库且有效时退出码为0，否则为1") { number, data, db, json };
        command.SetAction(p => Run(() =>
        {
            using var database = Open(p, data, db);
            var v = database.Store.VerifyAsync(p.GetValue(number)).GetAwaiter().GetResult();
            var active = v.Entry?.Status == RegistryStatus.Active;
            if (p.GetValue(json))
                CliJson.WriteLine(w =>
                {
                    w.WriteString("number", v.Normalised);
                    w.WriteBoolean("wellFormed", v.WellFormed);
                    w.WriteString("scheme", v.Scheme.ToString());
                    if (v.Decoded is { } d)
                    {
                        w.WriteBoolean("checkDigitMatches", d.CheckDigitMatches);
                        w.WriteStringOrNull("province", d.ProvinceName);
                        w.WriteStringOrNull("typeName", d.TypeName);
                    }
                    w.WriteBoolean("inRegistry", v.InRegistry);
                    w.WriteStringOrNull("status", v.Entry is null ? null : active ? "active" : "cancelled");
                    w.WriteStringOrNull("cancelledOn", v.Entry?.CancelledOn?.ToString("yyyy-MM-dd"));
                    w.WriteStringOrNull("name", v.Entry?.Name);
                    w.WriteStringOrNull("entity", v.Entry?.Entity);
                    w.WriteString("url", "/registry/entry/" + Uri.EscapeDataString(v.Normalised));
                });
            else
            {
                Console.WriteLine($"编号  {v.Normalised}");
                Console.WriteLine(
                    "格式  " + (v.WellFormed ? "正确" : "不正确")
                    + (v.Decoded is { CheckDigitMatches: false } ? "；" + Suanbei.Core.Identifiers.FilingNumber.CheckDigitMismatch : ""));
                Console.WriteLine(
                    v.Entry is null
                    ? "清单  未在公示清单中找到"
                    : $"清单  {v.Entry.Name}（{v.Entry.Entity}），{(active ? "有效" : $"已注销（{v.Entry.CancelledOn:yyyy-MM-dd}）")}");
            }
            return active ? 0 : 1;
        }));
        return command;
    }
}
