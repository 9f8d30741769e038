using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests.Filings;

/// <summary>我的算法备案 (/filings) reads the subject's approval and the filings' listed columns in one query.</summary>
public abstract class FilingListTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private SuanbeiDbContext Counted(CommandCounter counter)
    {
        var b = new DbContextOptionsBuilder<SuanbeiDbContext>();
        DatabaseSetup.Configure(b, app.Options);
        return new SuanbeiDbContext(b.AddInterceptors(counter).Options);
    }

    [Fact]
    public async Task The_subject_and_its_filings_come_in_one_query_newest_first()
    {
        var owner = await FilingFixtures.ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(owner.User);
        var first = await FilingFixtures.CompleteFilingViaApiAsync(api, owner, name: "第一个算法");
        var second = await FilingFixtures.CompleteFilingViaApiAsync(api, owner, name: "第二个算法");
        await FilingFixtures.Ok(await api.PostAsync($"/api/v1/filings/{first}/submit", null)); // now the newest

        var counter = new CommandCounter();
        await using (var db = Counted(counter))
        {
            var (approved, filings) = await IndexModel.LoadAsync(db, owner.User.Id);
            Assert.Equal(1, counter.Count);
            Assert.True(approved);
            Assert.Equal([first, second], filings.Select(f => f.Id));
            Assert.Equal("第一个算法", filings[0].Name);
            Assert.NotEqual(FilingStatus.Draft, filings[0].Status);
            Assert.Equal("首次备案", filings[0].Version);
            Assert.NotEqual("未开始计时", filings[0].Clock(DateTimeOffset.UtcNow, Suanbei.Core.Calendar.WorkingCalendar.Official).Display);
        }

        var newcomer = await app.CreateUserAsync(Roles.Filer); // no subject yet
        counter = new CommandCounter();
        await using (var db = Counted(counter))
        {
            var (approved, filings) = await IndexModel.LoadAsync(db, newcomer.Id);
            Assert.Equal(1, counter.Count);
            Assert.False(approved);
            Assert.Empty(filings);
        }
    }
}

public sealed class FilingListTestsSqlite(SqliteApp app) : FilingListTests<SqliteApp>(app);
public sealed class FilingListTestsPostgres(PostgresApp app) : FilingListTests<PostgresApp>(app);
