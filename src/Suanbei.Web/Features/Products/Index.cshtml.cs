using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Products;

public sealed class IndexModel(ProductService products, SuanbeiDbContext db) : PageModel
{
    public List<Product> Products { get; private set; } = [];
    public bool HasSubject { get; private set; }

    public async Task OnGetAsync()
    {
        var userId = User.OrganisationId();
        HasSubject = await db.Set<Subject>().AnyAsync(s => s.OwnerId == userId);
        Products = await products.ListAsync(userId);
    }
}
