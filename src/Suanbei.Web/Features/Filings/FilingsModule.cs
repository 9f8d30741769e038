using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

/// <summary>
/// Algorithm filing, review and public entries under /api/v1 (JSON; errors are RFC 7807 problem details, missing
/// fields in <c>errors</c> keyed by field with Chinese messages). Filers: /api/v1/filings…; reviewers:
/// /api/v1/review/filings…; anyone: /api/v1/public/filings/{number}.
/// </summary>
public sealed class FilingsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddScoped<FilingService>();
        services.AddSingleton<FilingNumberAllocator>();
        services.AddScoped<IMaterialAccessRule, FilingMaterialAccessRule>();
        services.AddHostedService<PublicityCloser>();
        // Enums as their names ("GenerationSynthesis", "Text, Image") in requests and responses.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
    }

    public void MapApi(RouteGroupBuilder api)
    {
        var filer = api.MapGroup("/filings").RequireAuthorization(Policies.Filer).WithTags("算法备案");
        filer.MapGet("/", async (ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
            (await s.ListOwnAsync(user.UserId(), ct)).Select(f => FilingDto.Summary(f, s)).ToList());
        filer.MapPost("/", async (ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
        {
            var f = await s.CreateAsync(FilingService.ActorOf(user), ct);
            return Results.Created($"/api/v1/filings/{f.Id}", FilingDto.Full(f, s));
        });
        filer.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
            await s.GetOwnAsync(id, user.UserId(), ct) is { } f ? Results.Ok(FilingDto.Full(f, s)) : NotFound());
        filer.MapGet("/{id:guid}/audit", async (Guid id, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
            await s.GetOwnAsync(id, user.UserId(), ct) is { } f ? Results.Ok(f.AuditTrail.OrderBy(a => a.Sequence).Select(FilingDto.Audit)) : NotFound());
        filer.MapPut("/{id:guid}/basic", (Guid id, BasicAttributes body, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
            Own(id, user, s, ct, (f, a) => s.UpdateBasicAsync(f, a, body, ct)));
        filer.MapPut("/{id:guid}/details", (Guid id, DetailsRequest body, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
            Own(id, user, s, ct, (f, a) => s.UpdateDetailsAsync(f, a, body.Details ?? new DetailedAttributes(), body.Labeling ?? [], ct)));
        filer.MapPut("/{id:guid}/products", (Guid id, ProductsRequest body, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
            Own(id, user, s, ct, (f, a) => s.UpdateProductsAsync(f, a,
                (body.Products ?? []).Select(p => (p.ProductId, (IReadOnlyList<Guid>)(p.FunctionIds ?? []))).ToList(),
                body.ServiceMode, body.ServiceModeDescription, ct)));
        filer.MapPost("/{id:guid}/submit", async (Guid id, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
        {
            if (await s.GetOwnAsync(id, user.UserId(), ct) is not { } f) return NotFound();
            var outcome = await s.SubmitAsync(f, FilingService.ActorOf(user), ct);
            return outcome.Submitted ? Results.Ok(FilingDto.Full(f, s))
                : outcome.Missing.Count > 0 ? Incomplete(outcome.Missing) : Blocked(outcome.Check!);
        });
        filer.MapPost("/{id:guid}/change", async (Guid id, EventRequest body, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
        {
            if (await s.GetOwnAsync(id, user.UserId(), ct) is not { } f) return NotFound();
            if (body.EventDate is not { } date) return EventDateMissing("变更发生日期");
            var change = await s.StartChangeAsync(f, FilingService.ActorOf(user), date, body.Description, ct);
            return Results.Created($"/api/v1/filings/{change.Id}", FilingDto.Full(change, s));
        });
        filer.MapPost("/{id:guid}/cancel", async (Guid id, EventRequest body, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
        {
            if (await s.GetOwnAsync(id, user.UserId(), ct) is not { } f) return NotFound();
            if (body.EventDate is not { } date) return EventDateMissing("停止服务日期");
            await s.CancelAsync(f, FilingService.ActorOf(user), date, body.Description, ct);
            return Results.Ok(FilingDto.Full(f, s));
        });

        var review = api.MapGroup("/review/filings").RequireAuthorization(Policies.Reviewer).WithTags("算法备案审核");
        review.MapGet("/", async (FilingService s, CancellationToken ct) =>
        {
            var queue = await s.ReviewQueueAsync(ct);
            var subjects = await s.SubjectsAsync(queue.Select(f => f.SubjectId), ct);
            return queue.Select(f => FilingDto.Summary(f, s) with { SubjectName = subjects.GetValueOrDefault(f.SubjectId)?.Name }).ToList();
        });
        review.MapGet("/{id:guid}", async (Guid id, FilingService s, CancellationToken ct) =>
            await s.GetForReviewAsync(id, ct) is { } f ? Results.Ok(FilingDto.Full(f, s)) : NotFound());
        foreach (var (path, action) in new[]
                 {
                     ("start-first-review", FilingAction.StartFirstReview), ("pass-first-review", FilingAction.PassFirstReview),
                     ("publish", FilingAction.Publish), ("complete-publicity", FilingAction.CompletePublicity),
                     ("refuse", FilingAction.Refuse), ("return", FilingAction.Return),
                 })
        {
            review.MapPost($"/{{id:guid}}/{path}", async (Guid id, [FromBody] ReviewRequest? body, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
            {
                if (await s.GetForReviewAsync(id, ct) is not { } f) return NotFound();
                await s.ReviewAsync(f, FilingService.ActorOf(user), action, body?.Reason,
                    body?.Reasons?.Select(r => new FieldReason(FilingFields.Canonical(r.Field ?? ""), r.Reason ?? "")).ToList(), ct);
                var fresh = await s.GetForReviewAsync(id, ct);
                return Results.Ok(FilingDto.Full(fresh!, s));
            }).RequireAuthorization(Policies.ReviewAction);
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/public/filings", async (FilingService s, CancellationToken ct) => await s.PublicEntriesAsync(ct))
            .AllowAnonymous().WithTags("公示信息");
        app.MapGet("/api/v1/public/filings/{number}", async (string number, FilingService s, CancellationToken ct) =>
            await s.PublicEntryAsync(number, ct) is { } e ? Results.Ok(e.Entry) : NotFound())
            .AllowAnonymous().WithTags("公示信息");
    }

    private static async Task<IResult> Own(Guid id, ClaimsPrincipal user, FilingService s, CancellationToken ct, Func<AlgorithmFiling, Actor, Task> update)
    {
        if (await s.GetOwnAsync(id, user.UserId(), ct) is not { } f) return NotFound();
        await update(f, FilingService.ActorOf(user));
        return Results.Ok(FilingDto.Full(f, s));
    }

    /// <summary>Field keys in API bodies are camelCase like the JSON properties ("Type" → "type").</summary>
    public static string ApiKey(string field) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field);

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "未找到", detail: "没有这个算法备案，或它不属于本账号。");

    private static IResult Incomplete(IReadOnlyList<MissingField> missing) =>
        Results.ValidationProblem(missing.GroupBy(m => m.Field).ToDictionary(g => ApiKey(g.Key), g => g.Select(m => m.Message).ToArray()),
            title: "备案信息不完整", detail: "请补全以下字段后再提交。", statusCode: 422);

    /// <summary>422 with the whole 备案预审 report (<c>findings</c>, as GET …/check returns it) while a 阻断 finding stands.</summary>
    private static IResult Blocked(Checks.FilingSnapshots.CheckRun check)
    {
        var report = Checks.CheckModule.Dto(check);
        return Results.Problem(statusCode: 422, title: "备案预审存在阻断项",
            detail: $"备案预审发现 {report.Blocking} 项阻断问题，修改后才能提交。",
            extensions: new Dictionary<string, object?>
            {
                ["rulesVersion"] = report.RulesVersion, ["blocking"] = report.Blocking, ["findings"] = report.Findings,
            });
    }

    private static IResult EventDateMissing(string label) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["eventDate"] = [$"请填写{label}。"] }, statusCode: 400);

    public sealed record DetailsRequest(DetailedAttributes? Details, List<LabelingInput>? Labeling);
    public sealed record ProductLinkRequest(Guid ProductId, List<Guid>? FunctionIds);
    public sealed record ProductsRequest(List<ProductLinkRequest>? Products, TechnicalServiceMode? ServiceMode, string? ServiceModeDescription);
    public sealed record EventRequest(DateOnly? EventDate, string? Description);
    public sealed record FieldReasonRequest(string? Field, string? Reason);
    public sealed record ReviewRequest(string? Reason, List<FieldReasonRequest>? Reasons);
}

/// <summary>JSON shapes of the API (the aggregate itself is never serialized).</summary>
public static class FilingDto
{
    public sealed record SummaryDto(Guid Id, Guid EntryId, int Revision, string Kind, string? Name, string Status, string StatusName,
        string? FilingNumber, string Clock, int? WorkingDaysUsed, int WorkingDaysLimit, bool Overdue, string? SubjectName);

    public static SummaryDto Summary(AlgorithmFiling f, FilingService s)
    {
        var clock = f.Clock(s.Now, s.Calendar);
        return new(f.Id, f.EntryId, f.Revision, f.Kind.ToString(), f.Name, f.Status.ToString(), DisplayNames.Of(f.Status),
            f.FilingNumber, clock.Display, clock.WorkingDaysUsed, clock.LimitWorkingDays, clock.IsOverdue, null);
    }

    public sealed record AuditDto(int Sequence, DateTimeOffset At, string Actor, string ActorRole, string Action, string From, string To, string? Reason);

    public static AuditDto Audit(FilingAuditEntry a) =>
        new(a.Sequence, a.At, a.ActorName, DisplayNames.Of(a.ActorRole), DisplayNames.Of(a.Action),
            DisplayNames.Of(a.From), DisplayNames.Of(a.To), a.Reason);

    public static object Full(AlgorithmFiling f, FilingService s)
    {
        var clock = f.Clock(s.Now, s.Calendar);
        var deadline = f.FilerDeadline(s.Calendar);
        return new
        {
            f.Id, f.EntryId, f.Revision, Kind = f.Kind.ToString(), f.PreviousVersionId, Status = f.Status.ToString(),
            StatusName = DisplayNames.Of(f.Status), f.IsReturned, f.FilingNumber, f.PublishedAt, f.PublicityEndsOn, f.FiledAt,
            f.Name, Type = f.Type?.ToString(), TypeName = f.Type is { } t ? DisplayNames.Of(t) : null, f.Domain, f.LaunchDate,
            Role = f.Role?.ToString(), RoleName = f.Role is { } r ? DisplayNames.Of(r) : null, f.MainPurpose,
            f.SelfAssessmentReportId, f.DisclosureDocumentId, f.Summary, f.Scenarios,
            InputModalities = f.InputModalities.ToString(), OutputModalities = f.OutputModalities.ToString(),
            f.DataSources, f.UsesBiometricData, f.UsesIdentityData, f.ModelAndTrainingData, f.Strategy, f.RisksAndSafeguards,
            f.ModerationFlow, f.LogRetentionMonths, f.ComplaintChannels, f.RegulatorCooperation, f.DisclosurePrinciple, f.DisclosureMechanism, f.DisclosureScenarios, f.DisclosurePurpose,
            Labeling = f.Labeling.Select(l => new { Modality = l.Modality.ToString(), l.ExplicitMethod, l.ImplicitMethod, l.ExampleMaterialId }),
            LinkedProducts = f.LinkedProducts.Select(p => new { p.ProductId, p.ProductName, p.ProductForm, FunctionIds = p.FunctionIdList }),
            ServiceMode = f.ServiceMode?.ToString(), f.ServiceModeDescription,
            Clock = new { clock.StartedOn, clock.WorkingDaysUsed, clock.LimitWorkingDays, clock.DueOn, DueEstimated = clock.DueEstimated, clock.IsOverdue, clock.Display },
            Deadline = deadline is null ? null : new
            {
                Kind = deadline.Kind.ToString(), deadline.EventDate, deadline.WorkingDays, deadline.DueOn, deadline.Estimated,
                Overdue = deadline.IsOverdue(ChinaTime.Date(s.Now)), deadline.Display,
            },
            f.ChangeEventDate, f.ChangeDescription, f.OpenChangeId, f.CancelEventDate, f.CancelReason, f.RefusalReason,
            Remarks = f.RemarkLines,
            MissingFields = (f.Status == FilingStatus.Draft ? f.MissingFields() : []).Select(m => new { Field = FilingsModule.ApiKey(m.Field), m.Message }),
            ReturnReasons = f.ReturnReasons.OrderBy(x => x.Round).ThenBy(x => FilingFields.Order(x.Field)).Select(x => new { x.Round, Field = FilingsModule.ApiKey(x.Field), FieldName = FilingFields.Label(x.Field), x.Reason }),
            AuditTrail = f.AuditTrail.OrderBy(a => a.Sequence).Select(Audit),
            PublicUrl = f.FilingNumber is null ? null : PublicPaths.Entry(f.FilingNumber),
        };
    }
}

public static class PublicPaths
{
    /// <summary>The stable URL of a public entry: /public/{number} (the number URL-encoded).</summary>
    public static string Entry(string number) => "/public/" + Uri.EscapeDataString(number);
}

/// <summary>Reviewers may read materials attached to an algorithm filing that has been submitted (never a private draft).</summary>
public sealed class FilingMaterialAccessRule(SuanbeiDbContext db) : IMaterialAccessRule
{
    public async Task<bool> AllowsAsync(ClaimsPrincipal user, Material material, CancellationToken ct)
    {
        if (!user.IsReviewerOrAdmin()) return false;
        var id = (Guid?)material.Id;
        var submitted = db.Set<AlgorithmFiling>().Where(f => f.OwnerUserId == material.OwnerId && f.SubmittedAt != null);
        return await submitted.AnyAsync(f => f.SelfAssessmentReportId == id || f.DisclosureDocumentId == id, ct)
            || await submitted.SelectMany(f => f.Labeling).AnyAsync(l => l.ExampleMaterialId == id, ct);
    }
}
