using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Labels;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Labels;

/// <summary>
/// 标识核验 (GB 45438 implicit labels) on the web: the page /labels (any signed-in user) and
/// POST /api/v1/labels/verify | write | propagate (bearer token). Requests may be as large as
/// <see cref="SuanbeiHostOptions.LabelsMaxBytes"/> (endpoint metadata raises the host's smaller materials limit here only).
/// </summary>
public sealed class LabelsModule : IFeatureModule
{
    // The host calls AddServices before MapApi on the same instance.
    private long _maxBytes = SuanbeiHostOptions.DefaultLabelsMaxBytes;

    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        _maxBytes = options.LabelsMaxBytes;
        services.AddSingleton<LabelWorkspace>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddFolderApplicationModelConvention("/Labels", page =>
        {
            foreach (var m in SizeMetadata(options.LabelsMaxBytes)) page.EndpointMetadata.Add(m);
        }));
    }

    /// <summary>Kestrel's body limit and the multipart limit for one endpoint (the host's global limits are the materials').</summary>
    private static object[] SizeMetadata(long maxBytes)
    {
        var limit = LabelWorkspace.RequestLimitFor(maxBytes);
        return [new RequestSizeLimitAttribute(limit), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limit }];
    }

    public void MapEndpoints(IEndpointRouteBuilder app) =>
        app.MapGet("/labels/download/{token}", (string token, HttpContext http, LabelWorkspace workspace) =>
        {
            if (workspace.TakeKept(token, http.User.UserId()) is not { } output) return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(LabelWorkspace.OpenOnce(output), "application/octet-stream", output.FileName);
        }).RequireAuthorization().ExcludeFromDescription();

    public void MapApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/labels").WithTags("标识核验").DisableAntiforgery(); // bearer tokens are not ambient credentials

        g.MapPost("/verify", async (HttpRequest request, LabelWorkspace workspace, CancellationToken ct) =>
        {
            var (form, error, tooLarge) = await workspace.ReadFormAsync(request, ct);
            if (form is null) return Invalid("files", error!, tooLarge);
            if (form.Files.Count == 0) return Invalid("files", "请上传至少一个文件（multipart 字段 files）", false);
            var results = await workspace.VerifyAsync(form.Files, ct);
            return Results.Text(ReportJson.Serialize(w =>
            {
                w.WriteStartArray();
                foreach (var r in results) ReportJson.WriteReport(w, r.FileName, r.Report);
                w.WriteEndArray();
            }), "application/json; charset=utf-8");
        }).WithSummary("核验上传文件的隐式标识（可多个文件），返回与 label verify --json 相同的 JSON 对象数组")
          .Accepts<IFormFileCollection>("multipart/form-data").Produces(200, contentType: "application/json").ProducesValidationProblem()
          .WithMetadata(SizeMetadata(_maxBytes));

        g.MapPost("/write", async (HttpRequest request, LabelWorkspace workspace, CancellationToken ct) =>
        {
            var (form, error, tooLarge) = await workspace.ReadFormAsync(request, ct);
            if (form is null) return Invalid("file", error!, tooLarge);
            if (form.Files.GetFile("file") is not { } file) return Invalid("file", "请上传文件（multipart 字段 file）", false);
            var input = new WriteRequest(Field(form, "producer"), Field(form, "produceId"), Field(form, "label", "1"),
                Field(form, "reservedCode1"));
            if (LabelWorkspace.Validate(input) is { Count: > 0 } errors) return Results.ValidationProblem(
                errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
            try
            {
                var output = await workspace.WriteAsync(file, input, ct);
                return Results.File(LabelWorkspace.OpenOnce(output), "application/octet-stream", output.FileName);
            }
            catch (LabelWriteException e) { return Invalid("file", e.Message, false); }
        }).WithSummary("写入隐式标识（字段 file、producer、produceId、label=1|2|3、reservedCode1），返回同一容器的已标识文件")
          .Accepts<IFormFile>("multipart/form-data").Produces(200, contentType: "application/octet-stream").ProducesValidationProblem()
          .WithMetadata(SizeMetadata(_maxBytes));

        g.MapPost("/propagate", async (HttpRequest request, LabelWorkspace workspace, CancellationToken ct) =>
        {
            var (form, error, tooLarge) = await workspace.ReadFormAsync(request, ct);
            if (form is null) return Invalid("file", error!, tooLarge);
            if (form.Files.GetFile("file") is not { } file) return Invalid("file", "请上传文件（multipart 字段 file）", false);
            var input = new PropagateRequest(Field(form, "propagator"), Field(form, "propagateId"), IsTrue(Field(form, "declared")),
                Field(form, "reservedCode2"));
            if (LabelWorkspace.Validate(input) is { Count: > 0 } errors) return Results.ValidationProblem(
                errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
            try
            {
                var (decision, output) = await workspace.PropagateAsync(file, input, ct);
                if (output is null)
                    return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "未写入传播标识", detail: decision.Reason);
                request.HttpContext.Response.Headers["X-Suanbei-Classification"] = decision.Class!.Value.Name();
                return Results.File(LabelWorkspace.OpenOnce(output), "application/octet-stream", output.FileName);
            }
            catch (LabelWriteException e) { return Invalid("file", e.Message, false); }
        }).WithSummary(
            "传播平台处理（第六条）：判定属于/可能为/疑似（响应头 X-Suanbei-Classification: belongs|declared|suspected）并写入传播者字段；字段 " +
            "file、propagator、propagateId、declared、reservedCode2")
          .Accepts<IFormFile>("multipart/form-data").Produces(200, contentType: "application/octet-stream").ProducesValidationProblem()
              .ProducesProblem(422)
          .WithMetadata(SizeMetadata(_maxBytes));
    }

    private static string Field(IFormCollection form, string name, string fallback = "") =>
        form.TryGetValue(name, out var v) && v.ToString().Trim() is { Length: > 0 } s ? s : fallback;

    private static bool IsTrue(string value) => value.ToLowerInvariant() is "true" or "on" or "1" or "yes";

    private static IResult Invalid(string field, string message, bool tooLarge) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            statusCode: tooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
}
