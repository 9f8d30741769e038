using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Suanbei.Core;
using Suanbei.Core.Assessment;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.GenAiFilings;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings.Assess;

/// <summary>
/// 备案判断 on the API: POST /api/v1/assess (answers JSON as for <c>suanbei assess</c>) → the plan, every conclusion with
/// its rule id and article; POST /api/v1/assess/drafts (filers with an approved subject) → the draft filings created.
/// </summary>
public sealed class AssessModule : IFeatureModule
{
    public static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapPost("/assess", async (HttpRequest request) =>
        {
            var (answers, error) = await ReadAsync(request);
            return answers is null ? Invalid(error!) : Results.Json(ApplicabilityEvaluator.Evaluate(answers), PlanJson);
        }).WithTags("备案判断");

        api.MapPost("/assess/drafts", async (HttpRequest request, ClaimsPrincipal user, FilingService filings, GenAiFilingService genAi,
            CancellationToken ct) =>
        {
            var (answers, error) = await ReadAsync(request);
            if (answers is null) return Invalid(error!);
            var plan = ApplicabilityEvaluator.Evaluate(answers);
            var created = await PlanDrafts.CreateAsync(filings, FilingService.ActorOf(user), answers, plan, ct);
            await PlanDrafts.CreateGenerativeAiAsync(genAi, FilingService.ActorOf(user), answers, plan, ct);
            return Results.Json(created.Select(f => new { id = f.Id, name = f.Name, type = f.Type, role = f.Role }).ToList(), PlanJson,
                statusCode: 201);
        }).RequireAuthorization(Policies.Filer).WithTags("备案判断");
    }

    private static async Task<(ServiceAnswers?, string?)> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > ServiceAnswers.MaxJsonBytes) return (null, "答卷过大");
        using var reader = new StreamReader(request.Body);
        var buffer = new char[ServiceAnswers.MaxJsonBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, 0, buffer.Length);
        if (read > ServiceAnswers.MaxJsonBytes) return (null, "答卷过大");
        var error = ServiceAnswers.TryParse(new string(buffer, 0, read), out var answers);
        return (answers, error);
    }

    private static IResult Invalid(string error) =>
        Results.Problem(statusCode: 400, title: "答卷有误", detail: error, extensions: new Dictionary<string,
            object?>
        { ["field"] = FieldOf(error) });

    /// <summary>The answers field an error names (messages start with it, e.g. "serviceName（服务名称）不能为空").</summary>
    private static string? FieldOf(string error)
    {
        var m = System.Text.RegularExpressions.Regex.Match(error, "[A-Za-z][A-Za-z0-9_.\\[\\]$]*");
        return m.Success ? m.Value : null;
    }
}
