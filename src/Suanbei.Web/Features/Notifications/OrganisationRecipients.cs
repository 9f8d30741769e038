using Microsoft.EntityFrameworkCore;
using Suanbei.Core.Organisations;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// Who hears what happens to an organisation's data: its members who may act on it (管理成员 and 编辑; viewers only
/// read). An owner id with no memberships yet is an account's personal organisation from before organisations
/// existed, whose id is the account's own, so the account itself hears.
/// </summary>
public static class OrganisationRecipients
{
    public static async Task<IReadOnlyList<string>> OfAsync(SuanbeiDbContext db, string ownerId, CancellationToken ct)
    {
        var members = await db.Set<Membership>().AsNoTracking().Where(m => m.OrganisationId == ownerId)
            .Select(m => new { m.UserId, m.Role }).ToListAsync(ct);
        return members.Count == 0
            ? [ownerId]
            : members.Where(m => MemberRoles.MayWrite(m.Role)).Select(m => m.UserId).Distinct().ToList();
    }
}
