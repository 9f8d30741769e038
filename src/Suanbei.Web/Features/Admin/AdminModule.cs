using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.Admin;

/// <summary>/api/v1/admin/users: administrators list accounts and create reviewers or administrators.</summary>
public sealed class AdminModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, SuanbeiHostOptions options) => services.AddScoped<ReviewerScopes>();

    public void MapApi(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/admin/users").WithTags("用户管理").RequireAuthorization(Policies.Admin);
        g.MapGet("/", async (SuanbeiDbContext db, TimeProvider clock) =>
        {
            var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name ?? "");
            var userRoles = await db.UserRoles.ToListAsync();
            var now = clock.GetUtcNow();
            var accounts = (await db.Users.ToListAsync()).Where(u => !Organisations.OrganisationService.IsPlaceholder(u));
            return Results.Ok(accounts.OrderBy(u => u.Email, StringComparer.Ordinal).Select(u => new UserResponse(
                u.Id, u.Email ?? "", userRoles.Where(r => r.UserId == u.Id).Select(r => roleNames[r.RoleId]).ToList(),
                u.LockoutEnd is { } end && end > now, u.CreatedAt)));
        }).Produces<List<UserResponse>>();
        g.MapPost("/", async (CreateUserRequest body, UserManager<AppUser> users, TimeProvider clock) =>
        {
            var errors = new Dictionary<string, string[]>();
            var role = Roles.Parse(body.Role);
            if (string.IsNullOrWhiteSpace(body.Email)) errors["email"] = ["邮箱不能为空"];
            if (role is not (Roles.Reviewer or Roles.Admin)) errors["role"] = ["角色应为 reviewer（审核员）或 admin（管理员）；备案主体请自行注册"];
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "提交的数据有误");
            try
            {
                var created = await UserAdministration.CreateUserAsync(users, body.Email!, role!, body.Password, clock.GetUtcNow());
                var user = new UserResponse(created.User.Id, created.User.Email ?? "", [role!], false, created.User.CreatedAt);
                return Results.Created($"/api/v1/admin/users/{user.Id}",
                    new CreatedUserResponse(user, created.PasswordGenerated ? created.Password : null));
            }
            catch (InvalidOperationException e)
            {
                return Results.ValidationProblem(new Dictionary<string,
                    string[]>
                { [e.Message.Contains("密码") ? "password" : "email"] = [e.Message] }, title: "提交的数据有误");
            }
        }).WithSummary("创建审核员或管理员（省略密码时返回一次性密码）").Produces<CreatedUserResponse>(201).ProducesValidationProblem();
    }
}
