using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Suanbei.Core.Filings;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;
using Suanbei.Web.Tests.Support;
using static Suanbei.Web.Tests.Filings.FilingFixtures;

namespace Suanbei.Web.Tests.Hosting;

/// <summary>The app behind a reverse proxy trusting 127.0.0.1 (the test client's address).</summary>
public sealed class ProxiedApp() : TestApp(Provider.Sqlite)
{
    protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o) => o with { TrustedProxies = ["127.0.0.1"] };
}

/// <summary>The app with a configured public address (and no trusted proxy).</summary>
public sealed class PublicBaseUrlApp() : TestApp(Provider.Sqlite)
{
    protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o) => o with { PublicBaseUrl = "https://beian.example.cn/" };
}

/// <summary>The app encrypting its DataProtection keys with a self-signed certificate made for the test.</summary>
public sealed class CertificateKeysApp() : TestApp(Provider.Sqlite)
{
    public const string CertificatePassword = "证书密码-1";

    protected override SuanbeiHostOptions Configure(SuanbeiHostOptions o)
    {
        Directory.CreateDirectory(DataDirectory);
        var path = Path.Combine(DataDirectory, "dp.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Suanbei DataProtection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, cert.Export(X509ContentType.Pfx, CertificatePassword));
        return o with { DataProtectionCertificatePath = path, DataProtectionCertificatePassword = CertificatePassword };
    }
}

/// <summary>
/// Public link behind a reverse proxy (X-Forwarded-* trusted only from configured proxies; a configured public address wins)
/// and the DataProtection key folder (owner-only; encrypted with a certificate when one is configured).
/// </summary>
public sealed partial class HostingSettingsTests(SqliteApp plain, ProxiedApp proxied, PublicBaseUrlApp publicBase,
    CertificateKeysApp certKeys)
    : IClassFixture<SqliteApp>, IClassFixture<ProxiedApp>, IClassFixture<PublicBaseUrlApp>, IClassFixture<CertificateKeysApp>
{
    // The link's address (href); its text shows the same address with the filing number decoded.
    [GeneratedRegex("<a href=\"([^\"]+)\" data-testid=\"public-link\">")]
    private static partial Regex PublicLink();

    /// <summary>Publishes a filing in <paramref name="app"/> and returns the filer's signed-in client and the filing id.</summary>
    private static async Task<(HttpClient Browser, Guid Id, string Number)> PublishedAsync(TestApp app)
    {
        var filer = await ApprovedFilerAsync(app);
        var api = await app.ApiClientAsync(filer.User);
        var reviewer = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Reviewer));
        var id = await CompleteFilingViaApiAsync(api, filer);
        await ToSecondReviewAsync(app, api, reviewer, id);
        await Ok(await reviewer.PostAsync($"/api/v1/review/filings/{id}/publish", null));
        var number = await app.WithDb(db => db.Set<AlgorithmFiling>().Where(f => f.Id == id).Select(f => f.FilingNumber).SingleAsync());
        return (await app.SignInAsync(filer.User.Email!), id, number!);
    }

    private static async Task<string> PublicLinkAsync(HttpClient browser, Guid id, bool spoof)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Filings/{id}");
        if (spoof)
        {
            request.Headers.Add("X-Forwarded-Host", "beian.example.cn");
            request.Headers.Add("X-Forwarded-Proto", "https");
        }
        var html = WebUtility.HtmlDecode(await (await browser.SendAsync(request)).Content.ReadAsStringAsync());
        var m = PublicLink().Match(html);
        Assert.True(m.Success, "no public link on the filer's overview");
        return m.Groups[1].Value;
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_unless_the_proxy_is_configured()
    {
        var (browser, id, number) = await PublishedAsync(plain);
        var expected = $"http://{plain.BaseAddress.Authority}/public/{Uri.EscapeDataString(number)}";
        Assert.Equal(expected, await PublicLinkAsync(browser, id, spoof: false));
        Assert.Equal(expected, await PublicLinkAsync(browser, id, spoof: true));
    }

    [Fact]
    public async Task Behind_a_configured_proxy_the_public_link_uses_the_forwarded_scheme_and_host()
    {
        var (browser, id, number) = await PublishedAsync(proxied);
        Assert.Equal($"https://beian.example.cn/public/{Uri.EscapeDataString(number)}", await PublicLinkAsync(browser, id, spoof: true));
        Assert.Equal($"http://{proxied.BaseAddress.Authority}/public/{Uri.EscapeDataString(number)}",
            await PublicLinkAsync(browser, id, spoof: false));
    }

    [Fact]
    public async Task A_configured_public_base_url_is_used_for_the_link_and_the_footer_snippet()
    {
        var (browser, id, number) = await PublishedAsync(publicBase);
        var expected = $"https://beian.example.cn/public/{Uri.EscapeDataString(number)}";
        Assert.Equal(expected, await PublicLinkAsync(browser, id, spoof: false));
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Filings/{id}"));
        var snippet = html[html.IndexOf("data-testid=\"footer-snippet\"", StringComparison.Ordinal)..];
        Assert.Contains(expected, snippet[..snippet.IndexOf("</textarea>", StringComparison.Ordinal)]);
    }

    [Fact]
    public void Settings_come_from_the_Suanbei_configuration_section_and_explicit_options_win()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Suanbei:PublicBaseUrl"] = "https://beian.example.cn",
            ["Suanbei:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["Suanbei:ForwardedHeaders:KnownProxies:1"] = "::1",
            ["Suanbei:ForwardedHeaders:KnownNetworks"] = "172.16.0.0/12, 192.168.0.0/16",
        }).Build();
        var o = new SuanbeiHostOptions().WithConfiguration(config);
        Assert.Equal("https://beian.example.cn", o.PublicBaseUrl);
        Assert.Equal(["10.0.0.5", "::1"], o.TrustedProxies);
        Assert.Equal(["172.16.0.0/12", "192.168.0.0/16"], o.TrustedProxyNetworks);
        Assert.True(o.TrustsForwardedHeaders);

        var explicitly = new SuanbeiHostOptions { PublicBaseUrl = "https://other.example.cn" }.WithConfiguration(config);
        Assert.Equal("https://other.example.cn", explicitly.PublicBaseUrl);
        Assert.False(new SuanbeiHostOptions().WithConfiguration(new ConfigurationBuilder().Build()).TrustsForwardedHeaders);
    }

    [Theory]
    [InlineData("Suanbei:PublicBaseUrl", "beian.example.cn")]
    [InlineData("Suanbei:PublicBaseUrl", "ftp://beian.example.cn")]
    [InlineData("Suanbei:ForwardedHeaders:KnownProxies", "10.0.0.300")]
    [InlineData("Suanbei:ForwardedHeaders:KnownProxies", "1.2.3")]
    [InlineData("Suanbei:ForwardedHeaders:KnownNetworks", "10.0.0.0/33")]
    [InlineData("Suanbei:DataProtection:CertificatePath", "/nonexistent/dp.pfx")]
    public void A_bad_setting_is_refused_with_a_message_naming_it(string key, string value)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var e = Assert.Throws<InvalidOperationException>(() => new SuanbeiHostOptions().WithConfiguration(config));
        Assert.Contains(key, e.Message);
        Assert.Contains(value, e.Message);
    }

    [Fact]
    public async Task The_key_folder_is_owner_only_and_keys_are_unencrypted_without_a_certificate()
    {
        if (OperatingSystem.IsWindows()) return; // Unix file modes only
        await plain.Client().GetStringAsync("/Account/Login"); // antiforgery creates the key
        var folder = DataProtectionKeys.Folder(plain.Options);
        Assert.Equal(DataProtectionKeys.FolderMode, File.GetUnixFileMode(folder));
        var key = File.ReadAllText(Directory.GetFiles(folder, "key-*.xml").First());
        Assert.Contains("<masterKey", key);
        Assert.DoesNotContain("encryptedSecret", key);
    }

    [Fact]
    public void An_existing_key_folder_readable_by_others_is_tightened()
    {
        if (OperatingSystem.IsWindows()) return; // Unix file modes only
        var folder = Directory.CreateTempSubdirectory("suanbei-keys-").FullName;
        try
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101); // 0755
            DataProtectionKeys.EnsureFolder(folder);
            Assert.Equal(DataProtectionKeys.FolderMode, File.GetUnixFileMode(folder));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_encrypted_and_sign_in_still_works()
    {
        var (_, browser) = await certKeys.SignedInAsync(Roles.Filer); // protects and unprotects cookies and antiforgery tokens
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Subjects")).StatusCode);
        var folder = DataProtectionKeys.Folder(certKeys.Options);
        var key = File.ReadAllText(Directory.GetFiles(folder, "key-*.xml").Single());
        Assert.Contains("encryptedSecret", key);
        Assert.Contains("X509Certificate", key);
        Assert.DoesNotContain("unencrypted form", key);
    }
}
