using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Filings.Deadlines;

/// <summary>
/// Loads an account's running clocks and manages its calendar subscription token. Calendar apps cannot log in, so the
/// feed URL carries a random secret; only its SHA-256 is stored (as an Identity user claim), and issuing a new one
/// revokes the old.
/// </summary>
public sealed class DeadlineService(SuanbeiDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string TokenClaim = "suanbei:calendar-token-sha256";

    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => ChinaTime.Date(Now);

    public async Task<List<RunningClock>> ClocksAsync(string userId, CancellationToken ct = default)
    {
        var subject = await db.Set<Subject>().AsNoTracking().FirstOrDefaultAsync(s => s.OwnerId == userId, ct);
        var filings = await db.Set<AlgorithmFiling>().AsNoTracking().Include(f => f.LinkedProducts).Where(f => f.OwnerUserId == userId)
            .ToListAsync(ct);
        var products = await db.Set<Product>().AsNoTracking().Where(p => p.OwnerId == userId).ToListAsync(ct);
        return AccountDeadlines.Compute(subject, filings, products, Today, WorkingCalendar.Official);
    }

    /// <summary>Issues a new subscription token for the account (revoking any earlier one) and returns it.</summary>
    public async Task<string> IssueTokenAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("unknown user");
        foreach (var old in (await users.GetClaimsAsync(user)).Where(c => c.Type == TokenClaim).ToList())
            await users.RemoveClaimAsync(user, old);
        var token = Base64UrlToken(RandomNumberGenerator.GetBytes(32));
        var result = await users.AddClaimAsync(user, new Claim(TokenClaim, Hash(token)));
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        return token;
    }

    public async Task<bool> HasTokenAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && (await users.GetClaimsAsync(user)).Any(c => c.Type == TokenClaim);

    /// <summary>The account a feed token belongs to, or null for anything malformed or unknown.</summary>
    public async Task<AppUser?> FindByTokenAsync(string? token)
    {
        if (token is null || token.Length != 43 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        var matches = await users.GetUsersForClaimAsync(new Claim(TokenClaim, Hash(token)));
        return matches.Count == 1 ? matches[0] : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)));
    private static string Base64UrlToken(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
