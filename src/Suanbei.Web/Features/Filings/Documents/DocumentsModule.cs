using System.Security.Claims;
using Suanbei.Core.Filings;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.Filings.Review;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings.Documents;

/// <summary>
/// Generated documents and the filing package. Kinds: disclosure (拟公示内容), self-assessment (算法安全自评估报告),
/// responsibility (落实算法安全主体责任基本情况), package (zip). The owner downloads from /Filings/{id}/Documents/{kind}
/// (cookie) or /api/v1/filings/{id}/documents/{kind}; reviewers from /api/v1/review/filings/{id}/documents/{kind} and the
/// same page path. Anyone else gets 404.
/// </summary>
public sealed class DocumentsModule : IFeatureModule
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public void AddServices(IServiceCollection services, SuanbeiHostOptions options) => services.AddScoped<FilingDocuments>();

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapGet("/filings/{id:guid}/documents/{kind}",
            async (Guid id, string kind, ClaimsPrincipal user, FilingService s, FilingDocuments docs, CancellationToken ct) =>
                await Download(await s.GetOwnAsync(id, user.OrganisationId(), ct), kind, docs, ct))
            .RequireAuthorization(Policies.Filer).WithTags("备案文档");
        api.MapGet("/review/filings/{id:guid}/documents/{kind}",
                async (Guid id, string kind, FilingReviewService r, FilingDocuments docs, CancellationToken ct) =>
                await Download(await r.GetForReviewAsync(id, ct), kind, docs, ct))
            .RequireAuthorization(Policies.Reviewer).WithTags("备案文档");
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/filings/{id:guid}/documents/{kind}", async (Guid id, string kind, ClaimsPrincipal user, FilingService s,
            FilingReviewService r, FilingDocuments docs, CancellationToken ct) =>
        {
            var f = await s.GetOwnAsync(id, user.OrganisationId(), ct);
            if (f is null && user.IsInRole(Roles.Reviewer)) f = await r.GetForReviewAsync(id, ct);
            return await Download(f, kind, docs, ct);
        }).RequireAuthorization();
    }

    private static async Task<IResult> Download(AlgorithmFiling? f, string kind, FilingDocuments docs, CancellationToken ct)
    {
        if (f is null) return Results.Problem(statusCode: 404, title: "未找到", detail: "没有这个算法备案，或它不属于本机构。");
        var inputs = await docs.LoadAsync(f, ct);
        var name = f.Name ?? "算法备案";
        if (kind == "package")
            return Results.File(await docs.PackageAsync(inputs, ct), "application/zip", $"{name}-备案材料包.zip");
        if (!FilingDocuments.TryParseKind(kind, out var k))
            return Results.Problem(statusCode: 404, title: "未找到", detail: "文档类型应为 disclosure、self-assessment、responsibility 或 package。");
        return Results.File(FilingDocuments.Generate(k, inputs), DocxType, $"{name}-{FilingDocuments.FileName(k)}");
    }
}
