namespace Suanbei.Core.Organisations;

/// <summary>A member's role in an organisation: owners manage members (and consents), editors write, viewers only read.</summary>
public enum MemberRole
{
    Owner = 0,
    Editor = 1,
    Viewer = 2,
}

/// <summary>What each <see cref="MemberRole"/> may do, in one place.</summary>
public static class MemberRoles
{
    public static bool MayWrite(MemberRole role) => role is MemberRole.Owner or MemberRole.Editor;

    public static bool MayManage(MemberRole role) => role == MemberRole.Owner;
}
