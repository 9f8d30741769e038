using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Suanbei.Testing;

/// <summary>
/// A throwaway PostgreSQL server for the test run. Uses SUANBEI_TEST_PG when set (a connection string to a
/// server someone else runs); otherwise runs initdb + pg_ctl from Debian's postgresql package as the
/// 'postgres' user (PostgreSQL refuses to run as root) in a temporary folder on a free loopback port, and
/// stops and deletes it when disposed. One server per test assembly; each test class asks for its own database.
/// ./test starts one server for the whole run and sets SUANBEI_TEST_PG, so only a developer's direct `dotnet test` gets
/// here; as a test host can be torn down without running exit handlers, each server's folder records its owner's PID,
/// a watchdog stops the server when its owner is gone, and servers older than <see cref="StaleAfter"/> whose owner is
/// gone (say, the watchdog was killed too) are stopped and removed at the next start.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly Lazy<PostgresServer> Shared = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);
    public static PostgresServer Instance => Shared.Value;

    /// <summary>Folder name prefix of every throwaway server (./test uses it too).</summary>
    public const string FolderPrefix = "suanbei-pg-";
    /// <summary>The file in a server's folder that holds the PID of the process that owns the server.</summary>
    public const string OwnerFile = "owner.pid";
    /// <summary>Age after which a server whose owner is gone is reaped (a running test run is younger, or its owner lives).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(3);

    private readonly string? _dataDir;
    private readonly string? _binDir;
    public string AdminConnectionString { get; }

    private readonly int _port;

    private PostgresServer() : this(allowExternal: true) { }

    private PostgresServer(bool allowExternal)
    {
        var external = Environment.GetEnvironmentVariable("SUANBEI_TEST_PG");
        if (allowExternal && !string.IsNullOrWhiteSpace(external)) { AdminConnectionString = external; return; }

        _binDir = FindBinDir();
        ReapStale(Path.GetTempPath(), _binDir, DateTime.UtcNow);
        _port = FreePort();
        _dataDir = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dataDir);
        File.WriteAllText(Path.Combine(_dataDir, OwnerFile),
            Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        RunAsPostgres("chown", "-R", "postgres:postgres", _dataDir);
        RunAsPostgres("runuser", "-u", "postgres", "--", Path.Combine(_binDir, "initdb"), "-D", Path.Combine(_dataDir, "db"),
            "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        Start();
        AdminConnectionString = $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=true";
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        StartWatchdog(_dataDir, _binDir);
    }

    /// <summary>A server of the caller's own (never the shared one or SUANBEI_TEST_PG), for tests that stop and start
    /// it (a database that goes away); dispose it.</summary>
    public static PostgresServer StartOwn() => new(allowExternal: false);

    /// <summary>Starts the server again after <see cref="Stop"/> (same port, same data).</summary>
    public void Start()
    {
        if (_dataDir is null || _binDir is null) throw new InvalidOperationException("an external server cannot be started here");
        RunAsPostgres("runuser", "-u", "postgres", "--", Path.Combine(_binDir, "pg_ctl"), "-D", Path.Combine(_dataDir, "db"),
            "-l", Path.Combine(_dataDir, "log"), "-w", "-t", "60",
            "-o", $"-h 127.0.0.1 -p {_port} -k {_dataDir} -c fsync=off -c full_page_writes=off -c max_connections=500", "start");
    }

    /// <summary>Stops the server (open connections are cut), keeping its data for <see cref="Start"/>.</summary>
    public void Stop()
    {
        if (_dataDir is null || _binDir is null) throw new InvalidOperationException("an external server cannot be stopped here");
        RunAsPostgres("runuser", "-u", "postgres", "--", Path.Combine(_binDir, "pg_ctl"), "-D", Path.Combine(_dataDir, "db"),
            "-m", "fast", "-w", "stop");
    }

    /// <summary>
    /// Stops and deletes the throwaway servers under <paramref name="tempDir"/> that are older than <see cref="StaleAfter"/>
    /// (by their owner file, else the folder) and whose owner process is gone (or unrecorded). Returns the folders removed.
    /// </summary>
    public static IReadOnlyList<string> ReapStale(string tempDir, string binDir, DateTime nowUtc)
    {
        var removed = new List<string>();
        foreach (var dir in Directory.GetDirectories(tempDir, FolderPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(dir, OwnerFile);
                var since = File.Exists(owner) ? File.GetLastWriteTimeUtc(owner) : Directory.GetLastWriteTimeUtc(dir);
                if (nowUtc - since < StaleAfter) continue;
                if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner).Trim(), out var pid)
                    && Directory.Exists("/proc/" + pid)) continue;
                if (File.Exists(Path.Combine(dir, "db", "postmaster.pid")))
                {
                    try
                    {
                        RunAsPostgres("runuser", "-u", "postgres", "--", Path.Combine(binDir, "pg_ctl"), "-D", Path.Combine(dir, "db"),
                        "-m", "immediate", "-w", "stop");
                    }
                    catch (InvalidOperationException) { /* not running any more; the folder goes either way */ }
                }
                Directory.Delete(dir, recursive: true);
                removed.Add(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another run is reaping it */ }
        }
        return removed;
    }

    /// <summary>
    /// A detached shell that stops the server and removes its folder once this process is gone: a test host torn down
    /// without running ProcessExit handlers still leaves nothing behind (the reaper above covers a killed watchdog).
    /// </summary>
    private static void StartWatchdog(string dataDir, string binDir)
    {
        var script = $"exec </dev/null >/dev/null 2>&1; while [ -d /proc/{Environment.ProcessId} ]; do sleep 2; done; " +
                     $"runuser -u postgres -- '{Path.Combine(binDir, "pg_ctl")}' -D '{Path.Combine(dataDir, "db")}' -m immediate -w stop;" +
                     $" rm -rf '{dataDir}'";
        var psi = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var a in new[] { "sh", "-c", script }) psi.ArgumentList.Add(a);
        try { Process.Start(psi)?.Dispose(); }
        catch (System.ComponentModel.Win32Exception) { /* no setsid: ProcessExit and the reaper remain */ }
    }

    /// <summary>
    /// Npgsql settings of every test database: an idle pooled connection closes after 10 s instead of Npgsql's 300 s.
    /// Each test class has its own database and so its own pool, which stays behind when the class is done; with the
    /// default, the pools of the classes of the last five minutes added up to 200 server connections during a run.
    /// </summary>
    public const string PoolSettings = "Connection Idle Lifetime=10;Connection Pruning Interval=2";

    /// <summary>Creates a fresh, empty database and returns its connection string (with <see cref="PoolSettings"/>).</summary>
    public string CreateDatabase(string prefix = "t")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(40, prefix.Length + 33)].ToLowerInvariant();
        var psql = _binDir is null ? "psql" : Path.Combine(_binDir, "psql");
        var csb = ParseConnectionString(AdminConnectionString);
        RunAsPostgres(psql, "-h", csb["Host"], "-p", csb.GetValueOrDefault("Port", "5432"), "-U",
            csb.GetValueOrDefault("Username", "postgres"),
            "-d", csb.GetValueOrDefault("Database", "postgres"), "-v", "ON_ERROR_STOP=1", "-c", $"CREATE DATABASE \"{name}\"");
        return AdminConnectionString.Replace($"Database={csb.GetValueOrDefault("Database", "postgres")}", $"Database={name}")
            .TrimEnd(';') + ";" + PoolSettings;
    }

    private static Dictionary<string, string> ParseConnectionString(string cs) =>
        cs.Split(';', StringSplitOptions.RemoveEmptyEntries)
          .Select(p => p.Split('=', 2))
          .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : "", StringComparer.OrdinalIgnoreCase);

    private static string FindBinDir()
    {
        var root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
            throw new InvalidOperationException("PostgreSQL is not installed; ./test installs Debian's postgresql package.");
        var dir = Directory.GetDirectories(root).OrderByDescending(d => d).Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        return dir ?? throw new InvalidOperationException("initdb not found under " + root);
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static void RunAsPostgres(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = "/tmp"
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {output} {err.Result}");
    }

    public void Dispose()
    {
        if (_dataDir is null || _binDir is null || !Directory.Exists(_dataDir)) return;
        try
        {
            RunAsPostgres("runuser", "-u", "postgres", "--", Path.Combine(_binDir, "pg_ctl"), "-D", Path.Combine(_dataDir, "db"), "-m",
                "immediate", "-w", "stop");
        }
        catch { /* the server may already be gone; the folder is removed either way */ }
        try { Directory.Delete(_dataDir, recursive: true); } catch { }
    }
}
