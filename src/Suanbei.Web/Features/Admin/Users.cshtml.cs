using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Admin;

/// <summary>Administrators create reviewers (and other administrators); filers register themselves.</summary>
public sealed class UsersModel(SuanbeiDbContext db, UserManager<AppUser> users, TimeProvider clock, ReviewerScopes scopes) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string? CreatedEmail { get; private set; }
    public string? CreatedPassword { get; private set; }
    public List<Row> Users { get; private set; } = [];
    public sealed record Row(string Id, string Email, string Roles, DateTimeOffset CreatedAt, bool Locked, bool IsReviewer,
        IReadOnlyList<string> Provinces);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "邮箱不能为空"), EmailAddress(ErrorMessage = "邮箱格式不正确")] public string Email { get; set; } = "";
        [Required(ErrorMessage = "请选择角色")] public string Role { get; set; } = Roles.Reviewer;
        public string? Password { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Role is not (Roles.Reviewer or Roles.Admin)) ModelState.AddModelError("Input.Role", "只能创建审核员或管理员（备案主体请自行注册）");
        if (ModelState.IsValid)
        {
            try
            {
                var created = await UserAdministration.CreateUserAsync(users, Input.Email, Input.Role, Input.Password, clock.GetUtcNow());
                CreatedEmail = created.User.Email;
                if (created.PasswordGenerated) CreatedPassword = created.Password;
                else TempData["Message"] = $"已创建账号 {created.User.Email}";
            }
            catch (InvalidOperationException e)
            {
                ModelState.AddModelError(e.Message.Contains("密码") ? "Input.Password" : "Input.Email", e.Message);
            }
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>Sets the provinces a reviewer reviews at the provincial level (empty: nationwide).</summary>
    public async Task<IActionResult> OnPostProvincesAsync(string userId, string? provinces)
    {
        ModelState.Clear();
        if (await users.FindByIdAsync(userId) is not { } user || !await users.IsInRoleAsync(user, Roles.Reviewer)) return NotFound();
        if (await scopes.SetAsync(userId, provinces, HttpContext.RequestAborted) is { } error)
        {
            ModelState.AddModelError("provinces", error);
            await LoadAsync();
            return Page();
        }
        TempData["Message"] = $"已更新 {user.Email} 的审核省份。";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name ?? "");
        var userRoles = await db.UserRoles.ToListAsync();
        var provinces = await db.Set<ReviewerProvince>().ToListAsync();
        Users = (await db.Users.ToListAsync())
            .Where(u => !Organisations.OrganisationService.IsPlaceholder(u))
            .OrderBy(u => u.Email, StringComparer.Ordinal)
            .Select(u => new Row(u.Id, u.Email ?? "", string.Join(
                "、", userRoles.Where(r => r.UserId == u.Id).Select(r => Roles.ChineseName(roleNames[r.RoleId]))),
                u.CreatedAt, u.LockoutEnd is { } end && end > now,
                userRoles.Any(r => r.UserId == u.Id && roleNames[r.RoleId] == Roles.Reviewer),
                provinces.Where(p => p.UserId == u.Id).Select(p => p.ProvinceCode).Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
