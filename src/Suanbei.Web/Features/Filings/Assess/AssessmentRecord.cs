using System.Text;
using Suanbei.Core.Assessment;

namespace Suanbei.Web.Features.Filings.Assess;

/// <summary>The kept record of one 备案判断 (保留本次判断记录): date, rules version, answers, conclusion with articles.</summary>
public static class AssessmentRecord
{
    public static string Text(ServiceAnswers answers, AssessmentPlan plan, DateTimeOffset at)
    {
        var sb = new StringBuilder();
        sb.AppendLine("备案判断记录");
        sb.AppendLine($"判断时间：{at:yyyy-MM-dd HH:mm}（北京时间）");
        sb.AppendLine($"规则版本：{plan.RulesVersion}");
        sb.AppendLine();
        sb.AppendLine($"结论：{(plan.FilingRequired ? "需要算法备案" : "无需算法备案")}");
        foreach (var r in plan.Reasons) sb.AppendLine($"  - {r.Text}〔{r.Article}〕");
        if (plan.Filings.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("备案清单：");
            foreach (var f in plan.Filings) sb.AppendLine(
                $"  - {f.AlgorithmName}：{f.TypeName}，{f.RoleName}（功能：{string.Join("、", f.Functions)}）");
        }
        sb.AppendLine($"大模型：{plan.LargeModel.KindName}（{plan.LargeModel.Basis.Text}〔{plan.LargeModel.Basis.Article}〕）");
        foreach (var l in plan.Labeling) sb.AppendLine($"标识义务（{l.ContentTypeName}）：显式 {l.Explicit}；隐式 {l.Implicit}〔{l.Article}〕");
        sb.AppendLine();
        sb.AppendLine("回答：");
        foreach (var (_, q, a) in IndexModel.Summary(answers)) sb.AppendLine($"  - {q}：{a}");
        sb.AppendLine();
        sb.AppendLine("本记录依据以上回答和规则库生成，供留档。服务的对象、提供方式、功能或所用模型发生变化时，请重新判断。");
        return sb.ToString().ReplaceLineEndings("\r\n");
    }
}
