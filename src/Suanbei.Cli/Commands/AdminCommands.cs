using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Cli.Commands;

/// <summary><c>suanbei admin create-user --email E --role admin|reviewer|filer [--password P] [--data DIR] [--db CONN]</c>.</summary>
internal static class AdminCommands
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "账号邮箱", Required = true };
        var role =
            new Option<string>("--role") { Description = "角色：admin（管理员）、reviewer（审核员）或 filer（备案主体）", DefaultValueFactory = _ => "admin" };
        var password = new Option<string?>("--password") { Description = "密码；省略时生成一次性密码并打印（首次登录后须修改）" };
        var data = CommonOptions.Data();
        var db = CommonOptions.Db();
        var createUser = new Command("create-user", "创建账号（例如第一个管理员）") { email, role, password, data, db };
        createUser.SetAction(async (parse, ct) =>
        {
            var roleName = Roles.Parse(parse.GetValue(role));
            if (roleName is null)
            {
                Console.Error.WriteLine($"suanbei admin create-user: 未知角色“{parse.GetValue(role)}”，可选 admin、reviewer、filer");
                return CommonOptions.UsageOrIoError;
            }
            var options = new SuanbeiHostOptions
            {
                DataDirectory = parse.GetValue(data)!, PostgresConnectionString = parse.GetValue(db), CreateFirstAdmin = false,
            };
            await using var app = SuanbeiWebHost.Build(options);
            await using var scope = app.Services.CreateAsyncScope();
            try
            {
                var created = await UserAdministration.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                    parse.GetValue(email)!, roleName, parse.GetValue(password), DateTimeOffset.UtcNow);
                Console.WriteLine($"已创建{Roles.ChineseName(roleName)}账号 {created.User.Email}");
                if (created.PasswordGenerated)
                    Console.WriteLine($"一次性密码：{created.Password}（仅显示这一次，首次登录后须修改）");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"suanbei admin create-user: {e.Message}");
                return 1;
            }
        });
        return new Command("admin", "账号管理") { createUser };
    }
}
