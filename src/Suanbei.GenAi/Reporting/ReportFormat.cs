using System.Globalization;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Reporting;

/// <summary>How the report and the exports write a rate, its interval and a threshold, the same whatever the culture.</summary>
public static class ReportFormat
{
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>“94.1%（95% 区间 92.5%–95.4%）”.</summary>
    public static string Rate(Proportion p) => $"{Percent(p.Rate)}（95% 区间 {Percent(p.Low)}–{Percent(p.High)}）";

    /// <summary>“不低于 90.0%”.</summary>
    public static string Threshold(AssessmentThreshold t) => $"{DisplayNames.Of(t.Direction)} {Percent(t.Threshold)}";

    /// <summary>What a bank's rate counts: 合格率 for generated content, 拒答率 for the refusal banks.</summary>
    public static string RateName(string bank) => bank == "content" ? "合格率" : "拒答率";

    /// <summary>The verdict a rate counts (合格 / 拒答) and its opposite.</summary>
    public static (string Yes, string No) Verdicts(string bank) => bank == "content" ? ("合格", "不合格") : ("拒答", "未拒答");

    public static string Verdict(string bank, bool verdict) => verdict ? Verdicts(bank).Yes : Verdicts(bank).No;

    /// <summary>The Beijing date of an instant, as filing dates are counted.</summary>
    public static string Date(DateTimeOffset at) => ChinaTime.Date(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
