using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Testing;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Notifications;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Tests.Notifications;

/// <summary>
/// Upgrading a database whose webhooks belong to accounts: each moves to the organisation whose events it received (the
/// one organisation the account writes in, else its personal one), its creator is kept, its secret is untouched, and
/// every delivery-log row stays, now in its organisation's log.
/// </summary>
public class WebhookMigrationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Account_webhooks_move_to_their_organisation_and_keep_their_delivery_log(bool postgres)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "suanbei-hookmig-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new SuanbeiHostOptions
        {
            DataDirectory = dataDir, Urls = "http://127.0.0.1:0", CreateFirstAdmin = false, EnvironmentName = "Production",
            PostgresConnectionString = postgres ? PostgresServer.Instance.CreateDatabase("hookmig") : null,
        };
        Directory.CreateDirectory(dataDir);
        object Id(Guid g) => postgres ? g : g.ToString().ToUpperInvariant(); // as each provider stores a Guid
        // solo: owner of its personal organisation only; team: personal + editor at "co"; one: editor at "co" only;
        // fresh: no organisation yet (never signed in since organisations existed).
        var (solo, team, one, fresh) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (toTeam, toDeleted, mail) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        try
        {
            await using (var db = new SuanbeiDbContext(DatabaseSetup.Options(options)))
            {
                await db.GetService<IMigrator>().MigrateAsync("20261207000300_TeamOperations");
                async Task Sql(string sql, params object[] args) => await db.Database.ExecuteSqlRawAsync(sql, args);
                foreach (var org in new[] { "u-solo", "u-team", "co" })
                    await Sql("INSERT INTO \"Organisations\" (\"Id\", \"Name\", \"Kind\", \"CreatedAt\") VALUES ({0}, {0}, 0, 0)", org);
                foreach (var (org, user, role) in new[] { ("u-solo", "u-solo", 0), ("u-team", "u-team", 0), ("co", "u-team", 1),
                             ("co", "u-one", 1) })
                    await Sql("INSERT INTO \"OrganisationMembers\" (\"Id\", \"OrganisationId\", \"UserId\", \"Role\", \"JoinedAt\") " +
                        "VALUES ({0}, {1}, {2}, {3}, 0)", Id(Guid.NewGuid()), org, user, role);
                foreach (var (hook, account) in new[] { (solo, "u-solo"), (team, "u-team"), (one, "u-one"), (fresh, "u-fresh") })
                    await Sql("INSERT INTO \"WebhookEndpoints\" (\"Id\", \"AccountId\", \"Url\", \"Secret\", \"CreatedAt\") " +
                        "VALUES ({0}, {1}, {2}, {3}, 0)", Id(hook), account, $"https://example.cn/{account}", "dp1:sealed-" + account);
                foreach (var (message, channel, target, account) in new[]
                         {
                             (toTeam, 2, team.ToString("N"), "u-team"), (toDeleted, 2, Guid.NewGuid().ToString("N"), "u-one"),
                             (mail, 1, "solo@example.cn", "u-solo"),
                         })
                    await Sql("INSERT INTO \"OutboxMessages\" (\"Id\", \"EventKey\", \"Channel\", \"Target\", \"AccountId\", \"Title\", " +
                        "\"Body\", \"CreatedAt\", \"Status\", \"Attempts\", \"NextAttemptAt\") " +
                        "VALUES ({0}, {1}, {2}, {3}, {4}, '旧事项', '正文', 0, 2, 1, 0)", Id(message), $"old:{message:N}", channel, target,
                        account);
                await Sql("INSERT INTO \"DeliveryAttempts\" (\"Id\", \"MessageId\", \"Number\", \"At\", \"Succeeded\", \"StatusCode\") " +
                    "VALUES ({0}, {1}, 1, 0, {2}, 503)", Id(Guid.NewGuid()), Id(toTeam), false);
            }

            var app = SuanbeiWebHost.Build(options);
            await using (app)
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                var hooks = await db.Set<WebhookEndpoint>().AsNoTracking().ToDictionaryAsync(w => w.Id);
                Assert.Equal(("u-solo", "u-solo"), (hooks[solo].OrganisationId, hooks[solo].CreatedBy));
                Assert.Equal(("u-team", "u-team"), (hooks[team].OrganisationId, hooks[team].CreatedBy));
                Assert.Equal(("co", "u-one"), (hooks[one].OrganisationId, hooks[one].CreatedBy));
                Assert.Equal(("u-fresh", "u-fresh"), (hooks[fresh].OrganisationId, hooks[fresh].CreatedBy));
                Assert.Equal("dp1:sealed-u-one", hooks[one].Secret); // still sealed as it was: not re-encrypted, not cleared
                Assert.All(hooks.Values, h => Assert.True(h.Enabled));

                var outbox = await db.Set<OutboxMessage>().AsNoTracking().ToDictionaryAsync(m => m.Id);
                Assert.Equal(3, outbox.Count);
                Assert.Equal("u-team", outbox[toTeam].OrganisationId);
                Assert.Equal("co", outbox[toDeleted].OrganisationId);
                Assert.Null(outbox[mail].OrganisationId);
                Assert.Equal(1, await db.Set<DeliveryAttempt>().CountAsync());
                var center = scope.ServiceProvider.GetRequiredService<NotificationCenter>();
                var webhooks = scope.ServiceProvider.GetRequiredService<OrganisationWebhooks>();
                Assert.Equal([toTeam], (await webhooks.DeliveriesAsync("u-team")).Select(d => d.Message.Id));
                Assert.Equal(503, (await webhooks.DeliveriesAsync("u-team")).Single().Attempts.Single().StatusCode);
                Assert.Equal([toDeleted], (await webhooks.DeliveriesAsync("co")).Select(d => d.Message.Id));
                Assert.Equal([mail], (await center.DeliveriesAsync("u-solo", "u-solo")).Select(d => d.Message.Id));
            }
        }
        finally
        {
            try { Directory.Delete(dataDir, true); } catch { }
        }
    }
}
