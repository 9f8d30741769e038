namespace Suanbei.Core.Filings;

/// <summary>An acting user as the domain sees it: an id (Identity user id) and a display name kept in the audit trail.</summary>
public sealed record Actor(string UserId, string DisplayName, ActorRole Role)
{
    public static Actor System { get; } = new("system", "系统", ActorRole.System);

    /// <summary>The organisation a filer acts for (the data's owner); null when the account acts for itself.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>Whose data this actor works on: the organisation, or the account itself.</summary>
    public string OwnerId => OrganisationId ?? UserId;
}
