using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Core.Organisations;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Organisations;

namespace Suanbei.Web.Features.Filings.Deadlines;

/// <summary>
/// Loads an organisation's running clocks and manages its members' calendar subscription tokens. Calendar apps cannot
/// log in, so the feed URL carries a random secret; only its SHA-256 is stored, one per member and organisation
/// (<see cref="CalendarFeedToken"/>), and issuing a new one revokes the old.
/// </summary>
public sealed class DeadlineService(SuanbeiDbContext db, OrganisationService organisations, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => ChinaTime.Date(Now);

    /// <summary>The organisation's clocks (its data rows carry the organisation's id as owner).</summary>
    public async Task<List<RunningClock>> ClocksAsync(string organisationId, CancellationToken ct = default)
    {
        var subject = await db.Set<Subject>().AsNoTracking().FirstOrDefaultAsync(s => s.OwnerId == organisationId, ct);
        var filings = await db.Set<AlgorithmFiling>().AsNoTracking().Include(f => f.LinkedProducts)
            .Where(f => f.OwnerUserId == organisationId).ToListAsync(ct);
        var products = await db.Set<Product>().AsNoTracking().Where(p => p.OwnerId == organisationId).ToListAsync(ct);
        return AccountDeadlines.Compute(subject, filings, products, Today, WorkingCalendar.Official);
    }

    /// <summary>Issues a new subscription token of the member for the organisation (revoking an earlier one) and returns it.</summary>
    public async Task<string> IssueTokenAsync(string userId, string organisationId, CancellationToken ct = default)
    {
        await db.Set<CalendarFeedToken>().Where(t => t.UserId == userId && t.OrganisationId == organisationId).ExecuteDeleteAsync(ct);
        var token = Base64UrlToken(RandomNumberGenerator.GetBytes(32));
        db.Add(new CalendarFeedToken(userId, organisationId, Hash(token), Now));
        await db.SaveChangesAsync(ct);
        return token;
    }

    public Task<bool> HasTokenAsync(string userId, string organisationId, CancellationToken ct = default) =>
        db.Set<CalendarFeedToken>().AnyAsync(t => t.UserId == userId && t.OrganisationId == organisationId, ct);

    /// <summary>
    /// The organisation a feed token shows, or null for anything malformed, unknown or no longer allowed: the account
    /// must still be able to act for the organisation (a member, or a member of a consultancy it has mandated), through
    /// a membership — and a mandate — that began before the token was issued.
    /// </summary>
    public async Task<Organisation?> FindFeedAsync(string? token, CancellationToken ct = default)
    {
        if (token is null || token.Length != 43 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        var hash = Hash(token);
        var row = await db.Set<CalendarFeedToken>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (row is null) return null;
        var choices = await organisations.ChoicesAsync(row.UserId, null, ensurePersonal: false, ct);
        if (choices.FirstOrDefault(c => c.Id == row.OrganisationId) is not { } choice) return null;
        var membership = (choice.Via ?? choice.Organisation).MemberOf(row.UserId);
        if (membership is null || membership.JoinedAt > row.CreatedAt) return null;
        if (choice.Via is not { } via) return choice.Organisation;
        // Through a consultancy, the client's consent must be the one that stood when the token was issued: a mandate
        // revoked and granted again is a new consent, and the old link stays dead.
        var consentSince = await db.Set<ConsultancyConsent>().AsNoTracking()
            .Where(c => c.ClientId == choice.Id && c.ConsultancyId == via.Id && c.RevokedAt == null)
            .Select(c => (DateTimeOffset?)c.GrantedAt).FirstOrDefaultAsync(ct);
        return consentSince <= row.CreatedAt ? choice.Organisation : null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token)));
    private static string Base64UrlToken(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
