using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Account;

public sealed class LoginModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "邮箱不能为空")] public string Email { get; set; } = "";
        [Required(ErrorMessage = "密码不能为空")] public string Password { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", "登录失败次数过多，账号已被锁定，请15分钟后再试");
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", "邮箱或密码不正确");
            return Page();
        }
        var user = await users.FindByNameAsync(Input.Email.Trim());
        if (user is { MustChangePassword: true }) return Redirect("/account/manage/changepassword");
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl);
        if (user is not null && await users.IsInRoleAsync(user, Roles.Filer)) return Redirect("/subjects");
        if (user is not null && (await users.IsInRoleAsync(user, Roles.Reviewer) || await users.IsInRoleAsync(user, Roles.Admin)))
            return Redirect("/review/subjects");
        return Redirect("/");
    }
}
