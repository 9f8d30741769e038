namespace Suanbei.Core.Filings;

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
