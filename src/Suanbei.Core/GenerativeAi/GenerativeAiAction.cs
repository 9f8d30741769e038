namespace Suanbei.Core.GenerativeAi;

/// <summary>Everything that moves a generative-AI filing version (one row of <see cref="GenerativeAiWorkflow"/> each).</summary>
public enum GenerativeAiAction
{
    Submit,                // 提交
    StartProvincialReview, // 属地受理，开始初审
    PassProvincialReview,  // 属地初审通过，报国家复审 (备案)
    Approve,               // 审核通过：备案 after the national review, 登记 after the provincial one
    Return,                // 退回补正
    Refuse,                // 不予通过
    StartChange,           // 发起变更
    Cancel,                // 注销
}
