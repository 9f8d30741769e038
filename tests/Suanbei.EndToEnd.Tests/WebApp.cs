using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.EndToEnd.Tests;

/// <summary>The real app on Kestrel (a free loopback port, SQLite in a temp folder).</summary>
public class WebApp : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "suanbei-e2e-" + Guid.NewGuid().ToString("N")[..10]);
    private WebApplication _app = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>The app's services, for fixtures that set up state not under test (an approved subject …).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Upload limit of the label page (a fixture may lower it to try the limit in a browser).</summary>
    protected virtual long LabelsMaxBytes => SuanbeiHostOptions.DefaultLabelsMaxBytes;

    public async Task InitializeAsync()
    {
        _app = SuanbeiWebHost.Build(new SuanbeiHostOptions
        {
            DataDirectory = _data, Urls = "http://127.0.0.1:0", CreateFirstAdmin = false, EnvironmentName = "Production",
            LabelsMaxBytes = LabelsMaxBytes,
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();
    }

    /// <summary>
    /// Creates an account the way an administrator does (reviewers are not self-registered), with a chosen password
    /// so it can sign in without the forced first-login password change.
    /// </summary>
    public async Task<string> CreateUserAsync(string role, string password)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20] + "@example.cn";
        await UserAdministration.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), email, role, password,
            DateTimeOffset.UtcNow);
        return email;
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch { }
    }
}
