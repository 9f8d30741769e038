using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// Webhook signing secrets at rest: encrypted with ASP.NET Core Data Protection (the key ring in data/keys or, for
/// several nodes, the database; a backup carries it), stored as <see cref="StoredPrefix"/> + the protected payload. The
/// person sees the secret once, when the webhook is added. Rows written in clear by earlier versions are still read,
/// and <see cref="ProtectStoredAsync"/> encrypts them at every start; the sender also encrypts one it meets in use.
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider provider)
{
    /// <summary>The Data Protection purpose: a payload protected for anything else does not decrypt here.</summary>
    public const string Purpose = "Suanbei.Notifications.WebhookSecret.v1";
    public const string StoredPrefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    /// <summary>A new secret: <c>whsec_</c> + base64 of 24 random bytes (as the Standard Webhooks libraries expect).</summary>
    public (string Clear, string Stored) Create()
    {
        var clear = WebhookSignature.SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        return (clear, Protect(clear));
    }

    public string Protect(string clear) => StoredPrefix + _protector.Protect(clear);

    public static bool IsProtected(string stored) => stored.StartsWith(StoredPrefix, StringComparison.Ordinal);

    /// <summary>The secret to sign with; throws <see cref="CryptographicException"/> when the key ring lost its key.</summary>
    public string Reveal(string stored) => IsProtected(stored) ? _protector.Unprotect(stored[StoredPrefix.Length..]) : stored;

    /// <summary>Encrypts every secret still stored in clear; returns how many. Run at start, after the migrations.</summary>
    public async Task<int> ProtectStoredAsync(SuanbeiDbContext db, CancellationToken ct = default)
    {
        var clear = await db.Set<WebhookEndpoint>().Where(w => !w.Secret.StartsWith(StoredPrefix))
            .Select(w => new { w.Id, w.Secret }).ToListAsync(ct);
        var done = 0;
        // The old value in the condition: two nodes starting at once encrypt a row once; the other update matches nothing.
        foreach (var row in clear)
            done += await db.Set<WebhookEndpoint>().Where(w => w.Id == row.Id && w.Secret == row.Secret)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Secret, Protect(row.Secret)), ct);
        return done;
    }
}
