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
