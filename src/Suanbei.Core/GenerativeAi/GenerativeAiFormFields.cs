using Suanbei.Core.Filings;
using Suanbei.Core.Identifiers;

namespace Suanbei.Core.GenerativeAi;

/// <summary>
/// Keys, Chinese labels and steps of the generative-AI filing's fields (the 上线备案表, the linked products and the
/// materials of Data/rules/genai-filing.json), and what blocks submission. Keys are the form's input names and the fields a
/// reviewer returns with a reason.
/// </summary>
public static class GenerativeAiFormFields
{
    public const string ModelName = nameof(GenerativeAiServiceForm.ModelName);
    public const string ModelVersion = nameof(GenerativeAiServiceForm.ModelVersion);
    public const string Functions = nameof(GenerativeAiServiceForm.Functions);
    public const string DomainScope = nameof(GenerativeAiServiceForm.DomainScope);
    public const string LimitedDomain = nameof(GenerativeAiServiceForm.LimitedDomain);
    public const string ModelSource = nameof(GenerativeAiServiceForm.ModelSource);
    public const string FiledModelName = nameof(GenerativeAiServiceForm.FiledModelName);
    public const string FiledModelNumber = nameof(GenerativeAiServiceForm.FiledModelNumber);
    public const string CorpusScale = nameof(GenerativeAiServiceForm.CorpusScale);
    public const string CorpusSources = nameof(GenerativeAiServiceForm.CorpusSources);
    public const string CorpusLanguages = nameof(GenerativeAiServiceForm.CorpusLanguages);
    public const string Annotation = nameof(GenerativeAiServiceForm.Annotation);
    public const string InferenceCompute = nameof(GenerativeAiServiceForm.InferenceCompute);
    public const string ServiceForms = nameof(GenerativeAiServiceForm.ServiceForms);
    public const string Audience = nameof(GenerativeAiServiceForm.Audience);
    public const string UserScale = nameof(GenerativeAiServiceForm.UserScale);
    public const string Products = "Products";
    public const string General = FilingFields.General;

    /// <summary>Longest text of a short field (names, versions, numbers) and of a descriptive one.</summary>
    public const int ShortTextMax = 100;
    public const int LongTextMax = FilingRules.LongTextMax;

    private static readonly (string Key, string Label, GenerativeAiStep Step)[] FormFields =
    [
        (ModelName, "模型名称", GenerativeAiStep.Model), (ModelVersion, "模型版本", GenerativeAiStep.Model),
        (Functions, "服务功能", GenerativeAiStep.Model), (DomainScope, "应用领域（通用/特定领域）", GenerativeAiStep.Model),
        (LimitedDomain, "限定领域说明", GenerativeAiStep.Model), (ModelSource, "模型来源", GenerativeAiStep.Model),
        (FiledModelName, "所用已备案模型名称", GenerativeAiStep.Model), (FiledModelNumber, "所用已备案模型备案号", GenerativeAiStep.Model),
        (CorpusScale, "训练语料规模", GenerativeAiStep.Corpus), (CorpusSources, "语料来源及占比", GenerativeAiStep.Corpus),
        (CorpusLanguages, "语料语种", GenerativeAiStep.Corpus), (Annotation, "语料标注情况", GenerativeAiStep.Corpus),
        (InferenceCompute, "推理算力", GenerativeAiStep.Corpus),
        (ServiceForms, "服务形式", GenerativeAiStep.Service), (Audience, "服务对象", GenerativeAiStep.Service),
        (UserScale, "用户规模", GenerativeAiStep.Service), (Products, "关联产品", GenerativeAiStep.Service),
    ];

    /// <summary>Every field in form order, the materials last, then 整体 (a reason about the filing as a whole).</summary>
    public static IReadOnlyList<(string Key, string Label)> All { get; } =
        FormFields.Select(f => (f.Key, f.Label))
            .Concat(GenerativeAiRules.Current.Materials.Select(m => (m.Key, m.Name)))
            .Append((General, "整体")).ToList();

    public static bool IsKnown(string key) => All.Any(f => f.Key == key);

    public static string Label(string key) => All.FirstOrDefault(f => f.Key == key).Label ?? key;

    public static int Order(string key)
    {
        for (var i = 0; i < All.Count; i++) if (All[i].Key == key) return i;
        return All.Count;
    }

    /// <summary>The step a field is on; materials are on the last step, 整体 on none (null).</summary>
    public static GenerativeAiStep? StepOf(string key) =>
        FormFields.Any(f => f.Key == key) ? FormFields.First(f => f.Key == key).Step
        : GenerativeAiRules.Current.Materials.Any(m => m.Key == key) ? GenerativeAiStep.Materials : null;

    /// <summary>
    /// Checks a form as it is saved: lengths, shares, the filing-number shape of the filed model. Throws a Chinese
    /// <see cref="DomainException"/> naming the first field in error; returns the form with every text trimmed.
    /// </summary>
    public static GenerativeAiServiceForm Clean(GenerativeAiServiceForm f)
    {
        if ((f.Functions & ~AllFunctions) != 0) throw new DomainException($"「{Label(Functions)}」含有无效的选项。");
        if (f.DomainScope is { } d && !Enum.IsDefined(d)) throw new DomainException($"「{Label(DomainScope)}」无效。");
        if (f.ModelSource is { } s && !Enum.IsDefined(s)) throw new DomainException($"「{Label(ModelSource)}」无效。");
        if (f.Audience is { } a && !Enum.IsDefined(a)) throw new DomainException($"「{Label(Audience)}」无效。");
        if (f.ServiceForms.Any(x => !Enum.IsDefined(x))) throw new DomainException($"「{Label(ServiceForms)}」含有无效的选项。");
        var sources = new List<CorpusSourceShare>();
        foreach (var c in f.CorpusSources)
        {
            var name = Text(c.Source, CorpusSources, ShortTextMax);
            if (name is null) continue;
            if (c.SharePercent is <= 0 or > 100)
                throw new DomainException($"「{Label(CorpusSources)}」中「{name}」的占比应在 0 到 100 之间（百分比）。");
            if (sources.Any(x => x.Source == name)) throw new DomainException($"「{Label(CorpusSources)}」中「{name}」重复。");
            sources.Add(new CorpusSourceShare(name, c.SharePercent));
        }
        if (sources.Sum(x => x.SharePercent) > 100)
            throw new DomainException($"「{Label(CorpusSources)}」各来源占比合计不能超过100%。");
        var number = Text(f.FiledModelNumber, FiledModelNumber, ShortTextMax);
        if (number is not null)
        {
            number = GenerativeAiNumber.Normalise(number);
            var info = GenerativeAiNumber.Decode(number);
            if (!info.Valid) throw new DomainException($"「{Label(FiledModelNumber)}」无效：{string.Join("；", info.Problems)}");
        }
        return new GenerativeAiServiceForm
        {
            ModelName = Text(f.ModelName, ModelName, ShortTextMax),
            ModelVersion = Text(f.ModelVersion, ModelVersion, ShortTextMax),
            Functions = f.Functions,
            DomainScope = f.DomainScope,
            LimitedDomain = Text(f.LimitedDomain, LimitedDomain, LongTextMax),
            ModelSource = f.ModelSource,
            FiledModelName = Text(f.FiledModelName, FiledModelName, ShortTextMax),
            FiledModelNumber = number,
            CorpusScale = Text(f.CorpusScale, CorpusScale, ShortTextMax),
            CorpusSources = sources,
            CorpusLanguages = Text(f.CorpusLanguages, CorpusLanguages, ShortTextMax),
            Annotation = Text(f.Annotation, Annotation, LongTextMax),
            InferenceCompute = Text(f.InferenceCompute, InferenceCompute, LongTextMax),
            ServiceForms = f.ServiceForms.Distinct().Order().ToList(),
            Audience = f.Audience,
            UserScale = Text(f.UserScale, UserScale, ShortTextMax),
        };
    }

    /// <summary>What in the form blocks submission, in form order (the aggregate adds products and materials).</summary>
    public static List<MissingField> Missing(GenerativeAiServiceForm f)
    {
        var missing = new List<MissingField>();
        void Need(bool ok, string field, string? message = null)
        {
            if (!ok) missing.Add(new MissingField(field, message ?? $"请填写「{Label(field)}」。"));
        }

        Need(f.ModelName is not null, ModelName);
        Need(f.ModelVersion is not null, ModelVersion);
        Need(f.Functions != GenerativeAiFunctions.None, Functions, $"请选择至少一项「{Label(Functions)}」。");
        Need(f.DomainScope is not null, DomainScope, $"请选择「{Label(DomainScope)}」。");
        if (f.DomainScope == GenerativeAiDomainScope.Limited) Need(f.LimitedDomain is not null, LimitedDomain);
        Need(f.ModelSource is not null, ModelSource, $"请选择「{Label(ModelSource)}」。");
        if (f.ModelSource == Suanbei.Core.GenerativeAi.ModelSource.CallsFiledModel)
        {
            Need(f.FiledModelName is not null, FiledModelName, "调用已备案模型的，请选择或填写所调用模型的名称。");
            Need(f.FiledModelNumber is not null, FiledModelNumber, "调用已备案模型的，请填写所调用模型的备案号。");
        }
        Need(f.CorpusScale is not null, CorpusScale);
        Need(f.CorpusSources.Count > 0, CorpusSources, $"请填写至少一个「{Label(CorpusSources)}」。");
        if (f.CorpusSources.Count > 0 && f.CorpusSources.Sum(x => x.SharePercent) != 100)
            missing.Add(new MissingField(CorpusSources, $"「{Label(CorpusSources)}」各来源占比合计应为100%。"));
        Need(f.CorpusLanguages is not null, CorpusLanguages);
        Need(f.Annotation is not null, Annotation);
        Need(f.InferenceCompute is not null, InferenceCompute);
        Need(f.ServiceForms.Count > 0, ServiceForms, $"请选择至少一种「{Label(ServiceForms)}」。");
        Need(f.Audience is not null, Audience, $"请选择「{Label(Audience)}」。");
        Need(f.UserScale is not null, UserScale);
        return missing;
    }

    private const GenerativeAiFunctions AllFunctions = GenerativeAiFunctions.Dialogue | GenerativeAiFunctions.TextGeneration
        | GenerativeAiFunctions.ImageGeneration | GenerativeAiFunctions.VoiceSynthesis | GenerativeAiFunctions.VideoSynthesis
        | GenerativeAiFunctions.CodeGeneration;

    internal static string? Text(string? s, string field, int max)
    {
        var v = string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        if (v is not null && v.Length > max)
            throw new DomainException($"「{Label(field)}」不能超过{max}个字符（现有{v.Length}个）。");
        return v;
    }
}
