namespace Suanbei.Core.Organisations;

/// <summary>
/// A filing subject's workspace or a consultancy: the owner of data rows (their <c>OwnerId</c> is this id) and its
/// members. An account's personal organisation has the account's id, so rows written before organisations existed
/// stay its own. Every change keeps at least one owner.
/// </summary>
public sealed class Organisation
{
    public const int NameMax = 100;

    private readonly List<Membership> _members = [];

    private Organisation() { Id = ""; Name = ""; } // EF

    public Organisation(string id, string name, OrganisationKind kind, string ownerUserId, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("id is required", nameof(id));
        Id = id;
        Name = CleanName(name);
        Kind = kind;
        CreatedAt = now;
        _members.Add(new Membership(id, ownerUserId, MemberRole.Owner, now));
    }

    public string Id { get; private set; }
    public string Name { get; private set; }
    public OrganisationKind Kind { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<Membership> Members => _members;

    public Membership? MemberOf(string userId) => _members.FirstOrDefault(m => m.UserId == userId);

    public void Rename(string name) => Name = CleanName(name);

    /// <summary>Adds an account (an accepted invitation); an existing member keeps the stronger of the two roles.</summary>
    public Membership Join(string userId, MemberRole role, DateTimeOffset now)
    {
        if (MemberOf(userId) is { } existing)
        {
            if (role < existing.Role) existing.Role = role;
            return existing;
        }
        var m = new Membership(Id, userId, role, now);
        _members.Add(m);
        return m;
    }

    public void ChangeRole(string userId, MemberRole role)
    {
        var m = MemberOf(userId) ?? throw new DomainException("该账号不是本机构的成员。");
        if (m.Role == MemberRole.Owner && role != MemberRole.Owner) RequireAnotherOwner(m, "不能取消最后一位管理成员的管理权限。");
        m.Role = role;
    }

    public void Remove(string userId)
    {
        var m = MemberOf(userId) ?? throw new DomainException("该账号不是本机构的成员。");
        if (m.Role == MemberRole.Owner) RequireAnotherOwner(m, "不能移除最后一位管理成员。");
        _members.Remove(m);
    }

    public void Leave(string userId)
    {
        var m = MemberOf(userId) ?? throw new DomainException("您不是本机构的成员。");
        if (m.Role == MemberRole.Owner) RequireAnotherOwner(m, "您是最后一位管理成员，不能退出：请先指定另一位管理成员。");
        _members.Remove(m);
    }

    /// <summary>The account is the one owner: it may not leave, nor lose its role, until another owner exists.</summary>
    public bool IsSoleOwner(string userId) =>
        MemberOf(userId) is { Role: MemberRole.Owner } m && !_members.Any(o => o != m && o.Role == MemberRole.Owner);

    private void RequireAnotherOwner(Membership m, string message)
    {
        if (!_members.Any(o => o != m && o.Role == MemberRole.Owner)) throw new DomainException(message);
    }

    private static string CleanName(string? name)
    {
        var v = name?.Trim() ?? "";
        if (v.Length == 0) throw new DomainException("「机构名称」不能为空。");
        if (v.Length > NameMax) throw new DomainException($"「机构名称」不能超过{NameMax}个字符（现有{v.Length}个）。");
        return v;
    }
}
