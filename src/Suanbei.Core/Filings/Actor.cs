namespace Suanbei.Core.Filings;

/// <summary>An acting user as the domain sees it: an id (Identity user id) and a display name kept in the audit trail.</summary>
public sealed record Actor(string UserId, string DisplayName, ActorRole Role)
{
    public static Actor System { get; } = new("system", "系统", ActorRole.System);
}
