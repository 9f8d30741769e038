using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Products;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Products;

/// <summary>Create (no id) or edit a product; add, change and remove its functions.</summary>
public sealed class EditModel(ProductService products) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public ProductInput Input { get; set; } = new();
    [BindProperty] public string? FunctionName { get; set; }
    [BindProperty] public string? FunctionDescription { get; set; }
    public Product? Product { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            Product = await products.GetAsync(User.OrganisationId(), id);
            if (Product is null) return NotFound();
            Input = ProductInput.From(ProductDisplay.Details(Product));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var userId = User.OrganisationId();
        if (Id is { } existing && (Product = await products.GetAsync(userId, existing)) is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        ProductService.Outcome? outcome;
        try
        {
            outcome = Id is { } id ? await products.UpdateAsync(userId, id, Input.ToDetails())
                : await products.CreateAsync(userId, Input.ToDetails());
        }
        catch (DomainException e) { ModelState.AddModelError("", e.Message); return Page(); }
        if (outcome is null) return NotFound();
        if (!outcome.Ok)
        {
            foreach (var (k, v) in outcome.Errors) ModelState.AddModelError("Input." + k, v);
            return Page();
        }
        TempData["Message"] = "产品信息已保存";
        return Redirect($"/products/edit?id={outcome.Product!.Id}");
    }

    public async Task<IActionResult> OnPostAddFunctionAsync()
    {
        if (Id is not { } id) return NotFound();
        var outcome = await products.AddFunctionAsync(User.OrganisationId(), id, FunctionName, FunctionDescription);
        if (outcome is null) return NotFound();
        Product = outcome.Product;
        if (!outcome.Ok)
        {
            foreach (var (k, v) in outcome.Errors) ModelState.AddModelError(k, v);
            Input = ProductInput.From(ProductDisplay.Details(Product!));
            ClearInputState();
            return Page();
        }
        TempData["Message"] = "已添加功能";
        return Redirect($"/products/edit?id={id}");
    }

    public async Task<IActionResult> OnPostRemoveFunctionAsync(Guid functionId)
    {
        if (Id is not { } id) return NotFound();
        if (!await products.RemoveFunctionAsync(User.OrganisationId(), id, functionId)) return NotFound();
        TempData["Message"] = "已删除功能";
        return Redirect($"/products/edit?id={id}");
    }

    // The product fields were not part of this post; show the stored values instead of the empty posted ones.
    private void ClearInputState()
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.")).ToList()) ModelState.Remove(key);
    }
}
