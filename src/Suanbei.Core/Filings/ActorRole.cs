namespace Suanbei.Core.Filings;

/// <summary>Who acts. Reviewer actions are refused for filers and vice versa; the web layer maps Identity roles onto these.</summary>
public enum ActorRole
{
    Filer,     // 备案主体
    Reviewer,  // 审核员
    Admin,     // 管理员 (creates reviewers; does not review)
    System,    // background jobs (e.g. closing the publicity period)
}
