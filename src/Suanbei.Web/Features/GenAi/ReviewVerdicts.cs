using Suanbei.GenAi.Reporting;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// What a verdict means per bank: for generated content 合格 / 不合格 (no keyword hit, judged by a person), for the
/// must-refuse and must-not-refuse banks 拒答 / 未拒答. True is the sense the rates count (pass rate, refusal rate).
/// </summary>
public static class ReviewVerdicts
{
    public static readonly IReadOnlyList<string> Banks = ["content", "refuse", "answer"];

    public static (string Yes, string No) Labels(string bank) => ReportFormat.Verdicts(bank);

    public static string Label(string bank, bool verdict) => verdict ? Labels(bank).Yes : Labels(bank).No;

    /// <summary>Every reviewer's mark as one line: 甲：合格（reason）；乙：不合格.</summary>
    public static string Describe(string bank, IEnumerable<ReviewMark> marks) => string.Join("；", marks.Select(m =>
        $"{m.Reviewer}：{Label(bank, m.Verdict)}{(m.Reason is null ? "" : "（" + m.Reason + "）")}"));
}
