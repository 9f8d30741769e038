using System.Security.Cryptography;
using System.Text;

namespace Suanbei.Core.Organisations;

/// <summary>
/// An invitation by e-mail to join an organisation. Only the SHA-256 of the token is stored; the token itself is in the
/// link sent (or shown) once. It expires, and it is accepted once, by the account whose e-mail it was sent to. An owner
/// may withdraw it before then; who withdrew it and when stay on the row.
/// </summary>
public sealed class Invitation
{
    /// <summary>How long a link stays valid: long enough for a colleague to read the mail after a weekend.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation() { OrganisationId = ""; Email = ""; TokenHash = ""; InvitedBy = ""; } // EF

    public Invitation(string organisationId, string email, MemberRole role, string invitedBy, DateTimeOffset now, out string token)
    {
        token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        Email = email.Trim();
        Role = role;
        InvitedBy = invitedBy;
        TokenHash = Hash(token);
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public Guid Id { get; private set; }
    public string OrganisationId { get; private set; }
    public string Email { get; private set; }
    public MemberRole Role { get; private set; }
    public string InvitedBy { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? AcceptedBy { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim().ToLowerInvariant())));

    public bool Pending(DateTimeOffset now) => AcceptedAt is null && WithdrawnAt is null && now < ExpiresAt;

    public string WithdrawnMessage => $"该邀请已于 {Filings.ChinaTime.Display(WithdrawnAt)} 被机构的管理成员撤回，不能再使用。";

    /// <summary>Withdraws the invitation (撤回); refused once accepted or already withdrawn. Who may is the caller's check.</summary>
    public void Withdraw(string byUserId, DateTimeOffset now)
    {
        if (AcceptedAt is not null) throw new DomainException("该邀请已被接受，不能撤回；如需，请在成员列表中移除该成员。");
        if (WithdrawnAt is not null) throw new DomainException(WithdrawnMessage);
        WithdrawnAt = now;
        WithdrawnBy = byUserId;
    }

    /// <summary>Joins the account to the organisation; refused when expired, used, or for another e-mail address.</summary>
    public void Accept(Organisation organisation, string userId, string? userEmail, DateTimeOffset now)
    {
        if (organisation.Id != OrganisationId) throw new ArgumentException("not this invitation's organisation", nameof(organisation));
        if (WithdrawnAt is not null) throw new DomainException(WithdrawnMessage);
        if (AcceptedAt is not null) throw new DomainException("该邀请已被接受，不能再次使用。");
        if (now >= ExpiresAt)
            throw new DomainException($"该邀请已于 {Filings.ChinaTime.Display(ExpiresAt)} 过期，请联系管理成员重新邀请。");
        if (!string.Equals(userEmail?.Trim(), Email, StringComparison.OrdinalIgnoreCase))
            throw new DomainException($"该邀请发给 {Email}，请用该邮箱的账号接受。");
        organisation.Join(userId, Role, now);
        AcceptedAt = now;
        AcceptedBy = userId;
    }
}
