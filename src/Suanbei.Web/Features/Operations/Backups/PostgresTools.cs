using System.Diagnostics;
using Npgsql;

namespace Suanbei.Web.Features.Operations.Backups;

/// <summary>
/// Runs pg_dump and pg_restore for a connection string. The connection's settings go in PG* environment variables, so
/// the password never appears on a command line (where <c>ps</c> shows it). The tools are looked up on PATH, then in
/// Debian's /usr/lib/postgresql/&lt;version&gt;/bin (newest first).
/// </summary>
public static class PostgresTools
{
    public static Task DumpAsync(string connectionString, string file, CancellationToken ct) =>
        RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", "--file", file], ct);

    public static Task RestoreAsync(string connectionString, string file, CancellationToken ct) =>
        RunAsync("pg_restore", connectionString, ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
            "--dbname", new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres", file], ct);

    public static string Find(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, tool))) return Path.Combine(dir, tool);
        const string debian = "/usr/lib/postgresql";
        var found = Directory.Exists(debian)
            ? Directory.GetDirectories(debian).OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "bin", tool)).FirstOrDefault(File.Exists)
            : null;
        return found ?? throw new BackupException($"找不到 {tool}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）");
    }

    private static async Task RunAsync(string tool, string connectionString, string[] args, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PGHOST"] = cs.Host ?? "localhost";
        psi.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (cs.Username is { } user) psi.Environment["PGUSER"] = user;
        if (cs.Password is { } password) psi.Environment["PGPASSWORD"] = password;
        if (cs.Database is { } database) psi.Environment["PGDATABASE"] = database;
        using var p = Process.Start(psi) ?? throw new BackupException($"{tool} 无法启动");
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.StandardOutput.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0) throw new BackupException($"{tool} 失败（退出码 {p.ExitCode}）：{(await stderr).Trim()}");
    }
}
