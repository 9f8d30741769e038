using Suanbei.Core.Products;
using Suanbei.Web.Features.Subjects;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Products;

/// <summary>/api/v1/products: the filer's products and their functions.</summary>
public sealed class ProductsModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options) => services.AddScoped<ProductService>();

    public void MapApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/products").WithTags("产品及功能").RequireAuthorization(Policies.Filer);
        g.MapGet("/", async (HttpContext http, ProductService h) =>
            Results.Ok((await h.ListAsync(http.User.OrganisationId())).Select(ProductResponse.From)))
            .Produces<List<ProductResponse>>();
        g.MapGet("/{id:guid}", async (Guid id, HttpContext http, ProductService h) =>
            await h.GetAsync(http.User.OrganisationId(), id) is { } p ? Results.Ok(ProductResponse.From(p)) : Results.NotFound())
                .Produces<ProductResponse>();
        g.MapPost("/", async (ProductDetails body, HttpContext http, ProductService h) =>
            {
                var r = await h.CreateAsync(http.User.OrganisationId(), body);
                return r.Ok ? Results.Created($"/api/v1/products/{r.Product!.Id}", ProductResponse.From(r.Product))
                    : SubjectEndpoints.Problem(r.Errors);
            })
            .WithSummary("新增产品（服务形式 form: Website, App, MiniProgram, PublicAccount, Plugin, Api, Desktop, Other）")
            .Produces<ProductResponse>(201).ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (Guid id, ProductDetails body, HttpContext http, ProductService h) =>
                await h.UpdateAsync(http.User.OrganisationId(), id, body) switch
                {
                    null => Results.NotFound(),
                    { Ok: true } r => Results.Ok(ProductResponse.From(r.Product!)),
                    var r => SubjectEndpoints.Problem(r.Errors),
                })
            .Produces<ProductResponse>().ProducesValidationProblem();
        g.MapPost("/{id:guid}/functions", async (Guid id, FunctionRequest body, HttpContext http, ProductService h) =>
                await h.AddFunctionAsync(http.User.OrganisationId(), id, body.Name, body.Description) switch
                {
                    null => Results.NotFound(),
                    { Ok: true } r => Results.Ok(ProductResponse.From(r.Product!)),
                    var r => SubjectEndpoints.Problem(r.Errors),
                })
            .WithSummary("新增功能（功能介绍不超过500字）").Produces<ProductResponse>().ProducesValidationProblem();
        g.MapPut("/{id:guid}/functions/{functionId:guid}",
            async (Guid id, Guid functionId, FunctionRequest body, HttpContext http, ProductService h) =>
                await h.UpdateFunctionAsync(http.User.OrganisationId(), id, functionId, body.Name, body.Description) switch
                {
                    null => Results.NotFound(),
                    { Ok: true } r => Results.Ok(ProductResponse.From(r.Product!)),
                    var r => SubjectEndpoints.Problem(r.Errors),
                })
            .Produces<ProductResponse>().ProducesValidationProblem();
        g.MapDelete("/{id:guid}/functions/{functionId:guid}", async (Guid id, Guid functionId, HttpContext http, ProductService h) =>
            await h.RemoveFunctionAsync(http.User.OrganisationId(), id, functionId) ? Results.NoContent() : Results.NotFound());
    }
}
