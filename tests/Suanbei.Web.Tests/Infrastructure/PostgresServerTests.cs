using Npgsql;
using Suanbei.Testing;

namespace Suanbei.Web.Tests.Infrastructure;

/// <summary>The throwaway PostgreSQL the test run starts is real: databases are created, isolated and writable.</summary>
public class PostgresServerTests
{
    [Fact]
    public async Task Each_test_database_is_a_separate_real_PostgreSQL_database()
    {
        var first = PostgresServer.Instance.CreateDatabase("probe");
        var second = PostgresServer.Instance.CreateDatabase("probe");
        Assert.NotEqual(first, second);

        await using (var c = new NpgsqlConnection(first))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("CREATE TABLE t (v text); INSERT INTO t VALUES ('网信算备'); SELECT v FROM t", c);
            Assert.Equal("网信算备", await cmd.ExecuteScalarAsync());
        }
        await using (var c = new NpgsqlConnection(second))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'", c);
            Assert.Equal(0L, await cmd.ExecuteScalarAsync());
            await using var version = new NpgsqlCommand("SHOW server_version", c);
            Assert.StartsWith("15", (string)(await version.ExecuteScalarAsync())!);
        }
    }

    [Fact]
    public async Task A_test_database_pool_closes_its_idle_connections_within_seconds()
    {
        // Each test class keeps its own pool; with Npgsql's 5-minute default the finished classes' idle connections
        // added up to PostgreSQL's max_connections during a run.
        var cs = PostgresServer.Instance.CreateDatabase("idle");
        var database = new NpgsqlConnectionStringBuilder(cs).Database;
        for (var i = 0; i < 3; i++)
        {
            await using var c = new NpgsqlConnection(cs);
            await c.OpenAsync();
        }
        await using var admin = new NpgsqlConnection(PostgresServer.Instance.AdminConnectionString + ";Pooling=false");
        await admin.OpenAsync();
        async Task<long> Sessions()
        {
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @d", admin);
            cmd.Parameters.AddWithValue("d", database!);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
        Assert.Equal(1L, await Sessions()); // the three opens shared one pooled connection, now idle
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await Sessions() > 0 && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(500);
        Assert.Equal(0L, await Sessions());
    }

    [Fact]
    public void A_server_left_behind_by_a_dead_owner_is_stopped_and_removed_once_stale()
    {
        var temp = Directory.CreateTempSubdirectory("suanbei-reap-").FullName;
        // Created for the owner only; the postgres user must reach the server folder inside.
        File.SetUnixFileMode(
            temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        try
        {
            var bin = Directory.GetDirectories("/usr/lib/postgresql").Order().Select(d => Path.Combine(d, "bin"))
                .Last(d => File.Exists(Path.Combine(d, "initdb")));
            var deadPid = DeadPid();
            // A real server whose owner (a test host torn down without exit handlers) is gone, started hours ago.
            var orphan = Folder(temp, "orphan", deadPid.ToString(), DateTime.UtcNow.AddHours(-5));
            var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            port.Start(); var p = ((System.Net.IPEndPoint)port.LocalEndpoint).Port; port.Stop();
            ExternalTool.RunChecked("chown", "-R", "postgres:postgres", orphan);
            ExternalTool.RunChecked("runuser", "-u", "postgres", "--", Path.Combine(bin, "initdb"), "-D", Path.Combine(orphan, "db"), "-U",
                "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
            ExternalTool.RunChecked("runuser", "-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(orphan, "db"), "-l",
                Path.Combine(orphan, "log"),
                "-w", "-o", $"-h 127.0.0.1 -p {p} -k {orphan}", "start");
            var postmaster = int.Parse(File.ReadLines(Path.Combine(orphan, "db", "postmaster.pid")).First());
            File.SetLastWriteTimeUtc(Path.Combine(orphan, PostgresServer.OwnerFile), DateTime.UtcNow.AddHours(-5));
            // Kept: an old one whose owner still runs, and a young one whose owner is gone.
            var owned = Folder(temp, "owned", Environment.ProcessId.ToString(), DateTime.UtcNow.AddHours(-5));
            var young = Folder(temp, "young", deadPid.ToString(), DateTime.UtcNow.AddMinutes(-10));

            var removed = PostgresServer.ReapStale(temp, bin, DateTime.UtcNow);

            Assert.Equal([orphan], removed);
            Assert.False(Directory.Exists(orphan));
            // pg_ctl returns once the pid file is gone; the postmaster exits a moment later.
            for (var i = 0; i < 100 && Runs(postmaster); i++) Thread.Sleep(100);
            Assert.False(Runs(postmaster), "the orphaned server still runs");
            Assert.True(Directory.Exists(owned));
            Assert.True(Directory.Exists(young));
        }
        finally { Directory.Delete(temp, recursive: true); }
    }

    /// <summary>True while the process exists and is not a zombie (a container's init may be slow to reap, or never).</summary>
    private static bool Runs(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Split(')').Last().TrimStart().FirstOrDefault() is not ('Z' or 'X' or '\0'); }
        catch (IOException) { return false; }
    }

    private static string Folder(string temp, string name, string owner, DateTime writtenUtc)
    {
        var dir = Path.Combine(temp, PostgresServer.FolderPrefix + name);
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, PostgresServer.OwnerFile);
        File.WriteAllText(file, owner);
        File.SetLastWriteTimeUtc(file, writtenUtc);
        return dir;
    }

    /// <summary>The PID of a process that has exited (reused PIDs are far off: the kernel hands them out in order).</summary>
    private static int DeadPid()
    {
        using var p = System.Diagnostics.Process.Start("true")!;
        p.WaitForExit();
        return p.Id;
    }
}
