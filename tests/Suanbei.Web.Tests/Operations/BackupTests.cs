using System.Data.Common;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Suanbei.Testing;
using Suanbei.Web.Features.Operations.Backups;
using Suanbei.Web.Hosting;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Operations;

/// <summary>
/// Backup and restore on both databases: a round trip brings back accounts, materials and the keys (a cookie issued
/// before the backup still signs in after the restore), a non-empty target is refused unless forced, a damaged archive
/// is refused before anything is touched, and a backup taken while a writer commits is consistent.
/// </summary>
public abstract class BackupTests<TApp>(TApp app) : IClassFixture<TApp>, IDisposable where TApp : TestApp
{
    private readonly List<string> _folders = [];

    private string NewFolder(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"suanbei-{name}-" + Guid.NewGuid().ToString("N")[..8]);
        _folders.Add(folder);
        return folder;
    }

    // Every run left six archives and six restored sites in the temporary folder.
    public void Dispose()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    private SuanbeiHostOptions Target(string dir) => new()
    {
        DataDirectory = dir, Urls = "http://127.0.0.1:0", CreateFirstAdmin = false, EnvironmentName = "Production",
        PostgresConnectionString = app.Provider == Provider.Postgres ? PostgresServer.Instance.CreateDatabase("restore") : null,
    };

    [Fact]
    public async Task A_round_trip_restores_accounts_materials_and_keys_and_refuses_a_non_empty_target()
    {
        var (user, filer) = await Flows.ApprovedFilerAsync(app);
        var archive = Path.Combine(NewFolder("backup"), "suanbei.tar.gz");
        var manifest = await SuanbeiBackup.CreateAsync(app.Options, archive);
        Assert.True(File.Exists(archive));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(archive)!, "*.tmp-*"));
        var materials = manifest.Files.Count(f => f.Path.StartsWith("materials/", StringComparison.Ordinal));
        var stored = Directory.GetFiles(app.Options.MaterialsDirectory, "*", SearchOption.AllDirectories)
            .Count(f => !Path.GetFileName(f).StartsWith('.'));
        Assert.True(materials >= 5 && materials == stored, $"materials in the archive: {materials}, stored: {stored}");
        Assert.Contains(manifest.Files, f => f.Path.StartsWith("keys/", StringComparison.Ordinal));

        var target = Target(NewFolder("restored"));
        await SuanbeiBackup.RestoreAsync(target, archive, force: false);
        var again = await Assert.ThrowsAsync<BackupException>(() => SuanbeiBackup.RestoreAsync(target, archive, force: false));
        Assert.Contains("--force", again.Message);
        await SuanbeiBackup.RestoreAsync(target, archive, force: true);
        Assert.Equal(materials, Directory.GetFiles(target.MaterialsDirectory, "*", SearchOption.AllDirectories).Length);

        await using var restored = SuanbeiWebHost.Build(target);
        await restored.StartAsync();
        try
        {
            // The filer's cookie from the original site is read by the restored one: the keys came back too.
            var page = await filer.GetAsync(new Uri(new Uri(restored.Urls.First()), "/subjects"));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var (_, other) = await new RestoredSite(restored.Urls.First()).SignInAsync(user.Email!);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            using var anonymous = new HttpClient { BaseAddress = new Uri(restored.Urls.First()) };
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz")).StatusCode);
        }
        finally { await restored.StopAsync(); }
    }

    [Fact]
    public async Task A_damaged_archive_is_refused_and_the_target_is_left_alone()
    {
        var archive = Path.Combine(NewFolder("backup"), "suanbei.tar.gz");
        await SuanbeiBackup.CreateAsync(app.Options, archive);
        var bytes = await File.ReadAllBytesAsync(archive);
        await File.WriteAllBytesAsync(archive, bytes[..(bytes.Length / 2)]);
        var target = Target(NewFolder("restored"));
        var e = await Assert.ThrowsAsync<BackupException>(() => SuanbeiBackup.RestoreAsync(target, archive, force: false));
        Assert.Contains("备份文件", e.Message);
        Assert.False(File.Exists(target.SqlitePath));
        Assert.Empty(Directory.GetFileSystemEntries(target.FullDataDirectory));
    }

    [Fact]
    public async Task A_backup_taken_while_a_writer_commits_is_consistent()
    {
        await Execute("CREATE TABLE backup_probe (n INTEGER NOT NULL, twice INTEGER NOT NULL)");
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            await using var c = Open();
            await c.OpenAsync();
            while (!stop.IsCancellationRequested)
            {
                // Two rows per transaction: a consistent copy holds an even number of them.
                await using var tx = await c.BeginTransactionAsync();
                foreach (var _ in new[] { 1, 2 })
                {
                    await using var insert = c.CreateCommand();
                    insert.Transaction = tx;
                    insert.CommandText = $"INSERT INTO backup_probe (n, twice) VALUES ({written}, {written * 2})";
                    await insert.ExecuteNonQueryAsync();
                }
                await tx.CommitAsync();
                written++;
            }
        });
        while (Volatile.Read(ref written) < 20) await Task.Delay(10);
        var archive = Path.Combine(NewFolder("backup"), "suanbei.tar.gz");
        await SuanbeiBackup.CreateAsync(app.Options, archive);
        var atBackup = Volatile.Read(ref written);
        await stop.CancelAsync();
        await writer;
        Assert.True(atBackup >= 20);

        var target = Target(NewFolder("restored"));
        await SuanbeiBackup.RestoreAsync(target, archive, force: false);
        await using var db = new Suanbei.Web.Data.SuanbeiDbContext(DatabaseSetup.Options(target));
        var rows = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM backup_probe").SingleAsync();
        Assert.True(rows >= 40 && rows % 2 == 0, $"rows in the copy: {rows}");
        if (app.Provider == Provider.Sqlite)
            Assert.Equal("ok", await db.Database.SqlQueryRaw<string>("SELECT integrity_check AS \"Value\" FROM pragma_integrity_check")
                .SingleAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    /// <summary>Signs in on the restored site with the password set before the backup.</summary>
    private sealed class RestoredSite(string url)
    {
        public async Task<(HttpClient, HttpResponseMessage)> SignInAsync(string email)
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(url),
            };
            var login = await client.PostFormAsync("/account/login",
                new() { ["Input.Email"] = email, ["Input.Password"] = TestApp.Password });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            return (client, await client.GetAsync("/subjects"));
        }
    }

    private DbConnection Open() => app.Provider == Provider.Postgres
        ? new NpgsqlConnection(app.Options.PostgresConnectionString)
        : new SqliteConnection($"Data Source={app.Options.SqlitePath};Pooling=False;Default Timeout=30");

    private async Task Execute(string sql)
    {
        await using var c = Open();
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}

public sealed class BackupTestsSqlite(SqliteApp app) : BackupTests<SqliteApp>(app);
public sealed class BackupTestsPostgres(PostgresApp app) : BackupTests<PostgresApp>(app);
