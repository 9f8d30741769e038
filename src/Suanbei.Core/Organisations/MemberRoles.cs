namespace Suanbei.Core.Organisations;

/// <summary>What each <see cref="MemberRole"/> may do, in one place.</summary>
public static class MemberRoles
{
    public static bool MayWrite(MemberRole role) => role is MemberRole.Owner or MemberRole.Editor;

    public static bool MayManage(MemberRole role) => role == MemberRole.Owner;

    /// <summary>
    /// Adding, changing, re-keying, pausing, testing and deleting the organisation's webhooks: its integrations send
    /// its data out of the system, so like its members they are the owners' (管理成员) to manage. Every member, and a
    /// consultancy acting for the organisation, sees the list and the delivery log.
    /// </summary>
    public static bool MayManageWebhooks(MemberRole role) => role == MemberRole.Owner;
}
