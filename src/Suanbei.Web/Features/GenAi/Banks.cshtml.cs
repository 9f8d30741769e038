using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// 题库覆盖检查: a filer uploads one of the four banks and sees it against the GB/T 45654 quotas — items against the
/// minimum, each risk against its minimum with the shortfalls, duplicates and invalid rows — and a chart per risk.
/// Each upload is a new version of a named bank (who, when, items, coverage), kept for its owner; another account's
/// check is not found. Two versions compare on /genai/banks/diff.
/// </summary>
[Authorize(Policy = Policies.Filer)]
public sealed class BanksModel(SuanbeiDbContext db, MaterialStore store, TimeProvider clock) : PageModel
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public List<BankCheck> Checks { get; private set; } = [];
    public BankCheck? Selected { get; private set; }
    public BankReport? Report { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public string Kind { get; private set; } = BankKind.Content.Code();
    public string Name { get; private set; } = "";
    public long MaxMb => store.MaxBytes / (1024 * 1024);

    public static AssessmentRules Rules => AssessmentRules.Default;
    public static IEnumerable<BankKind> Kinds => Enum.GetValues<BankKind>();

    /// <summary>The codes the selected bank must cover with each one's minimum, in the data file's order.</summary>
    public IReadOnlyList<(string Code, string Name, int Minimum)> Coverage => Report is null ? []
        : Rules.Coverage(Report.Kind).Select(c => (c.Code.Code, c.Code.Name, c.Quota.Minimum)).ToList();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (id is null) return Page();
        Selected = Checks.FirstOrDefault(c => c.Id == id);
        if (Selected is null) return NotFound();
        Report = JsonSerializer.Deserialize<BankReport>(Selected.ReportJson, Json);
        Kind = Selected.Kind;
        Name = Selected.BankName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = "Input.Kind")] string? kind,
        [FromForm(Name = "Input.Name")] string? name, [FromForm(Name = "Input.File")] IFormFile? file, CancellationToken ct)
    {
        Kind = kind ?? "";
        Name = name?.Trim() ?? "";
        var bankKind = Kinds.Where(k => k.Code() == kind).Select(k => (BankKind?)k).FirstOrDefault();
        if (bankKind is null) Errors["Input.Kind"] = "请选择题库类型";
        if (Name.Length > BankCheck.MaxNameLength) Errors["Input.Name"] = $"题库名称不能超过 {BankCheck.MaxNameLength} 个字符";
        if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName)) Errors["Input.File"] = "请选择题库文件";
        if (Errors.Count == 0)
        {
            var (bank, _, format, error) = await BankUpload.ReadAsync(file!, store.MaxBytes, ct);
            if (error is not null) Errors["Input.File"] = error;
            else
            {
                var check = await BankVersions.AddAsync(db, User.OrganisationId(), User.Identity?.Name ?? "", bankKind!.Value, Name,
                    MaterialStore.DisplayName(file!.FileName), format, bank!, clock.GetUtcNow(), ct);
                return RedirectToPage(new { id = check.Id });
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The version of the selected check's bank just before it, to compare with.</summary>
    public BankCheck? Previous => Selected is not { } s ? null
        : Checks.Where(c => c.Kind == s.Kind && c.BankName == s.BankName && c.Version < s.Version)
            .MaxBy(c => c.Version);

    public static string KindName(string code) =>
        Kinds.Where(k => k.Code() == code).Select(k => Rules.Bank(k).Name).FirstOrDefault() ?? code;

    private async Task LoadAsync(CancellationToken ct)
    {
        var owner = User.OrganisationId();
        Checks = await db.Set<BankCheck>().Where(c => c.OwnerId == owner).OrderByDescending(c => c.CheckedAt).ToListAsync(ct);
    }
}
