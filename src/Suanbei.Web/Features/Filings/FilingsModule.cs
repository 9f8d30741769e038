using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Suanbei.Core.Filings;
using Suanbei.Core.Filings.Events;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Filings.Public;
using Suanbei.Web.Features.Filings.Review;
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
        services.AddScoped<FilingReviewService>();
        services.AddScoped<PublicEntryService>();
        services.AddSingleton<FilingNumberAllocator>();
        services.AddScoped<IDomainEventHandler<FilingPublished>, RegistryFeed>();
        services.AddScoped<IDomainEventHandler<FilingChangePublished>, RegistryFeed>();
        services.AddScoped<IDomainEventHandler<FilingCancelled>, RegistryFeed>();
        services.AddScoped<IMaterialAccessRule, FilingMaterialAccessRule>();
        services.AddHostedService<PublicityCloser>();
        services.AddSingleton<FilingListCache>();
        services.AddSingleton(sp => PostgresChannel.Of(FilingListCache.Channel, sp.GetRequiredService<FilingListCache>()));
        services.AddSingleton<IInterceptor, FilingListChanges>();
        // Enums as their names ("GenerationSynthesis", "Text, Image") in requests and responses.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            new System.Text.Json.Serialization.JsonStringEnumConverter()));
    }

    public void MapApi(RouteGroupBuilder api)
    {
        var filer = api.MapGroup("/filings").RequireAuthorization(Policies.Filer).WithTags("算法备案");
        filer.MapGet("/", async (ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
            (await s.ListOwnAsync(user.OrganisationId(), ct)).Select(f => FilingDto.Summary(f, s)).ToList());
        filer.MapPost("/", async (ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
        {
            var f = await s.CreateAsync(FilingService.ActorOf(user), ct);
            return Results.Created($"/api/v1/filings/{f.Id}", FilingDto.Full(f, s));
        });
        filer.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
            await s.GetOwnAsync(id, user.OrganisationId(), ct) is { } f ? Results.Ok(FilingDto.Full(f, s)) : NotFound());
        filer.MapGet("/{id:guid}/audit", async (Guid id, ClaimsPrincipal user, FilingService s, CancellationToken ct) =>
            await s.GetOwnAsync(id, user.OrganisationId(), ct) is { } f
                ? Results.Ok(f.AuditTrail.OrderBy(a => a.Sequence).Select(FilingDto.Audit))
                : NotFound());
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
            if (await s.GetOwnAsync(id, user.OrganisationId(), ct) is not { } f) return NotFound();
            var outcome = await s.SubmitAsync(f, FilingService.ActorOf(user), ct);
            return outcome.Submitted ? Results.Ok(FilingDto.Full(f, s))
                : outcome.Missing.Count > 0 ? Incomplete(outcome.Missing) : Blocked(outcome.Check!);
        });
        filer.MapPost("/{id:guid}/change", async (Guid id, EventRequest body, ClaimsPrincipal user, FilingService s,
            CancellationToken ct) =>
        {
            if (await s.GetOwnAsync(id, user.OrganisationId(), ct) is not { } f) return NotFound();
            if (body.EventDate is not { } date) return EventDateMissing("变更发生日期");
            var change = await s.StartChangeAsync(f, FilingService.ActorOf(user), date, body.Description, ct);
            return Results.Created($"/api/v1/filings/{change.Id}", FilingDto.Full(change, s));
        });
        filer.MapPost("/{id:guid}/cancel", async (Guid id, EventRequest body, ClaimsPrincipal user, FilingService s,
            CancellationToken ct) =>
        {
            if (await s.GetOwnAsync(id, user.OrganisationId(), ct) is not { } f) return NotFound();
            if (body.EventDate is not { } date) return EventDateMissing("停止服务日期");
            await s.CancelAsync(f, FilingService.ActorOf(user), date, body.Description, ct);
            return Results.Ok(FilingDto.Full(f, s));
        });

        var review = api.MapGroup("/review/filings").RequireAuthorization(Policies.Reviewer).WithTags("算法备案审核");
        review.MapGet("/", async (FilingService s, FilingReviewService r, CancellationToken ct) =>
        {
            var queue = await r.ReviewQueueAsync(ct);
            var subjects = await s.SubjectsAsync(queue.Select(f => f.SubjectId), ct);
            return queue.Select(f => FilingDto.Summary(f, s) with { SubjectName = subjects.GetValueOrDefault(f.SubjectId)?.Name }).ToList();
        });
        review.MapGet("/{id:guid}", async (Guid id, FilingService s, FilingReviewService r, CancellationToken ct) =>
            await r.GetForReviewAsync(id, ct) is { } f ? Results.Ok(FilingDto.Full(f, s)) : NotFound());
        foreach (var (path, action) in new[]
                 {
                     ("start-first-review", FilingAction.StartFirstReview), ("pass-first-review", FilingAction.PassFirstReview),
                     ("publish", FilingAction.Publish), ("complete-publicity", FilingAction.CompletePublicity),
                     ("refuse", FilingAction.Refuse), ("return", FilingAction.Return),
                 })
        {
            review.MapPost($"/{{id:guid}}/{path}", async (Guid id, [FromBody] ReviewRequest? body, ClaimsPrincipal user, FilingService s,
                FilingReviewService r, CancellationToken ct) =>
            {
                if (await r.GetForReviewAsync(id, ct) is not { } f) return NotFound();
                var decided = await r.ReviewAsync(f, FilingService.ActorOf(user), action, body?.Reason,
                    body?.Reasons?.Select(r => new FieldReason(FilingFields.Canonical(r.Field ?? ""), r.Reason ?? "")).ToList(), ct);
                return Results.Ok(FilingDto.Full(decided, s));
            }).RequireAuthorization(Policies.ReviewAction);
        }
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/public/filings", async (PublicEntryService s, CancellationToken ct) => await s.PublicEntriesAsync(ct))
            .AllowAnonymous().WithTags("公示信息");
        app.MapGet("/api/v1/public/filings/{number}", async (string number, PublicEntryService s, CancellationToken ct) =>
            await s.PublicEntryAsync(number, ct) is { } e ? Results.Ok(e.Entry) : NotFound())
            .AllowAnonymous().WithTags("公示信息");
    }

    private static async Task<IResult> Own(Guid id, ClaimsPrincipal user, FilingService s, CancellationToken ct, Func<AlgorithmFiling,
        Actor, Task> update)
    {
        if (await s.GetOwnAsync(id, user.OrganisationId(), ct) is not { } f) return NotFound();
        await update(f, FilingService.ActorOf(user));
        return Results.Ok(FilingDto.Full(f, s));
    }

    /// <summary>Field keys in API bodies are camelCase like the JSON properties ("Type" → "type").</summary>
    public static string ApiKey(string field) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field);

    private static IResult NotFound() => Results.Problem(statusCode: 404, title: "未找到", detail: "没有这个算法备案，或它不属于本机构。");

    private static IResult Incomplete(IReadOnlyList<MissingField> missing) =>
        Results.ValidationProblem(missing.GroupBy(m => m.Field).ToDictionary(g => ApiKey(g.Key), g => g.Select(m => m.Message).ToArray()),
            title: "备案信息不完整", detail: "请补全以下字段后再提交。", statusCode: 422);

    /// <summary>422 with the whole 备案预审 report (<c>findings</c>, as GET …/check returns it) while a 阻断 finding stands.</summary>
    private static IResult Blocked(Checks.FilingSnapshots.CheckRun check)
    {
        var report = Checks.ChecksModule.Dto(check);
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
    public sealed record ProductsRequest(List<ProductLinkRequest>? Products, TechnicalServiceMode? ServiceMode,
        string? ServiceModeDescription);
    public sealed record EventRequest(DateOnly? EventDate, string? Description);
    public sealed record FieldReasonRequest(string? Field, string? Reason);
    public sealed record ReviewRequest(string? Reason, List<FieldReasonRequest>? Reasons);
}
