namespace Suanbei.Core.Organisations;

/// <summary>An account's membership of an <see cref="Organisation"/>; changed only through the organisation.</summary>
public sealed class Membership
{
    private Membership() { UserId = ""; OrganisationId = ""; } // EF

    internal Membership(string organisationId, string userId, MemberRole role, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        OrganisationId = organisationId;
        UserId = userId;
        Role = role;
        JoinedAt = now;
    }

    public Guid Id { get; private set; }
    public string OrganisationId { get; private set; }
    public string UserId { get; private set; }
    public MemberRole Role { get; internal set; }
    public DateTimeOffset JoinedAt { get; private set; }
}
