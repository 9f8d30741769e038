using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Filings;

/// <summary>Step ③: a provider links its products and functions; a supporter states its technical service mode.</summary>
public sealed class ProductsModel(FilingService filings, SuanbeiDbContext db, MaterialStore store) : FilingPageModel(filings, db, store)
{
    private readonly SuanbeiDbContext _db = db;

    [BindProperty] public List<Guid> ProductIds { get; set; } = [];
    [BindProperty] public List<Guid> FunctionIds { get; set; } = [];
    [BindProperty] public TechnicalServiceMode? ServiceMode { get; set; }
    [BindProperty] public string? ServiceModeDescription { get; set; }

    public List<Product> OwnProducts { get; private set; } = [];

    private async Task LoadProductsAsync() =>
        OwnProducts = await _db.Set<Product>().Include(p => p.Functions).Where(p => p.OwnerId == User.OrganisationId()).OrderBy(p => p.Name)
            .ToListAsync();

    public async Task<IActionResult> OnGetAsync(Guid id, bool check = false)
    {
        if (!await LoadAsync(id)) return NotFound();
        await LoadProductsAsync();
        if (check) MarkMissing(FilingStep.Products);
        ProductIds = Filing.LinkedProducts.Select(p => p.ProductId).ToList();
        FunctionIds = Filing.LinkedProducts.SelectMany(p => p.FunctionIdList).ToList();
        ServiceMode = Filing.ServiceMode;
        ServiceModeDescription = Filing.ServiceModeDescription;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await LoadProductsAsync();
        var links = new List<(Guid, IReadOnlyList<Guid>)>();
        if (Filing.Role == FilingRole.ServiceProvider)
        {
            // A function is offered through its product: a ticked function whose product is not ticked is refused
            // rather than dropped, and both lists stay as ticked for correcting.
            var rule = Suanbei.Core.Checks.PresubmissionRules.Current.ById["function.product-not-linked"];
            foreach (var p in OwnProducts.Where(p => !ProductIds.Contains(p.Id)))
                foreach (var fn in p.Functions.Where(fn => FunctionIds.Contains(fn.Id)))
                    ModelState.AddModelError("ProductIds", rule.Format(("function", fn.Name), ("product", p.Name)));
            if (!ModelState.IsValid) return Page();
            foreach (var pid in ProductIds.Distinct())
            {
                var functions = OwnProducts.FirstOrDefault(p => p.Id == pid)?.Functions.Select(f => f.Id).Where(FunctionIds.Contains)
                    .ToList() ?? [];
                links.Add((pid, functions));
            }
        }
        var mode = Filing.Role == FilingRole.TechnicalSupporter ? ServiceMode : null;
        var description = Filing.Role == FilingRole.TechnicalSupporter ? ServiceModeDescription : null;
        if (!await TryAsync(() => Filings.UpdateProductsAsync(Filing, Actor, links, mode, description))) return Page();
        return AfterSave(FilingStep.Products, Filing.Role == FilingRole.TechnicalSupporter ? "技术服务方式已保存" : "关联产品已保存", FilingStep.Confirm);
    }
}
