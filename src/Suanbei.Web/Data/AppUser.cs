using Microsoft.AspNetCore.Identity;

namespace Suanbei.Web.Data;

/// <summary>An account. UserName is the e-mail address. Roles: see <see cref="Identity.Roles"/>.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Set for accounts created with a generated one-time password; cleared when the password is changed.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
