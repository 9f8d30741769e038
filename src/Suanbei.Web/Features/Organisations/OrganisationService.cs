using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Organisations;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Organisations;

/// <summary>
/// Organisations, members, invitations and consultancy consents, shared by the pages, the API and the claims
/// transformation that decides which organisation a request acts for. Guards live in the Core types; this class loads,
/// checks membership (a non-member is "not found") and saves.
/// </summary>
public sealed class OrganisationService(SuanbeiDbContext db, TimeProvider clock, MembershipCache memberships,
    ILogger<OrganisationService> log)
{
    /// <summary>
    /// An organisation an account may act for: its own membership, or a client reached through a consultancy it is a
    /// member of (<paramref name="Via"/>) while the client's consent stands. The role is the member's own.
    /// </summary>
    public sealed record Choice(Organisation Organisation, MemberRole Role, Organisation? Via)
    {
        public string Id => Organisation.Id;

        /// <summary>How the audit trail names a member acting through this choice.</summary>
        public string ActingName(string account) =>
            Via is null ? account : $"{account}（{Via.Name}）代表 {Organisation.Name}";

        public string Label => Via is null ? Organisation.Name : $"{Organisation.Name}（经 {Via.Name}）";
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// What the account may act for, direct memberships first. A filer account with no membership at all gets a personal
    /// organisation first (its id is the account id when free, so rows written before organisations stay its own).
    /// </summary>
    public async Task<List<Choice>> ChoicesAsync(string userId, string? email, bool ensurePersonal, CancellationToken ct = default)
    {
        // One round trip on every signed-in request: the account's organisations with their members.
        // Untracked: the choices may be kept by MembershipCache and shared by later requests.
        var mine = db.Set<Organisation>().AsNoTracking().Include(o => o.Members).Where(o => o.Members.Any(m => m.UserId == userId));
        var own = await mine.ToListAsync(ct);
        if (own.Count == 0 && ensurePersonal)
        {
            await CreatePersonalAsync(userId, email, ct);
            own = await mine.ToListAsync(ct);
        }
        var choices = own.OrderBy(o => o.Id == userId ? 0 : 1).ThenBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => new Choice(o, o.MemberOf(userId)!.Role, null)).ToList();
        var consultancies = choices.Where(c => c.Organisation.Kind == OrganisationKind.Consultancy).ToList();
        if (consultancies.Count == 0) return choices;
        var consultancyIds = consultancies.Select(c => c.Id).ToList();
        var consents = await db.Set<ConsultancyConsent>().AsNoTracking()
            .Where(c => consultancyIds.Contains(c.ConsultancyId) && c.RevokedAt == null).ToListAsync(ct);
        var clientIds = consents.Select(c => c.ClientId).Distinct().ToList();
        var clients = await db.Set<Organisation>().AsNoTracking().Where(o => clientIds.Contains(o.Id)).ToListAsync(ct);
        foreach (var consent in consents.OrderBy(c => c.GrantedAt))
        {
            if (choices.Any(c => c.Id == consent.ClientId)) continue; // a direct membership wins
            var via = consultancies.First(c => c.Id == consent.ConsultancyId);
            choices.Add(new Choice(clients.First(o => o.Id == consent.ClientId), via.Role, via.Organisation));
        }
        return choices;
    }

    /// <summary>The choice a request acts for: the requested one when allowed, else the personal, else the first.</summary>
    public static Choice? Pick(IReadOnlyList<Choice> choices, string userId, string? requested) =>
        choices.FirstOrDefault(c => c.Id == requested) ?? choices.FirstOrDefault(c => c.Id == userId) ?? choices.FirstOrDefault();

    /// <summary>
    /// Saves, then drops the accounts whose choices changed from this node's <see cref="MembershipCache"/> at once (the
    /// database's notification reaches every node, this one too, a moment after the commit).
    /// </summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        var affected = MembershipCache.AffectedBy(db.ChangeTracker);
        await db.SaveChangesAsync(ct);
        foreach (var account in affected) memberships.Changed(account);
    }

    private async Task CreatePersonalAsync(string userId, string? email, CancellationToken ct)
    {
        var id = userId;
        if (await db.Set<Organisation>().AnyAsync(o => o.Id == userId, ct))
        {
            id = Guid.NewGuid().ToString();
            db.Users.Add(PlaceholderAccount(id));
        }
        var name = string.IsNullOrWhiteSpace(email) ? "我的机构" : email.Length > Organisation.NameMax ? email[..Organisation.NameMax] : email;
        db.Add(new Organisation(id, name, OrganisationKind.Subject, userId, Now));
        try { await SaveAsync(ct); }
        catch (DbUpdateException)
        {
            // Two first requests of a new account raced; the other one created it.
            db.ChangeTracker.Clear();
        }
    }

    public async Task<Organisation> CreateAsync(string userId, string name, OrganisationKind kind, CancellationToken ct = default)
    {
        var org = new Organisation(Guid.NewGuid().ToString(), name, kind, userId, Now);
        db.Users.Add(PlaceholderAccount(org.Id));
        db.Add(org);
        await SaveAsync(ct);
        return org;
    }

    /// <summary>The user-name prefix of <see cref="PlaceholderAccount"/> rows (no '@', so never a person's e-mail).</summary>
    public const string PlaceholderPrefix = "org-";

    /// <summary>
    /// The data tables' <c>OwnerId</c> columns carry foreign keys to the accounts table (from before organisations), and
    /// SQLite cannot re-point a foreign key without rebuilding the table. So an organisation that is not a personal one
    /// has an account row with its id that nobody can sign in to: no password, no role, locked out for good.
    /// </summary>
    public static AppUser PlaceholderAccount(string organisationId) => new()
    {
        Id = organisationId, UserName = PlaceholderPrefix + organisationId,
        NormalizedUserName = (PlaceholderPrefix + organisationId).ToUpperInvariant(),
        SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true, LockoutEnd = DateTimeOffset.MaxValue,
    };

    public static bool IsPlaceholder(AppUser user) =>
        user.Email is null && user.UserName?.StartsWith(PlaceholderPrefix, StringComparison.Ordinal) == true;

    /// <summary>The organisation with its members when the account is one of them; otherwise null ("not found").</summary>
    public async Task<Organisation?> OfMemberAsync(string id, string userId, CancellationToken ct = default)
    {
        var org = await db.Set<Organisation>().Include(o => o.Members).FirstOrDefaultAsync(o => o.Id == id, ct);
        return org?.MemberOf(userId) is null ? null : org;
    }

    public static void RequireOwner(Organisation org, string userId)
    {
        if (org.MemberOf(userId) is not { } m || !MemberRoles.MayManage(m.Role))
            throw new DomainException("只有管理成员可以管理成员和委托。");
    }

    /// <summary>E-mail addresses of the accounts, by id (members are shown by e-mail).</summary>
    public Task<Dictionary<string, string>> EmailsAsync(IEnumerable<string> userIds, CancellationToken ct = default)
    {
        var ids = userIds.Distinct().ToList();
        return db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, ct);
    }

    public async Task<(Invitation Invitation, string Token)> InviteAsync(Organisation org, string actorUserId, string email,
        MemberRole role, CancellationToken ct = default)
    {
        RequireOwner(org, actorUserId);
        var invitation = new Invitation(org.Id, email, role, actorUserId, Now, out var token);
        db.Add(invitation);
        await SaveAsync(ct);
        return (invitation, token);
    }

    public Task<List<Invitation>> PendingInvitationsAsync(string orgId, CancellationToken ct = default)
    {
        var now = Now;
        return db.Set<Invitation>()
            .Where(i => i.OrganisationId == orgId && i.AcceptedAt == null && i.WithdrawnAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt).ToListAsync(ct);
    }

    /// <summary>The latest withdrawn invitations of the organisation (the record of who withdrew which), newest first.</summary>
    public Task<List<Invitation>> WithdrawnInvitationsAsync(string orgId, int count = 20, CancellationToken ct = default) =>
        db.Set<Invitation>().Where(i => i.OrganisationId == orgId && i.WithdrawnAt != null)
            .OrderByDescending(i => i.WithdrawnAt).Take(count).ToListAsync(ct);

    /// <summary>
    /// An owner withdraws a pending invitation (撤回): its link then says so. Another organisation's invitation is "not
    /// found" (false); an accepted or already withdrawn one is refused with the reason.
    /// </summary>
    public async Task<bool> WithdrawInvitationAsync(Organisation org, string actorUserId, Guid invitationId, CancellationToken ct = default)
    {
        RequireOwner(org, actorUserId);
        var invitation = await db.Set<Invitation>().FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganisationId == org.Id, ct);
        if (invitation is null) return false;
        invitation.Withdraw(actorUserId, Now);
        await SaveAsync(ct);
        log.LogInformation("Invitation {InvitationId} of organisation {OrganisationId} withdrawn by account {UserId}", invitation.Id,
            org.Id, actorUserId);
        return true;
    }

    public async Task<(Invitation Invitation, Organisation Organisation)?> FindInvitationAsync(string? token,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Invitation.Hash(token);
        var invitation = await db.Set<Invitation>().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null) return null;
        var org = await db.Set<Organisation>().Include(o => o.Members).FirstAsync(o => o.Id == invitation.OrganisationId, ct);
        return (invitation, org);
    }

    public async Task AcceptAsync(Invitation invitation, Organisation org, string userId, string? email, CancellationToken ct = default)
    {
        invitation.Accept(org, userId, email, Now);
        await SaveAsync(ct);
    }

    public async Task ChangeRoleAsync(Organisation org, string actorUserId, string userId, MemberRole role, CancellationToken ct = default)
    {
        RequireOwner(org, actorUserId);
        org.ChangeRole(userId, role);
        await SaveAsync(ct);
    }

    public async Task RemoveAsync(Organisation org, string actorUserId, string userId, CancellationToken ct = default)
    {
        RequireOwner(org, actorUserId);
        org.Remove(userId);
        await SaveAsync(ct);
    }

    public async Task LeaveAsync(Organisation org, string userId, CancellationToken ct = default)
    {
        org.Leave(userId);
        await SaveAsync(ct);
    }

    /// <summary>A client owner lets a consultancy act for the client; the consultancy is named by its id (机构编号).</summary>
    public async Task<ConsultancyConsent> GrantConsentAsync(Organisation client, string actorUserId, string consultancyId,
        CancellationToken ct = default)
    {
        RequireOwner(client, actorUserId);
        var id = consultancyId.Trim();
        var consultancy = await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new DomainException("「代理机构编号」不存在，请向代理机构索取其机构编号。");
        if (await db.Set<ConsultancyConsent>().AnyAsync(c => c.ClientId == client.Id && c.ConsultancyId == id && c.RevokedAt == null, ct))
            throw new DomainException($"已委托「{consultancy.Name}」。");
        var consent = new ConsultancyConsent(client, consultancy, actorUserId, Now);
        db.Add(consent);
        await SaveAsync(ct);
        return consent;
    }

    public async Task RevokeConsentAsync(Organisation client, string actorUserId, Guid consentId, CancellationToken ct = default)
    {
        var consent = await db.Set<ConsultancyConsent>().FirstOrDefaultAsync(c => c.Id == consentId && c.ClientId == client.Id, ct)
            ?? throw new DomainException("没有这项委托。");
        consent.Revoke(client, actorUserId, Now);
        await SaveAsync(ct);
    }

    /// <summary>Consents (standing and revoked) with the other side's name: for a client, its consultancies; for a
    /// consultancy, its clients.</summary>
    public async Task<List<(ConsultancyConsent Consent, string OtherName)>> ConsentsAsync(Organisation org, CancellationToken ct = default)
    {
        var consents = await db.Set<ConsultancyConsent>().Where(c => c.ClientId == org.Id || c.ConsultancyId == org.Id)
            .ToListAsync(ct);
        var otherIds = consents.Select(c => c.ClientId == org.Id ? c.ConsultancyId : c.ClientId).Distinct().ToList();
        var names = await db.Set<Organisation>().Where(o => otherIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return consents.OrderByDescending(c => c.GrantedAt)
            .Select(c => (c, names.GetValueOrDefault(c.ClientId == org.Id ? c.ConsultancyId : c.ClientId) ?? "")).ToList();
    }
}
