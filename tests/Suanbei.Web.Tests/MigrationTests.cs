using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Subjects;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Tests;

/// <summary>An existing database created by the first migration keeps its rows when the app upgrades it (and on restart).</summary>
public class MigrationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Upgrading_an_existing_database_keeps_its_data(bool postgres)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "suanbei-migrate-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new SuanbeiHostOptions
        {
            DataDirectory = dataDir, Urls = "http://127.0.0.1:0", CreateFirstAdmin = false, EnvironmentName = "Production",
            PostgresConnectionString = postgres ? PostgresServer.Instance.CreateDatabase("mig") : null,
        };
        Directory.CreateDirectory(dataDir);
        try
        {
            var subjectId = Guid.NewGuid();
            await using (var db = new SuanbeiDbContext(DatabaseSetup.Options(options)))
            {
                // the database as the first version left it
                await db.GetService<IMigrator>().MigrateAsync("20261122000100_Initial");
                db.Users.Add(new AppUser
                {
                    Id = "u1", UserName = "old@example.cn", NormalizedUserName = "OLD@EXAMPLE.CN",
                    Email = "old@example.cn", NormalizedEmail = "OLD@EXAMPLE.CN", CreatedAt = DateTimeOffset.UtcNow
                });
                await db.SaveChangesAsync();
                // An approved subject, written with the columns the first version had (today's model has more).
                object id = postgres ? subjectId : subjectId.ToString().ToUpperInvariant();
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"Subjects\" (\"Id\", \"OwnerId\", \"Status\", \"CreatedAt\", \"UpdatedAt\", \"ChangeDueDateEstimated\"," +
                    " \"Kind\", \"Name\", \"RegionCode\", \"ApprovedAt\") " +
                    "VALUES ({0}, 'u1', 2, 0, 0, {1}, 1, '老数据有限公司', '110108', 0)", id, false);
            }

            for (var run = 0; run < 2; run++) // upgrade, then a plain restart
            {
                var app = SuanbeiWebHost.Build(options);
                await using (app)
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
                    Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                    var subject = await db.Set<Subject>().SingleAsync(x => x.Id == subjectId);
                    Assert.Equal("老数据有限公司", subject.Name);
                    Assert.Equal(SubjectStatus.Approved, subject.Status);
                    // 20261122000500 backfills the approved snapshot from the approved row.
                    Assert.Equal("老数据有限公司", subject.ApprovedName);
                    Assert.Equal("110108", subject.ApprovedRegionCode);
                    Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()
                        .FindByEmailAsync("old@example.cn"));
                    Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
                }
            }
        }
        finally
        {
            try { Directory.Delete(dataDir, true); } catch { }
        }
    }

    [Fact]
    public async Task First_run_creates_one_administrator_and_announces_its_one_time_password_once()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "suanbei-firstrun-" + Guid.NewGuid().ToString("N")[..8]);
        var announced = new List<string>();
        var options = new SuanbeiHostOptions
        {
            DataDirectory = dataDir, Urls = "http://127.0.0.1:0", Announce = announced.Add,
            EnvironmentName = "Production"
        };
        try
        {
            await using (var first = SuanbeiWebHost.Build(options)) { }
            await using (var second = SuanbeiWebHost.Build(options))
            {
                var line = Assert.Single(announced);
                Assert.Contains("admin@suanbei.local", line);
                var password = System.Text.RegularExpressions.Regex.Match(line, "一次性密码：([A-Za-z0-9]+)").Groups[1].Value;
                await using var scope = second.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var admin = (await users.GetUsersInRoleAsync(Roles.Admin)).Single();
                Assert.True(admin.MustChangePassword);
                Assert.True(await users.CheckPasswordAsync(admin, password));
            }
            Assert.True(File.Exists(Path.Combine(dataDir, "suanbei.db")));
            Assert.True(Directory.Exists(Path.Combine(dataDir, "materials")));
        }
        finally
        {
            try { Directory.Delete(dataDir, true); } catch { }
        }
    }
}
