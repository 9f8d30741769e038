using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Core;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Identifiers;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Filings;

/// <summary>Many publications at once never issue the same number, and sequences per subject/type/year have no duplicates or
/// gaps.</summary>
public abstract class FilingNumberConcurrencyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    private static readonly Actor Reviewer = new("fixture-reviewer", "审核员", ActorRole.Reviewer);
    private static readonly Actor FirstReviewer = new("fixture-first-reviewer", "一审审核员", ActorRole.Reviewer);

    /// <summary>Complete filings already in 二审, saved through the real DbContext.</summary>
    private async Task<List<Guid>> FilingsInSecondReviewAsync(Filer filer, AlgorithmType type, int count) =>
        await app.WithDb(async db =>
        {
            var ids = new List<Guid>();
            var actor = new Actor(filer.User.Id, filer.User.Email!, ActorRole.Filer);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++)
            {
                var f = new AlgorithmFiling(filer.SubjectId, actor, now);
                f.UpdateBasic(actor, new BasicAttributes
                {
                    Name = $"并发算法{type}{i}", Type = type, Domain = "测试", LaunchDate = new DateOnly(2026, 1, 1),
                    Role = FilingRole.TechnicalSupporter, MainPurpose = "测试", SelfAssessmentReportId = filer.MaterialId,
                    DisclosureDocumentId = filer.MaterialId,
                }, now);
                f.UpdateDetails(actor, new DetailedAttributes
                {
                    Summary = "s", Scenarios = "s", InputModalities = DataModality.Text, OutputModalities = DataModality.Text,
                    DataSources = "s",
                    UsesBiometricData = false, UsesIdentityData = false, ModelAndTrainingData = "s", Strategy = "s",
                    RisksAndSafeguards = "s",
                    ModerationFlow = "s", LogRetentionMonths = 6, ComplaintChannels = "c", RegulatorCooperation = "r",
                    DisclosurePrinciple = "p", DisclosureMechanism = "m", DisclosureScenarios = "s", DisclosurePurpose = "p",
                }, now);
                f.UpdateLabeling(actor, [new LabelingInput(DataModality.Text, "e", "i", filer.MaterialId)], now);
                f.SetServiceMode(actor, TechnicalServiceMode.Api, "API", now);
                Assert.Empty(f.Submit(actor, now));
                f.StartFirstReview(Reviewer, now);
                f.PassFirstReview(FirstReviewer, now);
                db.Add(f);
                ids.Add(f.Id);
            }
            await db.SaveChangesAsync();
            return ids;
        });

    [Fact]
    public async Task Forty_parallel_publications_across_subjects_and_types_issue_distinct_numbers_with_gapless_sequences()
    {
        var types = new[] { AlgorithmType.GenerationSynthesis, AlgorithmType.PersonalisedPush };
        var ids = new List<Guid>();
        var subjects = new List<Filer>();
        for (var s = 0; s < 4; s++)
        {
            var filer = await ApprovedFilerAsync(app, s % 2 == 0 ? "110108" : "440305", $"并发测试公司{s}");
            subjects.Add(filer);
            foreach (var t in types) ids.AddRange(await FilingsInSecondReviewAsync(filer, t, 5));
        }
        Assert.Equal(40, ids.Count);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));

        using var start = new SemaphoreSlim(0);
        var tasks = ids.Select(async id =>
        {
            await start.WaitAsync();
            var r = await reviewer.PostAsync($"/api/v1/review/filings/{id}/publish", null);
            var body = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {body}");
            return JsonDocument.Parse(body).RootElement.GetProperty("filingNumber").GetString()!;
        }).ToList();
        start.Release(ids.Count);
        var numbers = await Task.WhenAll(tasks);

        Assert.Equal(40, numbers.Distinct().Count());
        var decoded = numbers.Select(FilingNumber.Decode).ToList();
        Assert.All(decoded, d => Assert.True(d.Valid, d.Number));
        Assert.Equal(4, decoded.Select(d => d.Entity).Distinct().Count()); // one stable entity code per subject
        foreach (var group in decoded.GroupBy(d => (d.Entity, d.TypeCode, d.Year)))
            Assert.Equal([1, 2, 3, 4, 5], group.Select(d => d.Sequence!.Value).Order());

        var (rows, distinctParts) = await app.WithDb(async db =>
        {
            var all = await db.Set<IssuedFilingNumber>().ToListAsync();
            return (all.Count, all.Select(n => (n.EntityCode, n.TypeCode, n.Year, n.Sequence)).Distinct().Count());
        });
        Assert.Equal(40, rows);
        Assert.Equal(40, distinctParts);
        var filingsWithNumbers = await app.WithDb(db => db.Set<AlgorithmFiling>().Where(f => f.FilingNumber != null)
            .Select(f => f.FilingNumber!).ToListAsync());
        Assert.Equal(numbers.Order(), filingsWithNumbers.Order());
    }

    [Fact]
    public async Task Two_reviewers_publishing_the_same_filing_at_once_issue_one_number()
    {
        var filer = await ApprovedFilerAsync(app, "310115", "上海并发公司");
        var id = (await FilingsInSecondReviewAsync(filer, AlgorithmType.RankingSelection, 1)).Single();
        var reviewers = new[]
        {
            await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer)),
            await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer)),
        };
        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => reviewers[i % 2].PostAsync($"/api/v1/review/filings/{id}/publish", null)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await app.WithDb(db => db.Set<IssuedFilingNumber>().CountAsync(n => n.SubjectId == filer.SubjectId)));
        var f = await app.WithDb(db => db.Set<AlgorithmFiling>().Include(x => x.AuditTrail).SingleAsync(x => x.Id == id));
        Assert.Single(f.AuditTrail, a => a.Action == FilingAction.Publish);
    }
}

public sealed class FilingNumberConcurrencyTestsSqlite(SqliteApp app) : FilingNumberConcurrencyTests<SqliteApp>(app);
public sealed class FilingNumberConcurrencyTestsPostgres(PostgresApp app) : FilingNumberConcurrencyTests<PostgresApp>(app);
