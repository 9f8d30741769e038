using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Products;

/// <summary>
/// Products and functions of the filer's subject (shared by pages and API). Every query filters by owner, so another
/// account's product id simply is not found. Errors are keyed by <see cref="ProductDetails"/> property names
/// (plus FunctionName/FunctionDescription).
/// </summary>
public sealed class ProductService(SuanbeiDbContext db, TimeProvider clock)
{
    public sealed record Outcome(Product? Product, Dictionary<string, string> Errors)
    {
        public bool Ok => Errors.Count == 0;
    }

    private IQueryable<Product> Owned(string userId) =>
        db.Set<Product>().Include(p => p.AccessPath).Include(p => p.Functions).Where(p => p.OwnerId == userId);

    public async Task<List<Product>> ListAsync(string userId, CancellationToken ct = default) =>
        (await Owned(userId).ToListAsync(ct)).OrderBy(p => p.CreatedAt).ToList();

    public Task<Product?> GetAsync(string userId, Guid id, CancellationToken ct = default) =>
        Owned(userId).FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<Outcome> CreateAsync(string userId, ProductDetails details, CancellationToken ct = default)
    {
        var subjectId = await db.Set<Subject>().Where(s => s.OwnerId == userId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
                        ?? throw new DomainException("请先填写并保存主体备案信息，再添加产品");
        var errors = ProductValidation.Check(details);
        if (errors.Count > 0) return new(null, errors);
        var product = new Product(Guid.NewGuid(), subjectId, userId, details, clock.GetUtcNow());
        db.Add(product);
        await db.SaveChangesAsync(ct);
        return new(product, errors);
    }

    /// <summary>Null when the product is not the caller's.</summary>
    public async Task<Outcome?> UpdateAsync(string userId, Guid id, ProductDetails details, CancellationToken ct = default)
    {
        var product = await GetAsync(userId, id, ct);
        if (product is null) return null;
        var errors = ProductValidation.Check(details);
        if (errors.Count > 0) return new(product, errors);
        product.Update(details, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new(product, errors);
    }

    public async Task<Outcome?> AddFunctionAsync(string userId, Guid productId, string? name, string? description,
        CancellationToken ct = default)
    {
        var product = await GetAsync(userId, productId, ct);
        if (product is null) return null;
        var errors = ProductValidation.CheckFunction(name, description);
        if (errors.Count > 0) return new(product, errors);
        product.AddFunction(name!, description, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new(product, errors);
    }

    public async Task<Outcome?> UpdateFunctionAsync(string userId, Guid productId, Guid functionId, string? name, string? description,
        CancellationToken ct = default)
    {
        var product = await GetAsync(userId, productId, ct);
        if (product is null || product.Functions.All(f => f.Id != functionId)) return null;
        var errors = ProductValidation.CheckFunction(name, description);
        if (errors.Count > 0) return new(product, errors);
        product.UpdateFunction(functionId, name!, description, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new(product, errors);
    }

    public async Task<bool> RemoveFunctionAsync(string userId, Guid productId, Guid functionId, CancellationToken ct = default)
    {
        var product = await GetAsync(userId, productId, ct);
        if (product is null || product.Functions.All(f => f.Id != functionId)) return false;
        product.RemoveFunction(functionId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }
}
