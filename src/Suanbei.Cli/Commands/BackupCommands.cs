using System.CommandLine;
using Suanbei.Web.Features.Operations.Backups;
using Suanbei.Web.Hosting;

namespace Suanbei.Cli.Commands;

/// <summary>
/// <c>suanbei backup [--data DIR] [--db CONN] [--materials DIR] -o FILE</c> and
/// <c>suanbei restore FILE [--data DIR] [--db CONN] [--materials DIR] [--force]</c>: one archive with the database,
/// materials and keys (<see cref="SuanbeiBackup"/>).
/// </summary>
internal static class BackupCommands
{
    public static IEnumerable<Command> Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "备份文件（.tar.gz），先写临时文件再改名", Required = true };
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var materials = Materials();
        var backup = new Command("backup", "备份数据库、材料与密钥到一个文件（网站运行中也可备份，结果一致）") { output, data, db, materials };
        backup.SetAction(async (parse, ct) =>
        {
            var options = Options(parse.GetValue(data)!, parse.GetValue(db), parse.GetValue(materials));
            return await RunAsync("backup", async () =>
            {
                var m = await SuanbeiBackup.CreateAsync(options, parse.GetValue(output)!, ct);
                Console.WriteLine($"已备份到 {Path.GetFullPath(parse.GetValue(output)!)}：{Summary(m)}");
            });
        });

        var file = new Argument<string>("FILE") { Description = "suanbei backup 写出的备份文件" };
        var rData = CommonOptions.Data();
        var rDb = CommonOptions.Db();
        var rMaterials = Materials();
        var force = new Option<bool>("--force") { Description = "目标已有数据时也覆盖" };
        var restore = new Command("restore", "从备份文件恢复（先停止网站；目标已有数据时须加 --force）") { file, rData, rDb, rMaterials, force };
        restore.SetAction(async (parse, ct) =>
        {
            var options = Options(parse.GetValue(rData)!, parse.GetValue(rDb), parse.GetValue(rMaterials));
            return await RunAsync("restore", async () =>
            {
                var m = await SuanbeiBackup.RestoreAsync(options, parse.GetValue(file)!, parse.GetValue(force), ct);
                Console.WriteLine($"已恢复 {m.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC 的备份：{Summary(m)}");
            });
        });
        return [backup, restore];
    }

    public static Option<string?> Materials() => new("--materials")
    {
        Description = "材料目录（多节点共享的目录）；默认为数据目录下的 materials",
    };

    private static SuanbeiHostOptions Options(string data, string? db, string? materials) =>
        new() { DataDirectory = data, PostgresConnectionString = db, MaterialsFolder = materials };

    private static string Summary(BackupManifest m) =>
        $"{(m.Database == BackupManifest.Postgres ? "PostgreSQL" : "SQLite")} 数据库，" +
        $"材料 {m.Files.Count(f => f.Path.StartsWith("materials/", StringComparison.Ordinal))} 个，" +
        $"密钥 {m.Files.Count(f => f.Path.StartsWith("keys/", StringComparison.Ordinal))} 个";

    private static async Task<int> RunAsync(string command, Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (Exception e) when (e is BackupException or IOException or UnauthorizedAccessException
            or System.Data.Common.DbException or ArgumentException)
        {
            Console.Error.WriteLine($"suanbei {command}: {e.Message}");
            return CommonOptions.UsageOrIoError;
        }
    }
}
