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
    public static CheckReportDocument Dto(CheckReport r, FilingSnapshot? snapshot = null) => CheckReportDocument.From(r, snapshot);

    public static CheckReportDocument Dto(FilingSnapshots.CheckRun run) => Dto(run.Report, run.Snapshot);

    /// <summary>The report as the API answers it: the same serializer and bytes as <c>suanbei check --json</c>.</summary>
    public static IResult Json(CheckReportDocument report) =>
        Results.Bytes(CheckReportJson.ToUtf8Bytes(report), "application/json; charset=utf-8");

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapGet("/filings/{id:guid}/check", async (Guid id, ClaimsPrincipal user, FilingService s, SuanbeiDbContext db,
            RegistrySimilarity registry, CancellationToken ct) =>
                await s.GetOwnAsync(id, user.OrganisationId(), ct) is { } f
                    ? Json(Dto(await FilingSnapshots.RunAsync(db, f, s.Now, registry, ct)))
                    : NotFound())
            .RequireAuthorization(Policies.Filer).WithTags("备案预审");
        api.MapGet("/review/filings/{id:guid}/check",
                async (Guid id, FilingReviewService r, SuanbeiDbContext db, RegistrySimilarity registry, CancellationToken ct) =>
                await r.GetForReviewAsync(id, ct) is { } f
                    ? Json(Dto(await FilingSnapshots.RunAsync(db, f, r.Now, registry, ct)))
                    : NotFound())
            .RequireAuthorization(Policies.Reviewer).WithTags("备案预审");
    }

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "未找到", detail: "没有这个算法备案，或它不属于本机构。");
}
