using Microsoft.AspNetCore.Identity;

namespace Suanbei.Web.Data;

/// <summary>An account. UserName is the e-mail address. Its roles are named in the Identity folder (<c>Roles</c>).</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Set for accounts created with a generated one-time password; cleared when the password is changed.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
