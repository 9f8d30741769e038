using Microsoft.AspNetCore.Mvc;
using Suanbei.Core.Calendar;
using Suanbei.Core.Filings;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Filings;

/// <summary>A filing's overview for its filer: status, Art. 25 clock, audit trail, number + footer snippet, change and
/// cancellation.</summary>
public sealed class ViewModel(FilingService filings, SuanbeiDbContext db, MaterialStore store, Suanbei.Web.Hosting.SuanbeiHostOptions host)
    : FilingPageModel(filings, db, store)
{
    public ReviewClock Clock { get; private set; } = null!;
    /// <summary>Today in Beijing, for overdue flags.</summary>
    public DateOnly Today => ChinaTime.Date(Filings.Now);
    public Deadline? Deadline { get; private set; }
    public List<AlgorithmFiling> Versions { get; private set; } = [];
    public string? PublicUrl { get; private set; }
    public string? FooterSnippet { get; private set; }

    [BindProperty] public DateOnly? EventDate { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public bool Confirmed { get; set; }
    public string? ConfirmError { get; private set; }

    private async Task<bool> LoadAllAsync(Guid id)
    {
        if (!await LoadAsync(id)) return false;
        Clock = Filing.Clock(Filings.Now, Filings.Calendar);
        Deadline = Filing.FilerDeadline(Filings.Calendar);
        Versions = await Filings.VersionsAsync(Filing.EntryId);
        await LoadSummaryAsync();
        if (Filing.FilingNumber is { } n)
        {
            PublicUrl = host.PublicUrl(Request, PublicPaths.Entry(n));
            FooterSnippet = FilingNumbers.FooterSnippet(n, PublicUrl);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAllAsync(id) ? Page() : NotFound();

    /// <summary>The legal deadline for an event date, shown before anything is started (10 / 20 working days, Art. 24).</summary>
    public Deadline? Preview { get; private set; }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, DeadlineKind kind)
    {
        if (!await LoadAllAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page(); // e.g. a date outside the plausible range, text with NUL
        if (EventDate is not { } date) { ModelState.AddModelError(nameof(EventDate), "请先填写日期。"); return Page(); }
        if (kind is not (DeadlineKind.Change or DeadlineKind.Cancellation)) return BadRequest();
        Preview = Suanbei.Core.Filings.Deadline.Compute(kind, date, Filings.Calendar);
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id)
    {
        if (!await LoadAllAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page(); // e.g. a date outside the plausible range, text with NUL
        if (EventDate is not { } date) { ModelState.AddModelError(nameof(EventDate), "请填写变更发生日期。"); return Page(); }
        AlgorithmFiling? change = null;
        if (!await TryAsync(async () => change = await Filings.StartChangeAsync(Filing, Actor, date, Description))) return Page();
        var deadline = change!.FilerDeadline(Filings.Calendar);
        TempData["Message"] = "已发起变更：" + deadline?.Display + "。变更通过审核前，公示信息保持原样。";
        return Redirect($"/filings/{change.Id}/basic");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id)
    {
        if (!await LoadAllAsync(id)) return NotFound();
        if (!ModelState.IsValid) return Page(); // e.g. a date outside the plausible range, text with NUL
        if (EventDate is not { } date) { ModelState.AddModelError(nameof(EventDate), "请填写停止服务日期。"); return Page(); }
        if (!Confirmed)
        {
            ConfirmError = Confirmations.Cancel.Missing;
            ModelState.AddModelError(Confirmations.Field, ConfirmError);
            return Page();
        }
        if (!await TryAsync(() => Filings.CancelAsync(Filing, Actor, date, Description))) return Page();
        TempData["Message"] = "已注销：" + Filing.FilerDeadline(Filings.Calendar)?.Display + "。公示信息保留并标注“已注销”，备案编号不再使用。";
        return Redirect($"/filings/{id}");
    }
}
