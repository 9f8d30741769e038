using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Suanbei.Web.Hosting;

namespace Suanbei.Cli.Commands;

/// <summary><c>suanbei serve [--urls URL] [--data DIR] [--db CONNECTION-STRING] [--materials DIR] [--log-format json]
/// [--key-store database]</c>: runs the web app.</summary>
internal static class ServeCommands
{
    public static Command Create()
    {
        var urls =
            new Option<string>("--urls")
            {
                Description = "监听地址，默认 " + SuanbeiHostOptions.DefaultUrls,
                DefaultValueFactory = _ => SuanbeiHostOptions.DefaultUrls
            };
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var maxMb = new Option<int>("--materials-max-mb") { Description = "上传材料大小上限（MB），默认 20", DefaultValueFactory = _ => 20 };
        var publicBaseUrl = new Option<string?>("--public-base-url")
        {
            Description = "公众访问本站的网址（如 https://beian.example.cn），用于公示链接和页脚代码；也可用配置 Suanbei:PublicBaseUrl",
        };
        var materials = BackupCommands.Materials();
        var logFormat = new Option<string>("--log-format")
        {
            Description = "日志格式：text（默认）或 json（每行一个 JSON 对象，含每个请求一行；密码与令牌不写入）",
            DefaultValueFactory = _ => "text",
        };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var keyStore = new Option<string>("--key-store")
        {
            Description = "登录与防伪密钥存放处：files（数据目录 keys/，默认）或 database（多节点共用数据库时）",
            DefaultValueFactory = _ => "files",
        };
        keyStore.AcceptOnlyFromAmong("files", "database");
        var serve = new Command("serve", "启动算法备案网站（首次运行时创建数据目录与数据库，并自动升级数据库结构）")
        {
            urls, data, db, maxMb, publicBaseUrl, materials, logFormat, keyStore,
        };
        serve.SetAction(parse =>
        {
            var options = new SuanbeiHostOptions
            {
                Urls = parse.GetValue(urls)!,
                DataDirectory = parse.GetValue(data)!,
                PostgresConnectionString = parse.GetValue(db),
                MaterialsMaxBytes = Math.Max(1, parse.GetValue(maxMb)) * 1024L * 1024,
                PublicBaseUrl = parse.GetValue(publicBaseUrl),
                MaterialsFolder = parse.GetValue(materials),
                JsonLogs = parse.GetValue(logFormat) == "json",
                DataProtectionKeysInDatabase = parse.GetValue(keyStore) == "database",
                // With JSON logs standard output carries only JSON lines: notices (the first admin's one-time password,
                // the registry seeding) go to standard error.
                Announce = parse.GetValue(logFormat) == "json" ? Console.Error.WriteLine : null,
                // A new installation starts with the CAC's published lists (Suanbei:Registry:SeedPublishedLists=false: empty).
                SeedPublishedLists = true,
            };
            WebApplication app;
            try { app = SuanbeiWebHost.Build(options); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException
                or System.Data.Common.DbException)
            {
                Console.Error.WriteLine($"suanbei serve: 无法启动：{e.Message}");
                return CommonOptions.UsageOrIoError;
            }
            var database = options.UsesPostgres ? "PostgreSQL" : options.SqlitePath;
            // With JSON logs, standard output carries only JSON lines.
            var banner = $"Suanbei 算备：{options.Urls}（数据目录 {options.FullDataDirectory}，数据库 {database}）。按 Ctrl+C 停止。";
            (options.JsonLogs ? Console.Error : Console.Out).WriteLine(banner);
            app.Run();
            return 0;
        });
        return serve;
    }
}
