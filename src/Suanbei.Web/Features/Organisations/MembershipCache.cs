using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Suanbei.Core.Organisations;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Organisations;

/// <summary>
/// The node's copy of what each account may act for (its memberships with their roles, and the clients its
/// consultancies hold a mandate from), so a signed-in request asks PostgreSQL nothing to learn it. Kept only while
/// <see cref="PostgresListener"/> listens on <see cref="Channel"/>: database triggers announce, inside the transaction
/// that changes them, every membership's account and every change of a mandate or an organisation (all accounts), so a
/// removed member is refused as soon as the commit's notification arrives, on every node. Without a listener (SQLite,
/// connection down) the memberships are read on every request.
/// </summary>
public sealed class MembershipCache : NotifiedCache<List<OrganisationService.Choice>>
{
    /// <summary>The channel the triggers of migration <c>MembershipNotifications</c> notify (named there too).</summary>
    public const string Channel = "suanbei_memberships";

    /// <summary>
    /// The accounts whose choices the tracked changes alter (<see cref="NotifiedCache{TValue}.AllKeys"/> for a mandate or
    /// an organisation): this node drops them itself right after the save, before its own notification comes back.
    /// </summary>
    public static List<string> AffectedBy(ChangeTracker tracker)
    {
        var keys = new List<string>();
        foreach (var e in tracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (e.Entity is Membership m) keys.Add(m.UserId);
            else if (e.Entity is ConsultancyConsent || e.Entity is Organisation && e.State != EntityState.Added) return [AllKeys];
        }
        return keys;
    }
}
