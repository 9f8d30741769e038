using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.WebEncoders;
using Suanbei.Web.Data;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Hosting;

/// <summary>
/// Builds the whole web app (used by Program.cs, `suanbei serve`, `suanbei admin …` and tests). Build() also creates the
/// data folder, applies migrations, ensures the roles and (when <see cref="SuanbeiHostOptions.CreateFirstAdmin"/>) the first admin.
///
/// Tests: don't use WebApplicationFactory — start the real app on a free port instead:
/// <code>
///   var app = SuanbeiWebHost.Build(new SuanbeiHostOptions { DataDirectory = tmp, PostgresConnectionString = pgOrNull,
///                                                          Urls = "http://127.0.0.1:0", CreateFirstAdmin = false });
///   await app.StartAsync();  var baseUrl = app.Urls.First();   // real Kestrel, real cookies, real antiforgery
/// </code>
/// tests/Suanbei.Web.Tests/Support/TestApp.cs wraps this (SQLite or PostgreSQL, users in a role, signed-in clients, API tokens).
/// Feature slices register through <see cref="IFeatureModule"/>; pages live under Features/ (Razor Pages root).
/// </summary>
public static class SuanbeiWebHost
{
    public static WebApplication Build(SuanbeiHostOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            // Pages and parts are discovered from this assembly even when the entry assembly is the CLI.
            ApplicationName = typeof(SuanbeiWebHost).Assembly.GetName().Name,
            EnvironmentName = options.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
        });
        options = options.WithConfiguration(builder.Configuration);
        builder.WebHost.UseUrls(options.Urls);
        var maxBody = options.MaterialsMaxBytes + 1024 * 1024; // room for the multipart envelope and other fields
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxBody);
        builder.WebHost.UseSockets(s =>
        {
            s.UnsafePreferInlineScheduling = options.KestrelInlineScheduling;
            if (options.KestrelIoQueueCount is { } queues) s.IOQueueCount = queues;
        });
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = maxBody);
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        if (options.JsonLogs)
        {
            // Our own lines (one per request, background jobs) at Information; the framework's at Warning as before.
            builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning)
                .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information)
                .AddProvider(new JsonLineLoggerProvider(options.LogOutput ?? Console.Out,
                    SecretRedactor.For(options, builder.Configuration), TimeProvider.System));
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        // Chinese text stays readable in the HTML (Razor encodes everything outside Basic Latin by default).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        DataProtectionKeys.Configure(services, options);
        services.AddScoped<DomainEventDispatcher>();
        // One LISTEN connection per node for every channel feature modules register (PostgreSQL only).
        services.AddHostedService(sp => new PostgresListener(options.UsesPostgres ? options.PostgresConnectionString : null,
            sp.GetServices<PostgresChannel>(), sp.GetRequiredService<ILogger<PostgresListener>>()));
        // The options are built once per process, not per request (scoped options re-parse the connection string and
        // rebuild the provider's settings for each context: a tenth of a signed-in page's CPU time). Feature modules add
        // the interceptors of their node-local caches (singletons registered as IInterceptor).
        services.AddDbContext<SuanbeiDbContext>((sp, o) =>
        {
            DatabaseSetup.Configure(o, options);
            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);

        services.AddIdentity<AppUser, IdentityRole>(UserAdministration.ConfigureIdentity)
            .AddEntityFrameworkStores<SuanbeiDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<SuanbeiClaimsPrincipalFactory>();
        services.ConfigureApplicationCookie(c =>
        {
            c.LoginPath = "/account/login";
            c.LogoutPath = "/account/logout";
            c.AccessDeniedPath = "/account/accessdenied";
            c.Cookie.Name = "suanbei.auth";
            c.Cookie.HttpOnly = true;
            c.Cookie.SameSite = SameSiteMode.Lax;
            c.SlidingExpiration = true;
            SecurityStampCheck.OnlyWhenDue(c.Events);
        });
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Filer, p => p.RequireRole(Roles.Filer))
            .AddPolicy(Policies.Reviewer, p => p.RequireRole(Roles.Reviewer, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.ReviewAction, p => p.RequireAssertion(c => c.User.MayTakeReviewActions()))
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
                .RequireAssertion(c => !MustChangePasswordMiddleware.MustChange(c.User)));

        // Every generated URL is lowercase; matching stays case-insensitive, so the old PascalCase addresses still work.
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Subjects", Policies.Filer);
            o.Conventions.AuthorizeFolder("/Products", Policies.Filer);
            o.Conventions.AuthorizeFolder("/Review", Policies.Reviewer);
            o.Conventions.AuthorizeFolder("/Filings/Review", Policies.Reviewer);
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            o.Conventions.AuthorizeFolder("/Account/Manage");
        });
        // No Set-Cookie on every page deleting a TempData cookie nobody sent (the layout reads TempData).
        services.AddSingleton<CookieTempDataProvider>();
        services.AddSingleton<ITempDataProvider, QuietTempDataProvider>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            // Model-binding messages in Chinese (the DataAnnotations messages are set on each attribute).
            var m = o.ModelBindingMessageProvider;
            m.SetValueMustBeANumberAccessor(f => $"“{f}”必须是数字");
            m.SetAttemptedValueIsInvalidAccessor((v, f) => $"“{v}”不是“{f}”的有效值");
            m.SetValueIsInvalidAccessor(v => $"“{v}”无效");
            m.SetMissingBindRequiredValueAccessor(f => $"缺少“{f}”");
            m.SetValueMustNotBeNullAccessor(v => "不能为空");
            m.SetMissingKeyOrValueAccessor(() => "不能为空");
            m.SetUnknownValueIsInvalidAccessor(f => $"“{f}”的值无效");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"“{v}”无效");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "值无效");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "必须是数字");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
            o.ModelValidatorProviders.Add(new InputRulesValidatorProvider());
        });
        // Minimal APIs: an unreadable body throws, so the API error handler can answer with a Chinese problem.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Suanbei 算备 API";
            doc.Info.Description =
                "算法备案系统 API。认证：Authorization: Bearer <API 令牌>（在“账号 → API 令牌”页面创建）。错误为 RFC 7807 problem details，字段错误在 errors 中（中文）。";
            doc.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["ApiToken"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http, Scheme = "bearer", Description = "API 令牌（sb_…）",
            };
            doc.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference(
                "ApiToken", doc)] = [] }];
            return Task.CompletedTask;
        }));

        var modules = FeatureModules();
        foreach (var m in modules) m.AddServices(services, options);

        var app = builder.Build();
        Initialize(app, options);

        // Behind a reverse proxy: X-Forwarded-For/-Proto/-Host only from the configured proxies (none by default, so a
        // client can never choose the host that the public link is built from).
        if (options.TrustsForwardedHeaders) app.UseForwardedHeaders(ForwardedHeaders(options));
        app.UseMiddleware<SecurityHeadersMiddleware>();

        // Errors and empty 4xx/5xx: a Chinese page for browsers, RFC 7807 problem details for the API and other clients.
        StatusPages.Use(app);
        app.UseRouting();
        if (options.JsonLogs) app.UseMiddleware<RequestLogMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseMiddleware<UnreadableFormMiddleware>();
        app.UseMiddleware<UploadBufferingMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        EmbeddedAssets.Map(app);
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Api)
            .AddEndpointFilter<DomainExceptionFilter>().AddEndpointFilter<InputValidationFilter>();
        foreach (var m in modules)
        {
            m.MapApi(api);
            m.MapEndpoints(app);
        }
        return app;
    }

    private static ForwardedHeadersOptions ForwardedHeaders(SuanbeiHostOptions options)
    {
        var fh = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto
                | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedHost,
        };
        // The defaults trust loopback; only what is configured is trusted.
        fh.KnownProxies.Clear();
        fh.KnownIPNetworks.Clear();
        foreach (var p in options.TrustedProxies) fh.KnownProxies.Add(System.Net.IPAddress.Parse(p));
        foreach (var n in options.TrustedProxyNetworks) fh.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
        return fh;
    }

    /// <summary>Every IFeatureModule in Suanbei.Web, in a stable order.</summary>
    private static List<IFeatureModule> FeatureModules() =>
        typeof(SuanbeiWebHost).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeatureModule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IFeatureModule)Activator.CreateInstance(t)!)
            .ToList();

    private static void Initialize(WebApplication app, SuanbeiHostOptions options)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SuanbeiDbContext>();
        DatabaseSetup.Migrate(db, options);
        foreach (var module in FeatureModules()) module.Initialize(scope.ServiceProvider, options);
        ServerTempFiles.ResetFolder(options);
        UserAdministration.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>()).GetAwaiter().GetResult();
        if (options.CreateFirstAdmin)
            UserAdministration.EnsureFirstAdminAsync(scope.ServiceProvider, options.Announce ?? Console.WriteLine,
                app.Services.GetRequiredService<TimeProvider>().GetUtcNow()).GetAwaiter().GetResult();
    }
}
