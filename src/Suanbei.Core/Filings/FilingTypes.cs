namespace Suanbei.Core.Filings;

/// <summary>Status of one version of an algorithm filing. See <see cref="FilingWorkflow"/> for the transitions.</summary>
public enum FilingStatus
{
    Draft = 0,         // 草稿 (also where 退回补正 lands, with the return reasons kept)
    Submitted = 1,     // 已提交
    FirstReview = 2,   // 一审
    SecondReview = 3,  // 二审
    Publicity = 4,     // 公示
    Filed = 5,         // 已备案
    Refused = 6,       // 不予备案
    Cancelled = 7,     // 已注销
    Superseded = 8,    // 已被变更取代 (an older version once a change is approved; kept for history, no longer the public entry)
}

/// <summary>Everything that moves a filing version from one status to another (one row of the workflow table each).</summary>
public enum FilingAction
{
    Submit,            // 提交
    StartFirstReview,  // 开始一审
    PassFirstReview,   // 一审通过 → 二审
    Publish,           // 二审通过并公示 (a change: 二审通过, the public entry updates)
    CompletePublicity, // 公示期满 → 已备案
    Return,            // 退回补正
    Refuse,            // 不予备案
    StartChange,       // 发起变更 (creates a new draft version)
    Cancel,            // 注销
}

/// <summary>Who acts. Reviewer actions are refused for filers and vice versa; the web layer maps Identity roles onto these.</summary>
public enum ActorRole
{
    Filer,     // 备案主体
    Reviewer,  // 审核员
    Admin,     // 管理员 (creates reviewers; does not review)
    System,    // background jobs (e.g. closing the publicity period)
}

/// <summary>An acting user as the domain sees it: an id (Identity user id) and a display name kept in the audit trail.</summary>
public sealed record Actor(string UserId, string DisplayName, ActorRole Role)
{
    public static Actor System { get; } = new("system", "系统", ActorRole.System);

    /// <summary>The organisation a filer acts for (the data's owner); null when the account acts for itself.</summary>
    public string? OrganisationId { get; init; }

    /// <summary>Whose data this actor works on: the organisation, or the account itself.</summary>
    public string OwnerId => OrganisationId ?? UserId;
}

public enum FilingRole
{
    ServiceProvider = 0,     // 服务提供者
    TechnicalSupporter = 1,  // 服务技术支持者
}

/// <summary>Whether a version is the first filing of an algorithm or a change (变更) of an already filed one.</summary>
public enum FilingKind
{
    Initial = 0,
    Change = 1,
}

/// <summary>Data modalities of an algorithm's input and output (算法数据: 输入/输出模态).</summary>
[Flags]
public enum DataModality
{
    None = 0,
    Text = 1,          // 文本
    Image = 2,         // 图片
    Audio = 4,         // 音频
    Video = 8,         // 视频
    VirtualScene = 16, // 虚拟场景
}

/// <summary>How a technical supporter delivers the algorithm (技术服务方式).</summary>
public enum TechnicalServiceMode
{
    Api = 0,               // API接口
    Sdk = 1,               // SDK
    PrivateDeployment = 2, // 私有化部署
    Other = 3,             // 其他
}

/// <summary>Chinese names for the filing enums, in one place.</summary>
public static class FilingNames
{
    /// <summary>A draft sent back by a reviewer (<see cref="AlgorithmFiling.IsReturned"/>).</summary>
    public const string Returned = "已退回";

    public static readonly IReadOnlyList<DataModality> Modalities =
        [DataModality.Text, DataModality.Image, DataModality.Audio, DataModality.Video, DataModality.VirtualScene];
}
