using Microsoft.AspNetCore.Mvc;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Filings;

/// <summary>Step ② 详细属性: description, data, model, strategy, risks, labeling per output modality, content management, 拟公示内容.</summary>
public sealed class DetailsModel(FilingService filings, SuanbeiDbContext db, MaterialStore store) : FilingPageModel(filings, db, store)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class LabelInput
    {
        public string? Explicit { get; set; }
        public string? Implicit { get; set; }
        public IFormFile? Example { get; set; }
    }

    public sealed class InputModel
    {
        public string? Summary { get; set; }
        public string? Scenarios { get; set; }
        public List<DataModality> InputModalities { get; set; } = [];
        public List<DataModality> OutputModalities { get; set; } = [];
        public string? DataSources { get; set; }
        public bool? UsesBiometricData { get; set; }
        public bool? UsesIdentityData { get; set; }
        public string? ModelAndTrainingData { get; set; }
        public string? Strategy { get; set; }
        public string? RisksAndSafeguards { get; set; }
        public string? ModerationFlow { get; set; }
        public int? LogRetentionMonths { get; set; }
        public string? ComplaintChannels { get; set; }
        public string? RegulatorCooperation { get; set; }
        public string? DisclosurePrinciple { get; set; }
        public string? DisclosureMechanism { get; set; }
        public string? DisclosureScenarios { get; set; }
        public string? DisclosurePurpose { get; set; }
        /// <summary>One per modality in <see cref="FilingNames.Modalities"/> order (文本, 图片, 音频, 视频, 虚拟场景).</summary>
        public List<LabelInput> Labels { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(Guid id, bool check = false)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (check) MarkMissing(FilingStep.Details);
        var f = Filing;
        Input = new InputModel
        {
            Summary = f.Summary, Scenarios = f.Scenarios, DataSources = f.DataSources,
            InputModalities = FilingNames.Modalities.Where(m => f.InputModalities.HasFlag(m)).ToList(),
            OutputModalities = FilingNames.Modalities.Where(m => f.OutputModalities.HasFlag(m)).ToList(),
            UsesBiometricData = f.UsesBiometricData, UsesIdentityData = f.UsesIdentityData, ModelAndTrainingData = f.ModelAndTrainingData,
            Strategy = f.Strategy, RisksAndSafeguards = f.RisksAndSafeguards, ModerationFlow = f.ModerationFlow,
            LogRetentionMonths = f.LogRetentionMonths, ComplaintChannels = f.ComplaintChannels,
            RegulatorCooperation = f.RegulatorCooperation,
            DisclosurePrinciple = f.DisclosurePrinciple, DisclosureMechanism = f.DisclosureMechanism,
            DisclosureScenarios = f.DisclosureScenarios, DisclosurePurpose = f.DisclosurePurpose,
            Labels = FilingNames.Modalities.Select(m => f.Labeling.FirstOrDefault(l => l.Modality == m) is { } l
                ? new LabelInput { Explicit = l.ExplicitMethod, Implicit = l.ImplicitMethod } : new LabelInput()).ToList(),
        };
        return Page();
    }

    public FilingLabeling? Saved(DataModality m) => Filing.Labeling.FirstOrDefault(l => l.Modality == m);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var labeling = new List<LabelingInput>();
        for (var i = 0; i < FilingNames.Modalities.Count; i++)
        {
            var m = FilingNames.Modalities[i];
            var input = i < Input.Labels.Count ? Input.Labels[i] : new LabelInput();
            var example = await UploadAsync(input.Example, $"Input.Labels[{i}].Example") ?? Saved(m)?.ExampleMaterialId;
            if (input.Explicit is not null || input.Implicit is not null || example is not null)
                labeling.Add(new LabelingInput(m, input.Explicit, input.Implicit, example));
        }
        if (!ModelState.IsValid) return Page();
        var details = new DetailedAttributes
        {
            Summary = Input.Summary, Scenarios = Input.Scenarios,
            InputModalities = Input.InputModalities.Aggregate(DataModality.None, (a, m) => a | m),
            OutputModalities = Input.OutputModalities.Aggregate(DataModality.None, (a, m) => a | m),
            DataSources = Input.DataSources, UsesBiometricData = Input.UsesBiometricData, UsesIdentityData = Input.UsesIdentityData,
            ModelAndTrainingData = Input.ModelAndTrainingData, Strategy = Input.Strategy, RisksAndSafeguards = Input.RisksAndSafeguards,
            ModerationFlow = Input.ModerationFlow, LogRetentionMonths = Input.LogRetentionMonths,
            ComplaintChannels = Input.ComplaintChannels, RegulatorCooperation = Input.RegulatorCooperation,
            DisclosurePrinciple = Input.DisclosurePrinciple, DisclosureMechanism = Input.DisclosureMechanism,
            DisclosureScenarios = Input.DisclosureScenarios, DisclosurePurpose = Input.DisclosurePurpose,
        };
        if (!await TryAsync(() => Filings.UpdateDetailsAsync(Filing, Actor, details, labeling))) return Page();
        return AfterSave(FilingStep.Details, "详细属性已保存", FilingStep.Products);
    }
}
