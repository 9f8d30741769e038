using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Account.Manage;

public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public bool MustChange { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "当前密码不能为空")] public string CurrentPassword { get; set; } = "";
        [Required(ErrorMessage = "新密码不能为空"), StringLength(128, ErrorMessage = "密码过长")] public string NewPassword { get; set; } = "";
        [Required(ErrorMessage = "请再次输入新密码"), Compare(nameof(NewPassword),
            ErrorMessage = "两次输入的密码不一致")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task OnGetAsync() => MustChange = (await users.GetUserAsync(User))?.MustChangePassword == true;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        MustChange = user.MustChangePassword;
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword"
                    : "Input.NewPassword", e.Description);
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "密码已修改";
        return Redirect("/account/manage");
    }
}
