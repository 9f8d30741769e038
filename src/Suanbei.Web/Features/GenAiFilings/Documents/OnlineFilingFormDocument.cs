using System.Globalization;
using Suanbei.Core;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Products;
using Suanbei.Web.Features.Filings.Documents;

namespace Suanbei.Web.Features.GenAiFilings.Documents;

/// <summary>
/// The 上线备案表 of a generative-AI service as DOCX, filled from its <see cref="GenerativeAiServiceForm"/> in the order
/// of the materials list (reference genai-assessment.md §1): the applicant, then model and functions, corpus and compute,
/// service — each a two-column table under the step's name, with the field labels of <see cref="GenerativeAiFormFields"/>.
/// Choices are printed as ☑/☐ over every option, so the reader sees what was not chosen; an empty field is written
/// "（未填写）", never filled with template prose.
/// </summary>
public static class OnlineFilingFormDocument
{
    public const string FileName = "生成式人工智能服务上线备案表.docx";
    private const string Title = "生成式人工智能服务上线备案表";
    private const string Missing = "（未填写）";
    private const string NotApplicable = "不适用";

    /// <param name="entity">备案单位 (the subject's name), when known.</param>
    /// <param name="province">属地, when known.</param>
    /// <param name="number">The issued 备案号 / 上线编号, or null before approval.</param>
    public static byte[] Build(GenerativeAiFilingKind kind, GenerativeAiServiceForm form, string? entity, string? province,
        string? number)
    {
        var doc = new DocxBuilder().Title(Title);
        doc.Table(["项目", "填写内容"],
        [
            ["申请类型", Choices<GenerativeAiFilingKind>(kind)],
            ["备案单位", Text(entity)],
            ["属地", Text(province)],
            [kind == GenerativeAiFilingKind.Registration ? "上线编号" : "备案号", number ?? "（审核通过后签发）"],
        ]);
        var section = 0;
        foreach (var step in new[] { GenerativeAiStep.Model, GenerativeAiStep.Corpus, GenerativeAiStep.Service })
        {
            doc.Heading($"{"一二三"[section++]}、{DisplayNames.Of(step)}");
            var rows = GenerativeAiFormFields.All
                .Where(f => GenerativeAiFormFields.StepOf(f.Key) == step && f.Key != GenerativeAiFormFields.Products)
                .Select(f => (IReadOnlyList<string>)[f.Label, Value(f.Key, form)]).ToList();
            doc.Table(["项目", "填写内容"], rows);
        }
        doc.Text("备案单位（盖章）：                              填表日期：      年    月    日");
        return doc.ToBytes(Title + (form.ModelName is { Length: > 0 } n ? "：" + n : ""), "Suanbei");
    }

    public static byte[] Build(GenerativeAiFiling filing) =>
        Build(filing.Kind, filing.Form, filing.Entity, filing.Province, filing.Number);

    private static string Value(string key, GenerativeAiServiceForm f) => key switch
    {
        GenerativeAiFormFields.ModelName => Text(f.ModelName),
        GenerativeAiFormFields.ModelVersion => Text(f.ModelVersion),
        GenerativeAiFormFields.Functions => Flags(f.Functions),
        GenerativeAiFormFields.DomainScope => Choices(f.DomainScope),
        GenerativeAiFormFields.LimitedDomain =>
            f.DomainScope == GenerativeAiDomainScope.General ? NotApplicable : Text(f.LimitedDomain),
        GenerativeAiFormFields.ModelSource => Choices(f.ModelSource),
        GenerativeAiFormFields.FiledModelName => f.ModelSource == ModelSource.Own ? NotApplicable : Text(f.FiledModelName),
        GenerativeAiFormFields.FiledModelNumber => f.ModelSource == ModelSource.Own ? NotApplicable : Text(f.FiledModelNumber),
        GenerativeAiFormFields.CorpusScale => Text(f.CorpusScale),
        GenerativeAiFormFields.CorpusSources => Shares(f.CorpusSources),
        GenerativeAiFormFields.CorpusLanguages => Text(f.CorpusLanguages),
        GenerativeAiFormFields.Annotation => Text(f.Annotation),
        GenerativeAiFormFields.InferenceCompute => Text(f.InferenceCompute),
        GenerativeAiFormFields.ServiceForms => Choices(f.ServiceForms),
        GenerativeAiFormFields.Audience => Choices(f.Audience),
        GenerativeAiFormFields.UserScale => Text(f.UserScale),
        _ => Missing,
    };

    private static string Text(string? s) => string.IsNullOrWhiteSpace(s) ? Missing : s.Trim();

    /// <summary>Every option of the enum, the chosen one ticked: "☑通用 ☐特定领域".</summary>
    private static string Choices<TEnum>(TEnum? chosen) where TEnum : struct, Enum =>
        Choices(chosen is { } c ? new[] { c } : Array.Empty<TEnum>());

    private static string Choices<TEnum>(IEnumerable<TEnum> chosen) where TEnum : struct, Enum
    {
        var set = chosen.ToHashSet();
        return string.Join("  ", Enum.GetValues<TEnum>().Select(v => (set.Contains(v) ? "☑" : "☐") + DisplayNames.Of(v)));
    }

    private static string Flags(GenerativeAiFunctions chosen) =>
        string.Join("  ", Enum.GetValues<GenerativeAiFunctions>().Where(v => v != GenerativeAiFunctions.None)
            .Select(v => (chosen.HasFlag(v) ? "☑" : "☐") + DisplayNames.Of(v)));

    /// <summary>"公开网络数据 60%；自有数据 40%", with the total when it is not 100 %.</summary>
    private static string Shares(IReadOnlyList<CorpusSourceShare> sources)
    {
        if (sources.Count == 0) return Missing;
        var text = string.Join("；", sources.Select(s => $"{s.Source} {Percent(s.SharePercent)}"));
        var total = sources.Sum(s => s.SharePercent);
        return total == 100 ? text : $"{text}（合计 {Percent(total)}）";
    }

    private static string Percent(decimal p) => p.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
