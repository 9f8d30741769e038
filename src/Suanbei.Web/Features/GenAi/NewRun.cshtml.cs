using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suanbei.GenAi;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Operations;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// 发起评估: the organisation's editor picks a stored version of each of the four banks, the endpoint and its settings
/// (sample sizes default to the standard's) and the API key — kept encrypted and never shown again — or the name of an
/// environment variable of the server. The run then goes on in the background (<see cref="EvalRunWorker"/>).
/// </summary>
[Authorize(Policy = Policies.Filer)]
public sealed class NewRunModel(SuanbeiDbContext db, IDataProtectionProvider protection, OutboundAddressGuard guard,
    SuanbeiHostOptions options, TimeProvider clock) : PageModel
{
    [BindProperty]
    public EvalRunInput Input { get; set; } = new();

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The organisation's bank versions of each kind, newest first.</summary>
    public Dictionary<BankKind, List<BankVersionOption>> Versions { get; private set; } = [];

    public bool MayWrite => User.MayWriteOrganisationData();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadVersionsAsync(ct);
        Input = new EvalRunInput
        {
            Concurrency = "8", Seed = "1",
            SampleContent = EvalRuns.DefaultSample("content").ToString(),
            SampleRefuse = EvalRuns.DefaultSample("refuse").ToString(),
            SampleAnswer = EvalRuns.DefaultSample("answer").ToString(),
            ContentBank = Latest(BankKind.Content), RefuseBank = Latest(BankKind.Refuse),
            AnswerBank = Latest(BankKind.Answer), KeywordBank = Latest(BankKind.Keywords),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (run, errors) = await EvalRuns.CreateAsync(db, protection, guard, options, User.OrganisationId(), User.Identity?.Name ?? "",
            Input, clock.GetUtcNow(), ct);
        if (run is not null)
        {
            TempData["Message"] = "评估已开始，在后台运行；本页显示实时进度。";
            return Redirect($"/genai/runs/{run.Id}");
        }
        foreach (var (field, message) in errors) Errors["Input." + field] = message;
        Input.ApiKey = null; // never sent back to the browser
        await LoadVersionsAsync(ct);
        return Page();
    }

    private string? Latest(BankKind kind) =>
        Versions.GetValueOrDefault(kind)?.FirstOrDefault()?.Id.ToString();

    private async Task LoadVersionsAsync(CancellationToken ct)
    {
        var owner = User.OrganisationId();
        var checks = await db.Set<BankCheck>().AsNoTracking().Where(c => c.OwnerId == owner && c.ItemsJson != null)
            .Select(c => new BankVersionOption(c.Id, c.Kind, c.BankName, c.Version, c.Items, c.Ok, c.CheckedAt))
            .ToListAsync(ct);
        Versions = EvalRuns.Banks.ToDictionary(b => b.Kind, b => checks.Where(c => c.Kind == b.Kind.Code())
            .OrderByDescending(c => c.CheckedAt).ThenByDescending(c => c.Version).ToList());
    }
}
