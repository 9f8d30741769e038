namespace Suanbei.Core.Organisations;

/// <summary>A member's role in an organisation: owners manage members (and consents), editors write, viewers only read.</summary>
public enum MemberRole
{
    Owner = 0,
    Editor = 1,
    Viewer = 2,
}
