using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Registry;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.GenAiNumbers;

/// <summary>生成式人工智能服务已备案和已登记信息 published by this system, in the CAC lists' two tables; no login.</summary>
[AllowAnonymous]
public sealed class GenAiPublicIndexModel(SuanbeiDbContext db) : PageModel
{
    public List<RegistryEntry> Filings { get; private set; } = [];
    public List<RegistryEntry> Registrations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filings = await PublicServices.ListAsync(db, GenerativeAiKind.Filing, ct);
        Registrations = await PublicServices.ListAsync(db, GenerativeAiKind.Registration, ct);
    }
}
