using Microsoft.AspNetCore.Mvc;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Filings;

/// <summary>Step ① 基本属性 with the two uploads (自评估报告, 拟公示内容).</summary>
public sealed class BasicModel(FilingService filings, SuanbeiDbContext db, MaterialStore store) : FilingPageModel(filings, db, store)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Name { get; set; }
        public AlgorithmType? Type { get; set; }
        public string? Domain { get; set; }
        public DateOnly? LaunchDate { get; set; }
        public FilingRole? Role { get; set; }
        public string? MainPurpose { get; set; }
        public IFormFile? SelfAssessmentReport { get; set; }
        public IFormFile? DisclosureDocument { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, bool check = false)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (check) MarkMissing(FilingStep.Basic);
        Input = new InputModel
        {
            Name = Filing.Name, Type = Filing.Type, Domain = Filing.Domain, LaunchDate = Filing.LaunchDate, Role = Filing.Role,
            MainPurpose = Filing.MainPurpose,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var report = await UploadAsync(Input.SelfAssessmentReport, "Input.SelfAssessmentReport") ?? Filing.SelfAssessmentReportId;
        var disclosure = await UploadAsync(Input.DisclosureDocument, "Input.DisclosureDocument") ?? Filing.DisclosureDocumentId;
        if (!ModelState.IsValid) return Page();
        var ok = await TryAsync(() => Filings.UpdateBasicAsync(Filing, Actor, new BasicAttributes
        {
            Name = Input.Name, Type = Input.Type, Domain = Input.Domain, LaunchDate = Input.LaunchDate, Role = Input.Role,
            MainPurpose = Input.MainPurpose, SelfAssessmentReportId = report, DisclosureDocumentId = disclosure,
        }));
        if (!ok) return Page();
        return AfterSave(FilingStep.Basic, "基本属性已保存", FilingStep.Details);
    }
}
