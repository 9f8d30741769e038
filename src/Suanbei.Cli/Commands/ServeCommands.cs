using System.CommandLine;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
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
            // Started before the banner, so the banner never announces an address nobody listens on.
            if (TryStart(app) is { } failure)
            {
                // The disposal flushes the host's own log of the failure: what to do is the last line.
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
                Console.Error.WriteLine("suanbei serve: " + Explain(failure, options.Urls));
                return CommonOptions.UsageOrIoError;
            }
            var database = options.UsesPostgres ? "PostgreSQL" : options.SqlitePath;
            // With JSON logs, standard output carries only JSON lines.
            var banner = $"Suanbei 算备：{options.Urls}（数据目录 {options.FullDataDirectory}，数据库 {database}）。按 Ctrl+C 停止。";
            (options.JsonLogs ? Console.Error : Console.Out).WriteLine(banner);
            app.WaitForShutdown();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return 0;
        });
        return serve;
    }

    /// <summary>Starts the app; the exception when Kestrel could not listen (an address taken, a port not allowed, HTTPS
    /// without a certificate). The background services that did start are stopped again: disposed without a stop, they
    /// would each report a crash.</summary>
    private static Exception? TryStart(WebApplication app)
    {
        try
        {
            app.Start();
            return null;
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException)
        {
            app.StopAsync().GetAwaiter().GetResult();
            return e;
        }
    }

    private static string Explain(Exception failure, string urls)
    {
        var listen = $"无法监听 {urls}：";
        return (failure as SocketException ?? failure.InnerException) switch
        {
            AddressInUseException => listen + "地址已被占用（另一个程序或另一个 Suanbei 正在使用它）。" +
                (urls.Contains("unix:", StringComparison.OrdinalIgnoreCase)
                    ? "若是上次异常退出留下的 unix 套接字文件，删除该文件后重试。"
                    : "请停止占用它的程序，或用 --urls 换一个端口。"),
            SocketException { SocketErrorCode: SocketError.AccessDenied } =>
                listen + "没有权限（1024 以下的端口需要特权：请改用 1024 以上的端口，由 nginx 对外提供 80/443）。",
            SocketException { SocketErrorCode: SocketError.AddressNotAvailable } => listen + "本机没有这个 IP 地址。",
            // Not the socket: e.g. HTTPS without a certificate, a background service that refused to start.
            _ => failure is InvalidOperationException ? "无法启动：" + failure.Message : listen + failure.Message,
        };
    }
}
