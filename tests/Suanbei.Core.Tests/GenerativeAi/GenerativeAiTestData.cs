using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Products;
using static Suanbei.Core.Tests.Filings.FilingTestData;

namespace Suanbei.Core.Tests.GenerativeAi;

/// <summary>Builds generative-AI filings in every status by driving them through the real workflow.</summary>
internal static class GenerativeAiTestData
{
    public const string Entity = "甲智能科技有限公司";
    public const string Province = "北京市";
    public const string FilingNumber = "Beijing-JiaZhiNeng-202611020001";
    public const string RegistrationNumber = "Beijing-JiaZhiNeng-20261102S0001";

    public static GenerativeAiServiceForm Form(ModelSource source) => new()
    {
        ModelName = "甲智能", ModelVersion = "V1.0",
        Functions = GenerativeAiFunctions.Dialogue | GenerativeAiFunctions.TextGeneration,
        DomainScope = GenerativeAiDomainScope.General, ModelSource = source,
        FiledModelName = source == ModelSource.CallsFiledModel ? "文心一言" : null,
        FiledModelNumber = source == ModelSource.CallsFiledModel ? "Beijing-WenXinYiYan-20230821" : null,
        CorpusScale = "约 2 TB（1.2 万亿 token）",
        CorpusSources = [new CorpusSourceShare("公开网络数据", 70m), new CorpusSourceShare("自有数据", 30m)],
        CorpusLanguages = "中文、英文", Annotation = "自有团队按标注规则标注 20 万条", InferenceCompute = "推理集群 64 卡",
        ServiceForms = [ProductForm.App, ProductForm.Website], Audience = ProductAudience.Both, UserScale = "预计月活 50 万",
    };

    public static GenerativeAiFiling CompleteDraft(GenerativeAiFilingKind kind)
    {
        var f = new GenerativeAiFiling(Guid.NewGuid(), Filer, Monday);
        f.UpdateForm(Filer, Form(kind == GenerativeAiFilingKind.Filing ? ModelSource.Own : ModelSource.CallsFiledModel), Monday);
        f.LinkProducts(Filer, [new PublicProductRef(ProductA, "甲写作", "APP")], Monday);
        foreach (var m in GenerativeAiRules.Current.Materials) f.SetMaterial(Filer, m.Key, Guid.NewGuid(), Monday);
        return f;
    }

    public static string NumberFor(GenerativeAiFilingKind kind) =>
        kind == GenerativeAiFilingKind.Filing ? FilingNumber : RegistrationNumber;

    /// <summary>Takes a complete draft to its final approval (both levels for 备案, the province alone for 登记).</summary>
    public static void Approve(GenerativeAiFiling f, DateTimeOffset at)
    {
        f.StartProvincialReview(Reviewer, at);
        if (f.Kind == GenerativeAiFilingKind.Filing) f.PassProvincialReview(Reviewer, at);
        if (f.IsChange) throw new InvalidOperationException("use ApproveChange for a change");
        f.Approve(Reviewer, at, NumberFor(f.Kind), Entity, Province);
    }

    /// <summary>A filing in <paramref name="status"/>; for Superseded the old version after an approved change.</summary>
    public static GenerativeAiFiling InStatus(GenerativeAiStatus status, GenerativeAiFilingKind kind)
    {
        var f = CompleteDraft(kind);
        if (status == GenerativeAiStatus.Draft) return f;
        Assert.Empty(f.Submit(Filer, Monday, Entity, Province));
        switch (status)
        {
            case GenerativeAiStatus.Submitted: return f;
            case GenerativeAiStatus.Refused: f.Refuse(Reviewer, Monday, "材料不实"); return f;
        }
        f.StartProvincialReview(Reviewer, Monday);
        if (status == GenerativeAiStatus.ProvincialReview) return f;
        if (status == GenerativeAiStatus.NationalReview)
        {
            f.PassProvincialReview(Reviewer, Monday); // only legal for 备案
            return f;
        }
        if (kind == GenerativeAiFilingKind.Filing) f.PassProvincialReview(Reviewer, Monday);
        f.Approve(Reviewer, Monday, NumberFor(kind), Entity, Province);
        if (status is GenerativeAiStatus.Filed or GenerativeAiStatus.Registered) return f;
        if (status == GenerativeAiStatus.Cancelled)
        {
            f.Cancel(Filer, Monday.AddDays(1), DateOnly.FromDateTime(Monday.UtcDateTime), "停止服务");
            return f;
        }
        var change = f.StartChange(Filer, Monday.AddDays(1), DateOnly.FromDateTime(Monday.UtcDateTime), "升级模型版本");
        change.Submit(Filer, Monday.AddDays(1), Entity, Province);
        change.StartProvincialReview(Reviewer, Monday.AddDays(1));
        if (kind == GenerativeAiFilingKind.Filing) change.PassProvincialReview(Reviewer, Monday.AddDays(1));
        change.ApproveChange(Reviewer, Monday.AddDays(2), f, Entity, Province);
        Assert.Equal(GenerativeAiStatus.Superseded, f.Status);
        return f;
    }

    /// <summary>The statuses a filing of this kind can reach.</summary>
    public static IEnumerable<GenerativeAiStatus> Reachable(GenerativeAiFilingKind kind) =>
        Enum.GetValues<GenerativeAiStatus>().Where(s => kind == GenerativeAiFilingKind.Filing
            ? s is not GenerativeAiStatus.Registered
            : s is not (GenerativeAiStatus.NationalReview or GenerativeAiStatus.Filed));
}
