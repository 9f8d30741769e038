using System.Security.Claims;
using Suanbei.Core.Checks;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.Filings.Review;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings.Checks;

/// <summary>备案预审 on the API: GET /api/v1/filings/{id}/check (the owner) and /api/v1/review/filings/{id}/check (reviewers).</summary>
public sealed class ChecksModule : IFeatureModule
{
    /// <summary>One finding; <c>field</c> is the snapshot path (as in <c>suanbei check --json</c>), <c>label</c> the form's name for it.</summary>
    public sealed record FindingDto(string RuleId, string Severity, string Field, string Label, string Message, string Source);
    public sealed record ReportDto(string RulesVersion, bool Blocks, int Blocking, int Warnings, int Hints, IReadOnlyList<FindingDto> Findings);

    public static ReportDto Dto(CheckReport r, FilingSnapshot? snapshot = null) => new(r.RulesVersion, r.Blocks, r.Count(CheckSeverity.Blocking),
        r.Count(CheckSeverity.Warning), r.Count(CheckSeverity.Hint),
        r.Findings.Select(f => new FindingDto(f.RuleId, f.SeverityName, f.Field, CheckFieldLabels.Label(f.Field, snapshot), f.Message, f.Source)).ToList());

    public static ReportDto Dto(FilingSnapshots.CheckRun run) => Dto(run.Report, run.Snapshot);

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapGet("/filings/{id:guid}/check", async (Guid id, ClaimsPrincipal user, FilingService s, SuanbeiDbContext db, RegistrySimilarity registry, CancellationToken ct) =>
                await s.GetOwnAsync(id, user.UserId(), ct) is { } f ? Results.Ok(Dto(await FilingSnapshots.RunAsync(db, f, s.Now, registry, ct))) : NotFound())
            .RequireAuthorization(Policies.Filer).WithTags("备案预审");
        api.MapGet("/review/filings/{id:guid}/check",
                async (Guid id, FilingReviewService r, SuanbeiDbContext db, RegistrySimilarity registry, CancellationToken ct) =>
                await r.GetForReviewAsync(id, ct) is { } f
                    ? Results.Ok(Dto(await FilingSnapshots.RunAsync(db, f, r.Now, registry, ct)))
                    : NotFound())
            .RequireAuthorization(Policies.Reviewer).WithTags("备案预审");
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "未找到", detail: "没有这个算法备案，或它不属于本账号。");
}
