using Suanbei.Core.Identifiers;
using Suanbei.Registry;
using Suanbei.Registry.Export;
using Suanbei.Registry.Store;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Registry.Export;
using Suanbei.Web.Features.Registry.Store;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Registry;

/// <summary>
/// Public (no login) registry endpoints: JSON under /api/v1/registry and file export at /registry/export.
/// GET
/// /api/v1/registry/entries?q=&amp;role=&amp;type=&amp;province=&amp;year=&amp;batch=&amp;status=&amp;source=&amp;sort=
///   &amp;page=&amp;pageSize=
/// GET /api/v1/registry/entries/{number} · GET /api/v1/registry/verify?number= · GET /api/v1/registry/stats
/// GET /api/v1/registry/similar?text=&amp;k= · GET /registry/export?format=xlsx|docx|csv&amp;(same filters)
/// </summary>
public static class RegistryEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/registry").AllowAnonymous().WithTags("公示清单");

        api.MapGet("/entries", async (HttpContext http, IRegistryStore store, CancellationToken ct) =>
        {
            var (query, error) = RegistryQueryBinding.From(http.Request.Query);
            if (query is null) return Results.Problem(statusCode: 400, title: "查询参数有误", detail: error);
            var r = await store.SearchAsync(query, ct);
            return Results.Json(new { total = r.Total, page = r.Page, pageSize = r.PageSize, items = r.Items.Select(Summary) });
        });

        api.MapGet("/entries/{number}", async (string number, IRegistryStore store, CancellationToken ct) =>
            await store.GetAsync(number, ct) is { } e ? Results.Json(Detail(e))
                : Results.Problem(statusCode: 404, title: "未找到", detail: $"公示清单中没有编号“{number}”"));

        api.MapGet("/verify", async (string? number, IRegistryStore store, CancellationToken ct) =>
        {
            var v = await store.VerifyAsync(number, ct);
            return Results.Json(new
            {
                number = v.Normalised,
                scheme = v.Scheme.ToString(),
                wellFormed = v.WellFormed,
                decoded = v.Decoded is { } d
                    ? new
                    {
                        d.Region, province = d.ProvinceName, d.Entity, d.TypeCode,
                        d.TypeName, d.Year, d.Sequence, d.CheckDigit, d.CheckDigitMatches, d.Problems
                    }
                    : null,
                // The fields this answer has always had, from Core's decoder.
                generative = v.Generative is { } g
                    ? new
                    {
                        province = g.Pinyin, g.Name, g.Date, g.Sequence,
                        isRegistration = g.Kind == GenerativeAiNumberKind.Registration,
                    }
                    : null,
                inRegistry = v.InRegistry,
                status = v.Entry is null ? null : Status(v.Entry),
                cancelledOn = v.Entry?.CancelledOn,
                entry = v.Entry is null ? null : Summary(v.Entry),
                url = v.Entry is null ? null : EntryUrl(v.Normalised),
            });
        });

        api.MapGet("/stats", async (IRegistryStore store, CancellationToken ct) => Results.Json(await store.StatisticsAsync(ct: ct)));

        api.MapGet("/similar", async (string? text, int? k, SuanbeiDbContext db, RegistrySimilarity similarity, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(text)) return Results.Problem(statusCode: 400, title: "缺少参数", detail: "请提供 text（要比对的主要用途或描述）");
            if (text.Length > 5000) return Results.Problem(statusCode: 400, title: "参数过长", detail: "text 最多 5000 个字符");
            var hits = await similarity.FindAsync(db, text, Math.Clamp(k ?? 10, 1, 50), 0.2, ct: ct);
            return Results.Json(hits.Select(h => new { number = h.Id, similarity = Math.Round(h.Similarity, 4), url = EntryUrl(h.Id) }));
        });

        // Streamed: rows are written to a temporary file under <data>/tmp as they are read (deleted when sent), so memory
        // stays flat whatever the registry's size; size and rate limits in RegistryExportLimits.
        app.MapGet("/registry/export", async (HttpContext http, string? format, IRegistryStore store,
            SuanbeiHostOptions host, CancellationToken ct) =>
        {
            ExportFormat? f = format?.ToLowerInvariant() switch
            { "xlsx" => ExportFormat.Xlsx, "docx" => ExportFormat.Docx, "csv" => ExportFormat.Csv, _ => null };
            if (f is null) return Results.Problem(statusCode: 400, title: "导出格式有误", detail: "format 应为 xlsx、docx 或 csv");
            var (query, error) = RegistryQueryBinding.From(http.Request.Query);
            if (query is null) return Results.Problem(statusCode: 400, title: "查询参数有误", detail: error);
            var signedIn = http.User.Identity?.IsAuthenticated == true;
            var limit = signedIn ? RegistryExportLimits.SignedIn : RegistryExportLimits.Anonymous;
            var matches = await store.MatchAsync(query, limit + 1, ct);
            if (matches.Total > limit)
            {
                await PlainAnswers.WriteAsync(http, signedIn ? 413 : 403, "导出数量超过上限",
                    RegistryExportLimits.TooManyRows(matches.Total, signedIn), "export-too-large");
                return Results.Empty;
            }
            Directory.CreateDirectory(host.TempDirectory);
            var file = new FileStream(
                Path.Combine(host.TempDirectory, "export-" + Guid.NewGuid().ToString("N") + ".tmp"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                await RegistryExporter.WriteAsync(() => matches.Rows(ct), f.Value, file, ct);
                file.Position = 0;
            }
            catch
            {
                await file.DisposeAsync();
                throw;
            }
            return Results.File(file, RegistryExporter.ContentType(f.Value), "算法备案清单" + RegistryExporter.Extension(f.Value));
        }).AllowAnonymous().RequireRateLimiting(RegistryExportLimits.Policy);
    }

    public static string EntryUrl(string number) => "/registry/entry/" + Uri.EscapeDataString(number);

    public static string Status(RegistryEntry e) => e.Status == RegistryStatus.Cancelled ? "cancelled" : "active";

    public static object Summary(RegistryEntry e) => new
    {
        number = e.Number,
        name = e.Name,
        role = e.Role ?? e.Category,
        entity = e.Entity,
        products = e.ProductsRaw,
        purpose = e.Purpose,
        status = Status(e),
        cancelledOn = e.CancelledOn,
        province = e.Province,
        typeCode = e.TypeCode,
        year = e.Year,
        source = e.FiledHere ? (e.InOfficialList ? "both" : "filed") : "official",
        batches = e.Listings.OrderBy(l => l.Period, StringComparer.Ordinal)
            .Select(l => new { l.Period, l.Batch, l.ListName, kind = l.List.ToString() }),
        url = EntryUrl(e.Number),
    };

    public static object Detail(RegistryEntry e) => new
    {
        summary = Summary(e),
        category = e.Category,
        region = e.Region,
        regionCode = e.RegionCode,
        filedOn = e.FiledOn,
        generativeKind = e.GenerativeKind?.ToString(),
        checkDigitMatches = e.CheckDigitMatches,
        productList = e.Products.Select(p => new { p.Name, p.Form }),
        listings = e.Listings.OrderBy(l => l.Period, StringComparer.Ordinal)
            .Select(l => new
            {
                l.Period, l.Batch, l.ListName, kind = l.List.ToString(),
                l.Seq, l.Name, l.RoleOrCategory, l.ProductsRaw, l.Purpose, l.Remark,
                l.CancelledOn, l.Notice
            }),
    };
}
