namespace Suanbei.Core.GenerativeAi;

/// <summary>Status of one version of a generative-AI service filing; <see cref="GenerativeAiWorkflow"/> has the transitions.</summary>
public enum GenerativeAiStatus
{
    Draft = 0,            // 草稿 (also where 退回补正 lands, with the reasons kept)
    Submitted = 1,        // 已提交
    ProvincialReview = 2, // 属地网信办初审
    NationalReview = 3,   // 国家网信办复审 (备案 only)
    Filed = 4,            // 已备案
    Registered = 5,       // 已登记
    Refused = 6,          // 未通过
    Cancelled = 7,        // 已注销
    Superseded = 8,       // 已变更（旧版本）
}
