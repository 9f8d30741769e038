using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Keywords;
using Suanbei.GenAi.Reporting;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// The assessment's API under /api/v1/genai (bearer token, filer accounts): bank checks kept as versions, run import,
/// and a run's results (JSON or XLSX) and 安全自评估报告 (DOCX). Everything is the token owner's; another account's
/// bank or run is 404, as on the pages.
/// </summary>
public sealed class GenAiModule : IFeatureModule
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddSingleton<EvalRunWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<EvalRunWorker>());
    }

    public void MapApi(RouteGroupBuilder api)
    {
        // Bearer tokens are not ambient credentials: no antiforgery token on these posts.
        var g = api.MapGroup("/genai").WithTags("生成式人工智能安全评估").RequireAuthorization(Policies.Filer).DisableAntiforgery();

        g.MapPost("/banks", async (HttpRequest request, ClaimsPrincipal user, SuanbeiDbContext db, MaterialStore store,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (await MultipartAsync(request, ct) is not { } form)
                return Invalid("file", "请以 multipart/form-data 表单上传（字段 kind、name、file）");
            var kind = Enum.GetValues<BankKind>().Where(k => k.Code() == form["kind"].ToString()).Select(k => (BankKind?)k)
                .FirstOrDefault();
            if (kind is null) return Invalid("kind", "kind 应为 keywords、content、refuse 或 answer");
            if (form.Files.GetFile("file") is not { } file) return Invalid("file", "请上传题库文件（multipart 字段 file）");
            var name = form["name"].ToString().Trim();
            if (name.Length > BankCheck.MaxNameLength) return Invalid("name", $"题库名称不能超过 {BankCheck.MaxNameLength} 个字符");
            var (bank, _, format, error) = await BankUpload.ReadAsync(file, store.MaxBytes, ct);
            if (error is not null) return Invalid("file", error);
            var check = await BankVersions.AddAsync(db, user.OrganisationId(), user.Identity?.Name ?? "", kind.Value, name,
                MaterialStore.DisplayName(file.FileName), format, bank!, clock.GetUtcNow(), ct);
            return Json(w =>
            {
                w.WriteStartObject();
                Version(w, check);
                BankReportJson.WriteProperties(w, JsonSerializer.Deserialize<BankReport>(check.ReportJson, BanksModel.Json)!);
                w.WriteEndObject();
            }, StatusCodes.Status201Created);
        }).WithSummary("检查一个题库（字段 kind、file、可选 name）并保存为该名称的新版本；返回版本与 banks check --json 的单个题库对象")
          .Accepts<IFormFile>("multipart/form-data").Produces(201, contentType: "application/json").ProducesValidationProblem();

        g.MapGet("/banks", async (ClaimsPrincipal user, SuanbeiDbContext db, CancellationToken ct) =>
        {
            var owner = user.OrganisationId();
            var checks = await db.Set<BankCheck>().AsNoTracking().Where(c => c.OwnerId == owner).ToListAsync(ct);
            return Json(w =>
            {
                w.WriteStartArray();
                foreach (var c in checks.OrderBy(c => c.Kind).ThenBy(c => c.BankName).ThenBy(c => c.Version))
                {
                    w.WriteStartObject();
                    Version(w, c);
                    w.WriteString("kind", c.Kind);
                    w.WriteNumber("items", c.Items);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        }).WithSummary("本机构的题库版本");

        g.MapPost("/runs", async (HttpRequest request, ClaimsPrincipal user, SuanbeiDbContext db, MaterialStore store,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (await MultipartAsync(request, ct) is not { } form)
                return Invalid("manifest", "请以 multipart/form-data 表单上传（字段 manifest、journal、keywords）");
            var manifest = form.Files.GetFile("manifest");
            var journal = form.Files.GetFile("journal");
            if (manifest is null || manifest.Length == 0) return Invalid("manifest", "请上传评估输出目录中的 manifest.json（字段 manifest）");
            if (journal is null || journal.Length == 0) return Invalid("journal", "请上传评估输出目录中的 journal.jsonl（字段 journal）");
            foreach (var (field, f) in new[] { ("manifest", manifest), ("journal", journal) })
                if (f.Length > store.MaxBytes) return Invalid(field, $"文件超过大小上限 {store.MaxBytes / (1024 * 1024)} MB");
            KeywordLibrary? keywords = null;
            byte[]? keywordBytes = null;
            if (form.Files.GetFile("keywords") is { Length: > 0 } keywordFile)
            {
                var (bank, bytes, _, error) = await BankUpload.ReadAsync(keywordFile, store.MaxBytes, ct);
                if (error is not null) return Invalid("keywords", error);
                (keywords, keywordBytes) = (KeywordLibrary.FromBank(bank!), bytes);
            }
            var (run, answers, errors) = await ReviewImport.ImportAsync(db, user.OrganisationId(), await BytesAsync(manifest, ct),
                await BytesAsync(journal, ct), keywords, keywordBytes, clock.GetUtcNow(), ct);
            if (run is null) return Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
            return Json(w =>
            {
                w.WriteStartObject();
                w.WriteString("id", run.Id);
                w.WriteString("model", run.Model);
                w.WriteNumber("answers", answers);
                w.WriteString("review", $"/genai/review/{run.Id}");
                w.WriteEndObject();
            }, StatusCodes.Status201Created);
        }).WithSummary("导入一次 genai eval 评估（字段 manifest、journal，含生成内容题时还需 keywords）以供人工复核")
          .Accepts<IFormFileCollection>("multipart/form-data").Produces(201, contentType: "application/json").ProducesValidationProblem();

        g.MapGet("/runs/{id:guid}/results", async (Guid id, string? format, ClaimsPrincipal user, SuanbeiDbContext db,
            CancellationToken ct) =>
        {
            if (await ReviewResults.LoadAsync(db, id, user.OrganisationId(), ct) is not { } results) return NotFound();
            return format == "xlsx"
                ? Results.File(RunResultsExport.Xlsx(results), RunResultsExport.XlsxType, $"{results.Model}-评估结果.xlsx")
                : Results.Bytes(RunResultsExport.Json(results), "application/json; charset=utf-8");
        }).WithSummary("一次评估的结果：各题库与各风险的比率、Wilson 区间、阈值、人工与自动判定（format=json 默认，或 xlsx）");

        g.MapGet("/runs/{id:guid}/report", async (Guid id, ClaimsPrincipal user, SuanbeiDbContext db, TimeProvider clock,
            CancellationToken ct) =>
        {
            var owner = user.OrganisationId();
            if (await ReviewResults.LoadAsync(db, id, owner, ct) is not { } results) return NotFound();
            var banks = await ReviewResults.LatestBanksAsync(db, owner, ct);
            var bytes = GenerativeAiSelfAssessmentReport.Build(new SelfAssessmentInput(null, results, banks, null, clock.GetUtcNow()));
            return Results.File(bytes, GenerativeAiSelfAssessmentReport.DocxType,
                $"{results.Model}-{GenerativeAiSelfAssessmentReport.FileName}");
        }).WithSummary("一次评估的安全自评估报告（DOCX），题库一节取本机构各类题库的最新版本");

        MapEvaluations(g);
    }

    /// <summary>Evaluations started from the server: start, list, progress, stop and resume.</summary>
    private static void MapEvaluations(RouteGroupBuilder g)
    {
        g.MapPost("/evaluations", async (HttpRequest request, ClaimsPrincipal user, SuanbeiDbContext db,
            IDataProtectionProvider protection, OutboundAddressGuard guard, SuanbeiHostOptions options, TimeProvider clock,
            CancellationToken ct) =>
        {
            EvalRunInput? input = null;
            try
            {
                if (request.HasJsonContentType())
                    input = EvalRunInput.FromJson(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct));
            }
            catch (JsonException) { }
            if (input is null) return Invalid("body", "请以 JSON 对象提交（字段 endpoint、model、contentBank、refuseBank、answerBank、keywordBank …）");
            var (run, errors) = await EvalRuns.CreateAsync(db, protection, guard, options, user.OrganisationId(),
                user.Identity?.Name ?? "", input, clock.GetUtcNow(), ct);
            if (run is null)
                return Results.ValidationProblem(
                    errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => new[] { e.Value }));
            return Json(w => EvalRuns.WriteProgress(w, run), StatusCodes.Status201Created);
        }).WithSummary("从服务器发起一次评估（JSON：接口、模型、四个题库版本的 id、抽样数、随机种子、API 密钥或环境变量名）；密钥加密保存，不再返回")
          .Accepts<JsonElement>("application/json").Produces(201, contentType: "application/json").ProducesValidationProblem();

        g.MapGet("/evaluations", async (ClaimsPrincipal user, SuanbeiDbContext db, CancellationToken ct) =>
        {
            var owner = user.OrganisationId();
            var runs = await db.Set<EvalRun>().AsNoTracking().Where(r => r.OwnerId == owner).ToListAsync(ct);
            return Json(w =>
            {
                w.WriteStartArray();
                foreach (var r in runs.OrderByDescending(r => r.CreatedAt)) EvalRuns.WriteProgress(w, r);
                w.WriteEndArray();
            });
        }).WithSummary("本机构从服务器发起的评估及其进度");

        g.MapGet("/evaluations/{id:guid}", async (Guid id, ClaimsPrincipal user, SuanbeiDbContext db, CancellationToken ct) =>
        {
            var owner = user.OrganisationId();
            var run = await db.Set<EvalRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == owner, ct);
            return run is null ? NotFound() : Json(w => EvalRuns.WriteProgress(w, run));
        }).WithSummary("一次评估的状态与进度：已回答/总数、请求数、重试、错误、速率（条/秒）与预计剩余时间");

        g.MapPost("/evaluations/{id:guid}/stop", (Guid id, ClaimsPrincipal user, SuanbeiDbContext db, EvalRunWorker worker,
            TimeProvider clock, CancellationToken ct) => Change(id, user, db, ct, async owner =>
            {
                var stopped = await EvalRuns.StopAsync(db, id, owner, clock.GetUtcNow(), ct);
                if (stopped) worker.Cancel(id);
                return stopped;
            }, "只有运行中或排队中的评估可以停止"))
          .WithSummary("停止一次运行中或排队中的评估（已保存的回答保留，继续时不再询问）");

        g.MapPost("/evaluations/{id:guid}/resume", (Guid id, ClaimsPrincipal user, SuanbeiDbContext db, TimeProvider clock,
            CancellationToken ct) => Change(id, user, db, ct, owner => EvalRuns.ResumeAsync(db, id, owner, clock.GetUtcNow(), ct),
                "只有已停止或失败的评估可以继续"))
          .WithSummary("继续一次已停止或失败的评估，只询问尚未得到回答的问题");
    }

    private static async Task<IResult> Change(Guid id, ClaimsPrincipal user, SuanbeiDbContext db, CancellationToken ct,
        Func<string, Task<bool>> change, string conflict)
    {
        var owner = user.OrganisationId();
        if (!await db.Set<EvalRun>().AnyAsync(r => r.Id == id && r.OwnerId == owner, ct)) return NotFound();
        if (!await change(owner)) return Results.Problem(statusCode: 409, title: conflict);
        var run = await db.Set<EvalRun>().AsNoTracking().FirstAsync(r => r.Id == id, ct);
        return Json(w => EvalRuns.WriteProgress(w, run));
    }

    private static void Version(Utf8JsonWriter w, BankCheck c)
    {
        w.WriteString("id", c.Id);
        w.WriteString("bankName", c.BankName);
        w.WriteNumber("version", c.Version);
        w.WriteString("fileName", c.FileName);
        w.WriteString("format", c.Format);
        w.WriteString("uploadedBy", c.UploadedBy);
        w.WriteString("checkedAt", c.CheckedAt);
        w.WriteBoolean("ok", c.Ok);
    }

    private static IResult Json(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Writer)) write(w);
        return Results.Text(Encoding.UTF8.GetString(buffer.ToArray()), "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The request's multipart form, or null when the body is not one (missing, another type, unreadable).</summary>
    private static async Task<IFormCollection?> MultipartAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return null;
        try { return await request.ReadFormAsync(ct); }
        catch (InvalidDataException) { return null; }
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static IResult NotFound() =>
        Results.Problem(statusCode: 404, title: "未找到", detail: "没有这次评估，或它不属于本机构。");

    private static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken ct)
    {
        var bytes = new byte[file.Length];
        await using var s = file.OpenReadStream();
        await s.ReadExactlyAsync(bytes, ct);
        return bytes;
    }
}
