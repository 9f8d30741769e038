using Microsoft.AspNetCore.Mvc;
using Suanbei.Core;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Products;
using Suanbei.Registry;
using Suanbei.Web.Data;
using Suanbei.Web.Features.GenAi;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>
/// The 上线备案表 in four steps (模型与功能, 语料与算力, 服务与产品, 备案材料). Each step saves only its own fields, so a
/// draft may be incomplete; what submission still needs is marked next to its input.
/// </summary>
public sealed class EditModel(GenAiFilingService filings, SuanbeiDbContext db, MaterialStore store, GenAiToolkitMaterials toolkit)
    : GenAiPageModel(filings)
{
    /// <summary>Rows of 语料来源及占比 offered on the form.</summary>
    public const int CorpusRows = 6;

    public GenerativeAiStep Step { get; private set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public List<Guid> ProductIds { get; set; } = [];
    /// <summary>A registry entry chosen as the called model: "number|name".</summary>
    [BindProperty] public string? FiledModelChoice { get; set; }
    [BindProperty(SupportsGet = true)] public string? ModelQuery { get; set; }

    public IReadOnlyList<RegistryEntry> FiledModels { get; private set; } = [];
    public List<Product> SubjectProducts { get; private set; } = [];
    public string? StepNotice { get; private set; }
    /// <summary>The organisation's bank versions and runs a material may be linked to, and what the filing links now.</summary>
    public List<BankCheck> Banks { get; private set; } = [];
    public List<ReviewRun> Runs { get; private set; } = [];
    public IReadOnlyList<GenAiLinkedMaterial> Linked { get; private set; } = [];

    /// <summary>The name of a toolkit choice's field: the material's key, and for a bank version the bank's kind.</summary>
    public static string ToolkitField(string key, string part) => part.Length == 0 ? $"toolkit-{key}" : $"toolkit-{key}-{part}";

    public sealed class InputModel
    {
        public string? ModelName { get; set; }
        public string? ModelVersion { get; set; }
        public List<GenerativeAiFunctions> Functions { get; set; } = [];
        public GenerativeAiDomainScope? DomainScope { get; set; }
        public string? LimitedDomain { get; set; }
        public ModelSource? ModelSource { get; set; }
        public string? FiledModelName { get; set; }
        public string? FiledModelNumber { get; set; }
        public string? CorpusScale { get; set; }
        public List<string?> CorpusSource { get; set; } = [];
        public List<string?> CorpusShare { get; set; } = [];
        public string? CorpusLanguages { get; set; }
        public string? Annotation { get; set; }
        public string? InferenceCompute { get; set; }
        public List<ProductForm> ServiceForms { get; set; } = [];
        public ProductAudience? Audience { get; set; }
        public string? UserScale { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, int step = 1, bool check = false)
    {
        if (!await LoadAsync(id)) return NotFound();
        Step = StepOf(step);
        Fill();
        if (check) MarkMissing(Step);
        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int step = 1)
    {
        if (!await LoadAsync(id)) return NotFound();
        Step = StepOf(step);
        var ct = HttpContext.RequestAborted;
        var ok = Step switch
        {
            GenerativeAiStep.Model or GenerativeAiStep.Corpus or GenerativeAiStep.Service when ParseForm() is { } form =>
                await TryAsync(async () =>
                {
                    await Filings.UpdateFormAsync(Filing, Actor, form, ct);
                    if (Step == GenerativeAiStep.Service) await Filings.UpdateProductsAsync(Filing, Actor, ProductIds, ct);
                }),
            GenerativeAiStep.Materials => await SaveMaterialsAsync(ct),
            _ => false,
        };
        await LoadChoicesAsync();
        if (!ok) return Page();
        var missing = MarkMissing(Step);
        var title = DisplayNames.Of(Step);
        if (missing == 0)
        {
            TempData["Message"] = $"「{title}」已保存。";
            return Redirect(Step == GenerativeAiStep.Materials ? $"/genai-filings/{id}" : $"/genai-filings/{id}/edit/{(int)Step + 1}");
        }
        StepNotice = $"「{title}」已保存（草稿）。本步还有 {missing} 项未完成，已在对应字段旁标出；补全后才能提交。";
        Fill();
        return Page();
    }

    private static GenerativeAiStep StepOf(int step) =>
        Enum.IsDefined((GenerativeAiStep)step) ? (GenerativeAiStep)step : GenerativeAiStep.Model;

    private void Fill()
    {
        var f = Filing.Form;
        Input = new InputModel
        {
            ModelName = f.ModelName, ModelVersion = f.ModelVersion,
            Functions = Enum.GetValues<GenerativeAiFunctions>().Where(x => x != 0 && f.Functions.HasFlag(x)).ToList(),
            DomainScope = f.DomainScope, LimitedDomain = f.LimitedDomain, ModelSource = f.ModelSource,
            FiledModelName = f.FiledModelName, FiledModelNumber = f.FiledModelNumber, CorpusScale = f.CorpusScale,
            CorpusSource = f.CorpusSources.Select(c => (string?)c.Source).ToList(),
            CorpusShare = f.CorpusSources.Select(c => (string?)c.SharePercent.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .ToList(),
            CorpusLanguages = f.CorpusLanguages, Annotation = f.Annotation, InferenceCompute = f.InferenceCompute,
            ServiceForms = f.ServiceForms.ToList(), Audience = f.Audience, UserScale = f.UserScale,
        };
        ProductIds = Filing.Products.Select(p => p.ProductId).ToList();
    }

    /// <summary>The step's fields over the saved form; null (with the error under the field) when a share is not a number.</summary>
    private GenerativeAiServiceForm? ParseForm()
    {
        var f = Filing.Form;
        switch (Step)
        {
            case GenerativeAiStep.Model:
                var (name, number) = (Input.FiledModelName, Input.FiledModelNumber);
                if (FiledModelChoice?.Split('|', 2) is [var n, var m]) (number, name) = (n, m);
                return f with
                {
                    ModelName = Input.ModelName,
                    ModelVersion = Input.ModelVersion,
                    Functions = Input.Functions.Aggregate(GenerativeAiFunctions.None, (a, x) => a | x),
                    DomainScope = Input.DomainScope,
                    LimitedDomain = Input.LimitedDomain,
                    ModelSource = Input.ModelSource,
                    FiledModelName = name,
                    FiledModelNumber = number,
                };
            case GenerativeAiStep.Corpus:
                var sources = new List<CorpusSourceShare>();
                for (var i = 0; i < Input.CorpusSource.Count; i++)
                {
                    var source = Input.CorpusSource[i];
                    var share = i < Input.CorpusShare.Count ? Input.CorpusShare[i]?.Trim().TrimEnd('%', '％') : null;
                    if (string.IsNullOrWhiteSpace(source) && string.IsNullOrWhiteSpace(share)) continue;
                    if (!decimal.TryParse(share, System.Globalization.NumberStyles.Number,
                            System.Globalization.CultureInfo.InvariantCulture,
                            out var percent))
                    {
                        ModelState.AddModelError(GenerativeAiFormFields.CorpusSources,
                            $"「{GenerativeAiFormFields.Label(GenerativeAiFormFields.CorpusSources)}」第{i + 1}行的占比应为数字（百分比）。");
                        return null;
                    }
                    sources.Add(new CorpusSourceShare(source ?? "", percent));
                }
                return f with
                {
                    CorpusScale = Input.CorpusScale,
                    CorpusSources = sources,
                    CorpusLanguages = Input.CorpusLanguages,
                    Annotation = Input.Annotation,
                    InferenceCompute = Input.InferenceCompute,
                };
            default:
                return f with { ServiceForms = Input.ServiceForms, Audience = Input.Audience, UserScale = Input.UserScale };
        }
    }

    /// <summary>
    /// Stores each chosen upload as a material of this account and attaches it under its key; otherwise links the bank
    /// versions or run chosen from the toolkit (choosing none removes an earlier link, never an upload).
    /// </summary>
    private async Task<bool> SaveMaterialsAsync(CancellationToken ct)
    {
        foreach (var m in GenerativeAiRules.Current.Materials)
        {
            var file = Request.Form.Files.GetFile("material-" + m.Key);
            if (file is null || file.Length == 0)
            {
                if (m.Toolkit is { } option && !await LinkChosenAsync(m, option, ct)) return false;
                continue;
            }
            try
            {
                await using var stream = file.OpenReadStream();
                var saved = await store.SaveAsync(db, User.OrganisationId(), file.FileName, stream, Filings.Now, ct);
                await db.SaveChangesAsync(ct);
                if (!await TryAsync(() => Filings.SetMaterialAsync(Filing, Actor, m.Key, saved.Id, ct))) return false;
            }
            catch (MaterialRejectedException e)
            {
                ModelState.AddModelError(m.Key, $"《{m.Name}》：{e.Message}");
                return false;
            }
        }
        return true;
    }

    private async Task<bool> LinkChosenAsync(GenerativeAiMaterial m, GenerativeAiToolkitOption option, CancellationToken ct)
    {
        IEnumerable<string> parts = option.Source == GenerativeAiMaterialSource.ReviewRun ? [""] : option.Parts;
        var ids = parts.Select(p => Guid.TryParse(Request.Form[ToolkitField(m.Key, p)].ToString(), out var id) ? id : (Guid?)null)
            .OfType<Guid>().ToList();
        var current = Filing.ToolkitLinksOf(m.Key).Select(l => l.MaterialId).ToList();
        if ((ids.Count == 0 && current.Count == 0) || ids.ToHashSet().SetEquals(current)) return true;
        try
        {
            await toolkit.LinkAsync(Filing, Actor, m.Key, ids, ct);
            return true;
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(m.Key, e.Message);
            return false;
        }
    }

    private async Task LoadChoicesAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (Step == GenerativeAiStep.Materials)
        {
            (Banks, Runs) = await toolkit.ChoicesAsync(User.OrganisationId(), ct);
            Linked = await toolkit.DescribeAsync(Filing, ct);
        }
        if (Step == GenerativeAiStep.Service) SubjectProducts = await Filings.ProductsOfSubjectAsync(Filing.SubjectId, ct);
        if (Step == GenerativeAiStep.Model) FiledModels = await Filings.FiledModelsAsync(ModelQuery, ct);
    }
}
