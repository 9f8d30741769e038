using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.GenAiFilings.Documents;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>
/// Generative-AI service filing (备案/登记) under /api/v1, like the algorithm filing's: filers /api/v1/genai-filings…,
/// reviewers /api/v1/review/genai-filings…. Errors are problem details; missing fields come in <c>errors</c> keyed by
/// field with Chinese messages.
/// </summary>
public sealed class GenAiFilingsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddScoped<GenAiFilingService>();
        services.AddScoped<GenAiReviewService>();
        services.AddScoped<GenAiToolkitMaterials>();
        services.AddScoped<IMaterialAccessRule, GenAiMaterialAccessRule>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        var filer = api.MapGroup("/genai-filings").RequireAuthorization(Policies.Filer).WithTags("生成式人工智能服务备案/登记");
        filer.MapGet("/", async (ClaimsPrincipal user, GenAiFilingService s, CancellationToken ct) =>
            (await s.ListOwnAsync(user.OrganisationId(), ct)).Select(f => GenAiFilingDto.Summary(f, s.Now)).ToList());
        filer.MapPost("/", async (ClaimsPrincipal user, GenAiFilingService s, CancellationToken ct) =>
        {
            var f = await s.CreateAsync(FilingService.ActorOf(user), ct);
            return Results.Created($"/api/v1/genai-filings/{f.Id}", GenAiFilingDto.Full(f, s.Now));
        });
        filer.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, GenAiFilingService s, CancellationToken ct) =>
            await s.GetOwnAsync(id, user.OrganisationId(), ct) is { } f ? Results.Ok(GenAiFilingDto.Full(f, s.Now)) : NotFound());
        filer.MapGet("/{id:guid}/audit", async (Guid id, ClaimsPrincipal user, GenAiFilingService s, CancellationToken ct) =>
            await s.GetOwnAsync(id, user.OrganisationId(), ct) is { } f
                ? Results.Ok(f.AuditTrail.OrderBy(a => a.Sequence).Select(GenAiFilingDto.Audit)) : NotFound());
        filer.MapPut("/{id:guid}/form", (Guid id, GenerativeAiServiceForm body, ClaimsPrincipal user, GenAiFilingService s,
            CancellationToken ct) => Own(id, user, s, ct, (f, a) => s.UpdateFormAsync(f, a, body, ct)));
        filer.MapPut("/{id:guid}/products", (Guid id, ProductsRequest body, ClaimsPrincipal user, GenAiFilingService s,
            CancellationToken ct) => Own(id, user, s, ct, (f, a) => s.UpdateProductsAsync(f, a, body.ProductIds ?? [], ct)));
        filer.MapPut("/{id:guid}/materials/{key}", (Guid id, string key, MaterialRequest body, ClaimsPrincipal user,
            GenAiFilingService s, CancellationToken ct) =>
            Own(id, user, s, ct, (f, a) => s.SetMaterialAsync(f, a, key, body.MaterialId, ct)));
        filer.MapPut("/{id:guid}/materials/{key}/toolkit", (Guid id, string key, ToolkitRequest body, ClaimsPrincipal user,
            GenAiFilingService s, GenAiToolkitMaterials toolkit, CancellationToken ct) =>
            Own(id, user, s, ct, (f, a) => toolkit.LinkAsync(f, a, key, body.Ids ?? [], ct)));
        filer.MapGet("/{id:guid}/toolkit", async (Guid id, ClaimsPrincipal user, GenAiFilingService s, GenAiToolkitMaterials toolkit,
            CancellationToken ct) =>
            await s.GetOwnAsync(id, user.OrganisationId(), ct) is { } f
                ? Results.Ok(GenAiFilingDto.Toolkit(await toolkit.DescribeAsync(f, ct))) : NotFound());
        filer.MapPost("/{id:guid}/submit", async (Guid id, ClaimsPrincipal user, GenAiFilingService s, CancellationToken ct) =>
        {
            if (await s.GetOwnAsync(id, user.OrganisationId(), ct) is not { } f) return NotFound();
            var missing = await s.SubmitAsync(f, FilingService.ActorOf(user), ct);
            return missing.Count == 0 ? Results.Ok(GenAiFilingDto.Full(f, s.Now))
                : Results.ValidationProblem(
                    missing.GroupBy(m => m.Field).ToDictionary(g => FilingsModule.ApiKey(g.Key), g => g.Select(m => m.Message).ToArray()),
                    title: "备案信息不完整", detail: "请补全以下字段后再提交。", statusCode: 422);
        });
        filer.MapPost("/{id:guid}/change", async (Guid id, FilingsModule.EventRequest body, ClaimsPrincipal user, GenAiFilingService s,
            CancellationToken ct) =>
        {
            if (await s.GetOwnAsync(id, user.OrganisationId(), ct) is not { } f) return NotFound();
            if (body.EventDate is not { } date) return DateMissing("变更发生日期");
            var change = await s.StartChangeAsync(f, FilingService.ActorOf(user), date, body.Description, ct);
            return Results.Created($"/api/v1/genai-filings/{change.Id}", GenAiFilingDto.Full(change, s.Now));
        });
        filer.MapPost("/{id:guid}/cancel", async (Guid id, FilingsModule.EventRequest body, ClaimsPrincipal user, GenAiFilingService s,
            CancellationToken ct) =>
        {
            if (await s.GetOwnAsync(id, user.OrganisationId(), ct) is not { } f) return NotFound();
            if (body.EventDate is not { } date) return DateMissing("停止服务日期");
            await s.CancelAsync(f, FilingService.ActorOf(user), date, body.Description, ct);
            return Results.Ok(GenAiFilingDto.Full(f, s.Now));
        });

        var review = api.MapGroup("/review/genai-filings").RequireAuthorization(Policies.Reviewer).WithTags("生成式人工智能服务审核");
        review.MapGet("/", async (GenAiReviewLevel? level, string? province, ClaimsPrincipal user, GenAiReviewService r,
            CancellationToken ct) =>
            (await r.QueueAsync(level, province, user.UserId(), ct)).Select(f => GenAiFilingDto.Summary(f, r.Now)).ToList());
        review.MapGet("/{id:guid}", async (Guid id, GenAiReviewService r, CancellationToken ct) =>
            await r.GetForReviewAsync(id, ct) is { } f ? Results.Ok(GenAiFilingDto.Full(f, r.Now)) : NotFound());
        review.MapGet("/{id:guid}/toolkit", async (Guid id, GenAiReviewService r, GenAiToolkitMaterials toolkit, CancellationToken ct) =>
            await r.GetForReviewAsync(id, ct) is { } f
                ? Results.Ok(GenAiFilingDto.Toolkit(await toolkit.DescribeAsync(f, ct))) : NotFound());
        foreach (var (path, action) in new[]
                 {
                     ("start-provincial-review", GenerativeAiAction.StartProvincialReview),
                     ("pass-provincial-review", GenerativeAiAction.PassProvincialReview), ("approve", GenerativeAiAction.Approve),
                     ("return", GenerativeAiAction.Return), ("refuse", GenerativeAiAction.Refuse),
                 })
        {
            review.MapPost($"/{{id:guid}}/{path}", async (Guid id, [FromBody] ReviewRequest? body, ClaimsPrincipal user,
                GenAiReviewService r, CancellationToken ct) =>
            {
                if (await r.GetForReviewAsync(id, ct) is not { } f) return NotFound();
                await r.ReviewAsync(f, FilingService.ActorOf(user), action, body?.Reason,
                    body?.Reasons?.Select(x => new FieldReason(Canonical(x.Field ?? ""), x.Reason ?? "")).ToList(),
                    body?.RomanisedName, ct);
                return Results.Ok(GenAiFilingDto.Full(f, r.Now));
            }).RequireAuthorization(Policies.ReviewAction);
        }
    }

    /// <summary>The address of the 上线备案表 download, for the filer's overview and the review page.</summary>
    public static string OnlineFilingFormUrl(Guid id) => $"/genai-filings/{id}/documents/online-filing-form.docx";

    /// <summary>
    /// The 上线备案表 as DOCX and the files of the materials linked from the toolkit (cookie): the owning organisation's
    /// members, or a reviewer once the filing is submitted; anyone else gets 404, as for the filing itself.
    /// </summary>
    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/genai-filings/{id:guid}/documents/online-filing-form.docx", async (Guid id, ClaimsPrincipal user,
            GenAiFilingService s, GenAiReviewService r, CancellationToken ct) =>
        {
            if (await VisibleAsync(id, user, s, r, ct) is not { } f) return NotFound();
            return Results.File(OnlineFilingFormDocument.Build(f), DocxType,
                $"{f.ModelName ?? "生成式人工智能服务"}-{OnlineFilingFormDocument.FileName}");
        }).RequireAuthorization();
        app.MapGet("/genai-filings/{id:guid}/toolkit/{key}/{part?}", async (Guid id, string key, string? part, ClaimsPrincipal user,
            GenAiFilingService s, GenAiReviewService r, GenAiToolkitMaterials toolkit, CancellationToken ct) =>
        {
            if (await VisibleAsync(id, user, s, r, ct) is not { } f) return NotFound();
            return await toolkit.FileAsync(f, key, part, ct) is { } file
                ? Results.File(file.Bytes, file.ContentType, file.FileName)
                : Results.Problem(statusCode: 404, title: "未找到", detail: "本备案没有从评估工具关联这项材料，或所关联的版本已不存在。");
        }).RequireAuthorization();
    }

    private static async Task<GenerativeAiFiling?> VisibleAsync(Guid id, ClaimsPrincipal user, GenAiFilingService s,
        GenAiReviewService r, CancellationToken ct)
    {
        var f = await s.GetOwnAsync(id, user.OrganisationId(), ct);
        if (f is null && user.IsInRole(Roles.Reviewer)) f = await r.GetForReviewAsync(id, ct);
        return f;
    }

    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>API bodies name fields in camelCase ("corpusScale"); the domain's keys are PascalCase.</summary>
    private static string Canonical(string field) =>
        GenerativeAiFormFields.All.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).Key ?? field;

    private static async Task<IResult> Own(Guid id, ClaimsPrincipal user, GenAiFilingService s, CancellationToken ct,
        Func<GenerativeAiFiling, Actor, Task> update)
    {
        if (await s.GetOwnAsync(id, user.OrganisationId(), ct) is not { } f) return NotFound();
        await update(f, FilingService.ActorOf(user));
        return Results.Ok(GenAiFilingDto.Full(f, s.Now));
    }

    private static IResult NotFound() =>
        Results.Problem(statusCode: 404, title: "未找到", detail: "没有这个生成式人工智能服务备案/登记，或它不属于本机构。");

    private static IResult DateMissing(string label) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["eventDate"] = [$"请填写{label}。"] }, statusCode: 400);

    public sealed record ProductsRequest(List<Guid>? ProductIds);
    public sealed record MaterialRequest(Guid? MaterialId);
    /// <summary>The bank versions (one per bank of the material) or the one run to link; empty removes the link.</summary>
    public sealed record ToolkitRequest(List<Guid>? Ids);
    public sealed record ReviewRequest(string? Reason, List<FilingsModule.FieldReasonRequest>? Reasons, string? RomanisedName);
}
