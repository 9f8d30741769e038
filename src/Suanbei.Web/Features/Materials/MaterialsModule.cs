using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Materials;

/// <summary>
/// Download: GET /Materials/{id} (signed-in browser) and GET /api/v1/materials/{id} (token); upload: POST /api/v1/materials
/// (multipart field "file"); list own: GET /api/v1/materials. Reading is decided by <see cref="MaterialAccess"/>; a material the
/// caller may not read answers 404, as if it did not exist.
/// </summary>
public sealed class MaterialsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options)
    {
        services.AddSingleton<MaterialStore>();
        services.AddScoped<MaterialAccess>();
        services.AddScoped<IMaterialAccessRule, SubjectMaterialAccessRule>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app) =>
        app.MapGet("/materials/{id:guid}", Download).RequireAuthorization().ExcludeFromDescription();

    public void MapApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/materials").WithTags("材料");
        g.MapGet("/{id:guid}", Download).WithSummary("下载材料（本人上传的，或审核员查看已提交备案的材料）");
        g.MapGet("/", async (HttpContext http, SuanbeiDbContext db) =>
        {
            var userId = http.User.OrganisationId();
            var list = await db.Set<Material>().Where(m => m.OwnerId == userId).ToListAsync();
            return Results.Ok(list.OrderByDescending(m => m.CreatedAt).Select(MaterialResponse.From));
        }).WithSummary("本机构上传的材料").Produces<List<MaterialResponse>>();
        g.MapPost("/", async (HttpContext http, IFormFile? file, SuanbeiDbContext db, MaterialStore store, TimeProvider clock) =>
        {
            if (file is null) return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["file"] = ["请上传文件（multipart 字段 file）"] });
            var (material, error) = await MaterialUploads.SaveAsync(
                store, db, http.User.OrganisationId(), file, clock.GetUtcNow(), http.RequestAborted);
            if (material is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [error!] },
                    statusCode: error!.Contains("大小上限") ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
            await db.SaveChangesAsync();
            return Results.Created($"/api/v1/materials/{material.Id}", MaterialResponse.From(material));
        }).DisableAntiforgery() // bearer tokens are not ambient credentials; browsers upload through antiforgery-protected pages
          .WithSummary("上传材料（PDF、JPEG、PNG、DOCX，按内容识别，默认上限 20 MB）").Produces<MaterialResponse>(201).ProducesValidationProblem();
    }

    private static async Task<IResult> Download(Guid id, HttpContext http, SuanbeiDbContext db, MaterialAccess access, MaterialStore store)
    {
        var material = await db.Set<Material>().FirstOrDefaultAsync(m => m.Id == id);
        if (material is null || !await access.CanReadAsync(http.User, material, http.RequestAborted)) return Results.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(store.OpenRead(material), material.ContentType, material.FileName);
    }
}
