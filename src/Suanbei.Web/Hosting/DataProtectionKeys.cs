using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Suanbei.Web.Hosting;

/// <summary>
/// Where the cookie/antiforgery keys live: data/keys, so sign-ins survive restarts and follow the data folder. Linux has
/// no built-in encryption at rest for them, so the folder is made readable by the owner only (0700); with
/// <see cref="SuanbeiHostOptions.DataProtectionCertificatePath"/> the keys are also encrypted with that certificate.
/// With <see cref="SuanbeiHostOptions.DataProtectionKeysInDatabase"/> they live in the database's DataProtectionKeys table
/// instead, shared by every node.
/// </summary>
public static class DataProtectionKeys
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static string Folder(SuanbeiHostOptions options) => Path.Combine(options.FullDataDirectory, "keys");

    public static void Configure(IServiceCollection services, SuanbeiHostOptions options)
    {
        var dp = services.AddDataProtection().SetApplicationName("Suanbei");
        if (options.DataProtectionKeysInDatabase)
        {
            // Several nodes: every node reads and writes the same keys, so a cookie issued by one is read by the others.
            services.AddDbContext<DataProtectionKeysDbContext>(o =>
            {
                if (options.UsesPostgres) o.UseNpgsql(options.PostgresConnectionString);
                else o.UseSqlite($"Data Source={options.SqlitePath}");
            });
            dp.PersistKeysToDbContext<DataProtectionKeysDbContext>();
        }
        else dp.PersistKeysToFileSystem(new DirectoryInfo(EnsureFolder(Folder(options))));
        if (options.DataProtectionCertificatePath is { } path) dp.ProtectKeysWithCertificate(
            LoadCertificate(path, options.DataProtectionCertificatePassword));
    }

    /// <summary>Creates the folder owner-only, and tightens an existing one (older versions created it with the default mode).</summary>
    public static string EnsureFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(folder); return folder; }
        Directory.CreateDirectory(folder, FolderMode);
        if (File.GetUnixFileMode(folder) != FolderMode) File.SetUnixFileMode(folder, FolderMode);
        return folder;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        X509Certificate2 cert;
        try { cert = X509CertificateLoader.LoadPkcs12FromFile(path, password); }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"配置 Suanbei:DataProtection:CertificatePath 无效：无法读取证书“{path}”（需要含私钥的 PFX 文件，密码见 Suanbei:DataProtection:" +
                $"CertificatePassword）：{e.Message}", e);
        }
        if (!cert.HasPrivateKey)
            throw new InvalidOperationException($"配置 Suanbei:DataProtection:CertificatePath 无效：证书“{path}”不含私钥，无法解密密钥");
        return cert;
    }
}
