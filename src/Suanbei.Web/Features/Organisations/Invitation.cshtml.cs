using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Core;
using Suanbei.Core.Organisations;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Organisations;

/// <summary>
/// /organisations/invitations/{token}: a signed-in account with the invited e-mail accepts; without an account the
/// invited person sets a password here (the account is created for the invited address only, then signs in as usual).
/// An unknown token is "not found"; an expired, used or withdrawn one says so.
/// </summary>
public sealed class InvitationModel(OrganisationService organisations, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public Invitation Invitation { get; private set; } = null!;
    public Organisation Organisation { get; private set; } = null!;
    public bool AccountExists { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty] public AccountInput Input { get; set; } = new();

    public sealed class AccountInput
    {
        [Required(ErrorMessage = "密码不能为空"), StringLength(128, ErrorMessage = "密码过长")]
        public string Password { get; set; } = "";
        [Required(ErrorMessage = "请再次输入密码"), Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (!await LoadAsync(token)) return NotFound();
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(string token)
    {
        if (!await LoadAsync(token)) return NotFound();
        ModelState.Clear();
        if (User.Identity?.IsAuthenticated != true) return Redirect(LoginUrl(token));
        if (!User.IsInRole(Roles.Filer))
        {
            ModelState.AddModelError("", "审核员和管理员账号不能加入备案主体或代理机构，请用备案主体账号接受邀请。");
            return Page();
        }
        try { await organisations.AcceptAsync(Invitation, Organisation, User.UserId(), User.Identity.Name, HttpContext.RequestAborted); }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        Response.Cookies.Append(OrganisationClaimsTransformation.CookieName, Organisation.Id, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
        });
        TempData["Message"] = $"您已加入「{Organisation.Name}」（{DisplayNames.Of(Invitation.Role)}），现在代表该机构操作。";
        return Redirect("/organisations");
    }

    /// <summary>Creates the invited address's account (filer) and accepts with it; then the person signs in.</summary>
    public async Task<IActionResult> OnPostRegisterAsync(string token)
    {
        if (!await LoadAsync(token)) return NotFound();
        if (AccountExists) ModelState.AddModelError("", $"{Invitation.Email} 已有账号，请登录后接受邀请。");
        if (!ModelState.IsValid || Problem is not null) return Page();
        var user = new AppUser
        {
            UserName = Invitation.Email, Email = Invitation.Email, CreatedAt = clock.GetUtcNow(), EmailConfirmed = true,
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("Input.Password", e.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Filer);
        try { await organisations.AcceptAsync(Invitation, Organisation, user.Id, user.Email, HttpContext.RequestAborted); }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        TempData["Message"] = $"账号已创建并加入「{Organisation.Name}」，请用刚才设置的密码登录。";
        return Redirect("/account/login?ReturnUrl=%2Forganisations");
    }

    public static string LoginUrl(string token) =>
        "/account/login?ReturnUrl=" + Uri.EscapeDataString("/organisations/invitations/" + token);

    private async Task<bool> LoadAsync(string token)
    {
        if (await organisations.FindInvitationAsync(token, HttpContext.RequestAborted) is not { } found) return false;
        (Invitation, Organisation) = found;
        AccountExists = await users.FindByEmailAsync(Invitation.Email) is not null;
        var now = clock.GetUtcNow();
        Problem = Invitation.WithdrawnAt is not null ? Invitation.WithdrawnMessage + "如仍需加入，请联系管理成员重新邀请。"
            : Invitation.AcceptedAt is not null ? "该邀请已被接受，不能再次使用。"
            : now >= Invitation.ExpiresAt ? "该邀请已过期，请联系机构的管理成员重新邀请。"
            : null;
        return true;
    }
}
