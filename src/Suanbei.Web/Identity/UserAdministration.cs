using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;

namespace Suanbei.Web.Identity;

/// <summary>Creating accounts outside self-registration: the CLI, the admin page, first-run bootstrap and tests.</summary>
public static class UserAdministration
{
    public sealed record Created(AppUser User, string Password, bool PasswordGenerated);

    /// <summary>
    /// Password rules (also shown on the registration page): at least 10 characters with a lower-case letter and a digit.
    /// Lockout: 5 failed sign-ins lock the account for 15 minutes.
    /// </summary>
    public static void ConfigureIdentity(IdentityOptions o)
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 4;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
    }

    public const string PasswordRulesText = "密码至少10个字符，须包含小写字母和数字；连续5次登录失败将锁定账号15分钟。";

    /// <summary>A one-time password that satisfies the rules (16 characters, letters and digits).</summary>
    public static string GeneratePassword()
    {
        const string letters = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", all = letters + "ABCDEFGHJKLMNPQRSTUVWXYZ" + digits;
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        chars[RandomNumberGenerator.GetInt32(8)] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        chars[8 + RandomNumberGenerator.GetInt32(8)] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Creates an account in a role. Without a password a one-time password is generated (must be changed at first sign-in).
    /// Throws InvalidOperationException with Chinese messages when Identity refuses.</summary>
    public static async Task<Created> CreateUserAsync(UserManager<AppUser> users, string email, string role, string? password,
        DateTimeOffset now)
    {
        var generated = string.IsNullOrEmpty(password);
        var pw = generated ? GeneratePassword() : password!;
        var user = new AppUser
        {
            UserName = email.Trim(), Email = email.Trim(), MustChangePassword = generated, CreatedAt = now,
            EmailConfirmed = true
        };
        var result = await users.CreateAsync(user, pw);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
        result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
        return new Created(user, pw, generated);
    }

    /// <summary>On first run with no administrator, creates admin@suanbei.local with a one-time password and announces it once.</summary>
    public static async Task EnsureFirstAdminAsync(IServiceProvider services, Action<string> announce, DateTimeOffset now)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
        var email = "admin@suanbei.local";
        if (await users.FindByEmailAsync(email) is not null) return; // exists but no longer admin: leave it to the operator
        var created = await CreateUserAsync(users, email, Roles.Admin, null, now);
        announce($"首次运行：已创建管理员账号 {email}，一次性密码：{created.Password}（仅显示这一次，首次登录后须修改密码）");
    }
}
