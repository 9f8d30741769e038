using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Account.Manage;

public sealed class IndexModel(UserManager<AppUser> users) : PageModel
{
    public string Email { get; private set; } = "";
    public List<string> RoleNames { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        Email = user.Email ?? "";
        RoleNames = (await users.GetRolesAsync(user)).Select(Roles.ChineseName).ToList();
    }
}
