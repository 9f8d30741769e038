using Suanbei.Core.Filings;

namespace Suanbei.Web.Features.Filings;

/// <summary>
/// Irreversible actions ask first: the form says what will happen and carries a checkbox the server requires
/// (works without JavaScript; the checkbox is also <c>required</c> so a browser stops an unticked submit early).
/// The texts live here, once.
/// </summary>
public static class Confirmations
{
    /// <summary>The form field the checkbox posts.</summary>
    public const string Field = "Confirmed";

    public sealed record Confirmation(string Key, string Consequence, string Checkbox)
    {
        /// <summary>The error when the box was not ticked.</summary>
        public string Missing => $"请先勾选“{Checkbox}”，再执行此操作。";
    }

    public static readonly Confirmation Cancel = new("cancel",
        "注销后：公示信息保留并标注“已注销”，备案编号作废、不再分配，页面不再需要展示备案编号；注销不能撤销，恢复服务须重新备案。",
        "我已确认注销本备案");

    public static readonly Confirmation SubjectApprove = new("subject-approve",
        "审核通过后该主体即可填报算法备案；此决定不能撤回，主体信息有变化时须由主体发起主体变更。",
        "我已确认审核通过该主体");

    /// <summary>The confirmation a reviewer action needs, or null for the steps that can still be corrected later.</summary>
    public static Confirmation? ForReview(FilingAction action, FilingKind kind) => action switch
    {
        FilingAction.Publish when kind == FilingKind.Change => new("review-publish",
            "二审通过后公示信息立即更新为本版本，原版本被取代，备注中记录变更内容；此操作不能撤销。", "我已确认通过变更并更新公示信息"),
        FilingAction.Publish => new("review-publish",
            "二审通过后立即签发备案编号并开始公示：编号一经签发不再收回，公示信息对公众可见；此操作不能撤销。", "我已确认签发备案编号并公示"),
        FilingAction.Refuse => new("review-refuse",
            "不予备案是最终决定：本备案终止，备案主体不能再修改或重新提交本备案（只能新建备案）；理由将告知备案主体。", "我已确认不予备案"),
        FilingAction.CompletePublicity => new("review-complete-publicity",
            "公示期满后状态变为“已备案”，备案编号正式生效；此操作不能撤销。", "我已确认公示期满"),
        _ => null,
    };
}
