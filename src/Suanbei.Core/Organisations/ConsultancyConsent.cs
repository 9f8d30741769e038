namespace Suanbei.Core.Organisations;

/// <summary>
/// A client organisation's consent that a consultancy (代理机构) acts for it: granted by a client owner, revocable by
/// one; the consultancy's members see the client only while it stands. A revoked consent is kept as the record.
/// </summary>
public sealed class ConsultancyConsent
{
    private ConsultancyConsent() { ClientId = ""; ConsultancyId = ""; GrantedBy = ""; } // EF

    public ConsultancyConsent(Organisation client, Organisation consultancy, string grantedByUserId, DateTimeOffset now)
    {
        if (client.Kind != OrganisationKind.Subject) throw new DomainException("只有备案主体可以委托代理机构。");
        if (consultancy.Kind != OrganisationKind.Consultancy) throw new DomainException("所填机构不是代理机构。");
        if (client.MemberOf(grantedByUserId)?.Role != MemberRole.Owner) throw new DomainException("只有管理成员可以委托代理机构。");
        Id = Guid.NewGuid();
        ClientId = client.Id;
        ConsultancyId = consultancy.Id;
        GrantedBy = grantedByUserId;
        GrantedAt = now;
    }

    public Guid Id { get; private set; }
    public string ClientId { get; private set; }
    public string ConsultancyId { get; private set; }
    public string GrantedBy { get; private set; }
    public DateTimeOffset GrantedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public bool Active => RevokedAt is null;

    public void Revoke(Organisation client, string userId, DateTimeOffset now)
    {
        if (client.Id != ClientId) throw new ArgumentException("not this consent's client", nameof(client));
        if (client.MemberOf(userId)?.Role != MemberRole.Owner) throw new DomainException("只有管理成员可以撤销委托。");
        if (!Active) throw new DomainException("该委托已撤销。");
        RevokedBy = userId;
        RevokedAt = now;
    }
}
