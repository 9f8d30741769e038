using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core.Filings;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.Filings.Review;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings;

public abstract class FilingMaterialsAndPublicityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Reviewers_read_a_filings_materials_only_once_it_is_submitted_and_other_filers_never()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var other = await app.ApiClientAsync((await ApprovedFilerAsync(app, "440305", "乙公司")).User);
        // The fixture's material is attached to the subject too, so use a fresh one only this filing refers to.
        var material = await app.WithServices(async sp =>
        {
            var db = sp.GetRequiredService<Suanbei.Web.Data.SuanbeiDbContext>();
            var m = await sp.GetRequiredService<Suanbei.Web.Features.Materials.MaterialStore>()
                .SaveAsync(db, filer.User.Id, "自评估.pdf", new MemoryStream("%PDF-1.4 filing only"u8.ToArray()), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var id = await CompleteFilingViaApiAsync(api, filer with { MaterialId = material });
        var url = $"/api/v1/materials/{material}";
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(url)).StatusCode); // a draft is private
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
        var read = await reviewer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("%PDF-1.4 filing only", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_system_closes_ended_publicity_periods_and_leaves_running_ones()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var ended = await CompleteFilingViaApiAsync(api, filer, "公示期已满");
        var running = await CompleteFilingViaApiAsync(api, filer, "公示期未满");
        foreach (var id in new[] { ended, running })
        {
            await ToSecondReviewAsync(app, api, reviewer, id);
            await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{id}/publish", null));
        }
        // Closing by hand before the end is refused.
        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync($"/api/v1/review/filings/{running}/complete-publicity", null))
            .StatusCode);
        await app.WithDb(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE \"AlgorithmFilings\" SET \"PublicityEndsOn\" = {new DateOnly(2026, 1, 5)} WHERE \"Id\" = {ended}"));

        var closed = await app.WithServices(sp => sp.GetRequiredService<FilingReviewService>().CloseEndedPublicityAsync());
        Assert.Equal(1, closed);
        var (a, b) = await app.WithDb(async db => (
            await db.Set<AlgorithmFiling>().Include(f => f.AuditTrail).SingleAsync(f => f.Id == ended),
            await db.Set<AlgorithmFiling>().SingleAsync(f => f.Id == running)));
        Assert.Equal(FilingStatus.Filed, a.Status);
        Assert.Equal(ActorRole.System, a.AuditTrail.OrderBy(e => e.Sequence).Last().ActorRole);
        Assert.Equal(FilingStatus.Publicity, b.Status);
        Assert.Equal(0, await app.WithServices(sp => sp.GetRequiredService<FilingReviewService>().CloseEndedPublicityAsync()));
    }

    [Fact]
    public async Task The_stored_audit_trail_cannot_be_rewritten_or_deleted()
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var id = await CompleteFilingViaApiAsync(api, filer);
        await Ok(await api.PostAsync($"/api/v1/filings/{id}/submit", null));
        await app.WithServices(async sp =>
        {
            var db = sp.GetRequiredService<Suanbei.Web.Data.SuanbeiDbContext>();
            var service = sp.GetRequiredService<FilingService>();
            var f = await db.Set<AlgorithmFiling>().Include(x => x.AuditTrail).SingleAsync(x => x.Id == id);
            db.Entry(f.AuditTrail[0]).State = EntityState.Modified;
            await Assert.ThrowsAsync<InvalidOperationException>(() => service.SaveAsync());
            db.Entry(f.AuditTrail[0]).State = EntityState.Deleted;
            await Assert.ThrowsAsync<InvalidOperationException>(() => service.SaveAsync());
            db.ChangeTracker.Clear();
            // Even bypassing the service, the database refuses to delete a filing that has a trail.
            var again = await db.Set<AlgorithmFiling>().SingleAsync(x => x.Id == id);
            db.Remove(again);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
            return 0;
        });
        var trail = await Ok(await api.GetAsync($"/api/v1/filings/{id}/audit"));
        Assert.Equal("提交", Assert.Single(trail.EnumerateArray()).GetProperty("action").GetString());
    }
}

public sealed class FilingMaterialsAndPublicityTestsSqlite(SqliteApp app) : FilingMaterialsAndPublicityTests<SqliteApp>(app);
public sealed class FilingMaterialsAndPublicityTestsPostgres(PostgresApp app) : FilingMaterialsAndPublicityTests<PostgresApp>(app);
