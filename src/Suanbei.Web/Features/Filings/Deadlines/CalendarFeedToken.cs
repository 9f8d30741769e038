namespace Suanbei.Web.Features.Filings.Deadlines;

/// <summary>
/// A member's calendar subscription for one organisation: only the SHA-256 of the secret in the feed URL is stored.
/// One per (account, organisation); issuing a new one replaces it. It serves the feed only while the account may still
/// act for the organisation through a membership that began before the token was issued (see
/// <see cref="DeadlineService.FindFeedAsync"/>), so removal — and a later re-invitation — ends it, as does a
/// consultancy's mandate revoked and granted again.
/// </summary>
public sealed class CalendarFeedToken
{
    private CalendarFeedToken() { } // EF

    public CalendarFeedToken(string userId, string organisationId, string tokenHash, DateTimeOffset now)
    {
        UserId = userId;
        OrganisationId = organisationId;
        TokenHash = tokenHash;
        CreatedAt = now;
    }

    public string UserId { get; private set; } = "";
    public string OrganisationId { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
