using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Account.Manage;

public sealed class TokensModel(SuanbeiDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty, StringLength(100, ErrorMessage = "令牌名称不能超过100个字符")] public string? Name { get; set; }
    public string? NewToken { get; private set; }
    public List<ApiToken> Tokens { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ModelState.IsValid)
            NewToken = (await ApiToken.CreateAsync(db, User.UserId(), Name ?? "API", clock.GetUtcNow())).Plain;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var userId = User.UserId();
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId);
        if (token is null) return NotFound();
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync();
        TempData["Message"] = "令牌已吊销";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var userId = User.UserId();
        Tokens = (await db.Set<ApiToken>().Where(t => t.UserId == userId).ToListAsync()).OrderByDescending(t => t.CreatedAt).ToList();
    }
}
