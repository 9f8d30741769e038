using Suanbei.Core;
using Suanbei.Core.Assessment;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.GenAiFilings;
using AssessRole = Suanbei.Core.Assessment.FilingRole;
using FilingRole = Suanbei.Core.Filings.FilingRole;

namespace Suanbei.Web.Features.Filings.Assess;

/// <summary>Creates one draft algorithm filing per planned filing, with the basic attributes the plan already knows.</summary>
public static class PlanDrafts
{
    public static async Task<List<AlgorithmFiling>> CreateAsync(
        FilingService filings, Actor filer, ServiceAnswers answers, AssessmentPlan plan, CancellationToken ct = default)
    {
        if (!plan.FilingRequired || plan.Filings.Count == 0) throw new DomainException("按评估结果无需算法备案，未创建草稿。");
        var created = new List<AlgorithmFiling>();
        foreach (var p in plan.Filings)
        {
            var f = await filings.CreateAsync(filer, ct); // refuses when the subject is not approved
            var functions = string.Join("、", p.Functions);
            await filings.UpdateBasicAsync(f, filer, new BasicAttributes
            {
                Name = p.AlgorithmName,
                Type = p.Type,
                Role = p.Role == AssessRole.ServiceProvider ? FilingRole.ServiceProvider : FilingRole.TechnicalSupporter,
                LaunchDate = answers.LaunchDate,
                MainPurpose = $"应用于{answers.ServiceName}的{functions}功能",
            }, ct);
            created.Add(f);
        }
        return created;
    }

    /// <summary>
    /// The generative-AI draft the plan calls for: 登记 when the service only calls a filed model, else 备案 (own or
    /// fine-tuned; the filer picks which). Null when the plan calls for neither.
    /// </summary>
    public static async Task<GenerativeAiFiling?> CreateGenerativeAiAsync(
        GenAiFilingService genAi, Actor filer, ServiceAnswers answers, AssessmentPlan plan, CancellationToken ct = default)
    {
        if (plan.LargeModel.Kind == LargeModelDutyKind.None) return null;
        var f = await genAi.CreateAsync(filer, ct);
        await genAi.UpdateFormAsync(f, filer, new GenerativeAiServiceForm
        {
            ModelName = answers.ServiceName,
            ModelSource = plan.LargeModel.Kind == LargeModelDutyKind.Registration ? ModelSource.CallsFiledModel : null,
        }, ct);
        return f;
    }
}
