namespace Suanbei.Core.Organisations;

/// <summary>What each <see cref="MemberRole"/> may do, in one place.</summary>
public static class MemberRoles
{
    public static bool MayWrite(MemberRole role) => role is MemberRole.Owner or MemberRole.Editor;

    public static bool MayManage(MemberRole role) => role == MemberRole.Owner;
}
