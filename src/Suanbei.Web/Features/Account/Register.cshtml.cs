using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Account;

/// <summary>
/// Self-registration of filers. The answer never tells whether the e-mail address already has an account: a new account
/// and an existing address get the same redirect to the sign-in page with the same notice (and the same password-hashing
/// work), and nobody is signed in by registering. The owner of an existing address signs in with its password.
/// </summary>
public sealed class RegisterModel(UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "邮箱不能为空"), EmailAddress(ErrorMessage = "邮箱格式不正确"), StringLength(256, ErrorMessage = "邮箱过长")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "密码不能为空"), StringLength(128, ErrorMessage = "密码过长")]
        public string Password { get; set; } = "";
        [Required(ErrorMessage = "请再次输入密码"), Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致")]
        public string ConfirmPassword { get; set; } = "";
    }

    public const string RegisteredNotice =
        "注册申请已受理。如果该邮箱此前未注册，账号已创建，请用刚才设置的密码登录，登录后填写主体备案信息；如果该邮箱已有账号，请用原密码登录（忘记密码请联系管理员）。";

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var user = new AppUser { UserName = email, Email = email, CreatedAt = clock.GetUtcNow() };
        // Errors that depend only on what was typed (password rules, address format) are shown either way.
        var errors = new List<IdentityError>();
        foreach (var v in users.PasswordValidators) errors.AddRange((await v.ValidateAsync(users, user, Input.Password)).Errors);
        if (errors.Count > 0)
        {
            foreach (var e in errors) ModelState.AddModelError("Input.Password", e.Description);
            return Page();
        }
        if (await users.FindByEmailAsync(email) is null)
        {
            var result = await users.CreateAsync(user, Input.Password);
            if (result.Succeeded) await users.AddToRoleAsync(user, Roles.Filer);
            else if (result.Errors.Any(e => e.Code is not (
                nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))))
            {
                foreach (var e in result.Errors) ModelState.AddModelError("Input.Email", e.Description);
                return Page();
            }
        }
        else users.PasswordHasher.HashPassword(user, Input.Password); // the same work as creating an account
        TempData["Message"] = RegisteredNotice;
        return Redirect("/account/login?ReturnUrl=%2Fsubjects");
    }
}
