using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suanbei.GenAi;
using Suanbei.GenAi.Evaluation;
using Suanbei.GenAi.Keywords;
using Suanbei.GenAi.Reporting;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// 人工复核: import a run of <c>suanbei genai eval</c> (its <c>manifest.json</c> and <c>journal.jsonl</c>, plus the
/// keyword bank when it has content questions), then go through the answers of one bank — question, risk, answer,
/// automatic verdict — and mark each 合格/不合格 or 拒答/未拒答 with an optional reason (keyboard: J/K, 1/2, R in
/// site.js; every mark is a plain form post). The rates use a person's verdict where given. Marks are the signed-in
/// account's: the owner invites other accounts by e-mail to review the same run (Cohen's κ between them). The run,
/// its reviewers, the report and the exports are the owner's; an invited account sees the run and its marks only.
/// </summary>
[Authorize(Policy = Policies.Filer)]
public sealed class ReviewModel(SuanbeiDbContext db, MaterialStore store, TimeProvider clock, UserManager<AppUser> users)
    : PageModel
{
    public const int PageSize = 100;

    public List<ReviewRun> Runs { get; private set; } = [];
    public ReviewRun? Run { get; private set; }
    public List<ReviewItem> Items { get; private set; } = [];
    public List<ReviewMark> Marks { get; private set; } = [];
    public List<BankTally> Tallies { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The bank shown, the signed-in account marking, and the item the keyboard starts on.</summary>
    public string Bank { get; private set; } = "content";
    public string Me => User.UserId();
    public string Owner => User.OrganisationId();
    public bool IsOwner => Run?.OwnerId == Owner;
    public List<ReviewRunReviewer> Reviewers { get; private set; } = [];
    /// <summary>Runs other owners invited this account to review.</summary>
    public List<ReviewRun> Invited { get; private set; } = [];
    public int? At { get; private set; }
    public int PageIndex { get; private set; }
    public int PageCount { get; private set; }
    public List<ReviewItem> Shown { get; private set; } = [];
    public long MaxMb => store.MaxBytes / (1024 * 1024);

    public ILookup<Guid, ReviewMark> MarksByItem => Marks.ToLookup(m => m.ItemId);

    /// <summary>The queue of <paramref name="bank"/> for the current reviewer, at a page.</summary>
    public string QueueUrl(string bank, int? page = null) =>
        $"/genai/review/{Run!.Id}?bank={bank}" + (page is { } p ? $"&page={p}" : "");

    public async Task<IActionResult> OnGetAsync(Guid? id, string? bank, int? at, int? page, CancellationToken ct)
    {
        if (id is null)
        {
            await LoadRunsAsync(ct);
            return Page();
        }
        if (!await LoadRunAsync(id.Value, ct)) return NotFound();
        ShowQueue(bank, at, page);
        return Page();
    }

    /// <summary>The 安全自评估报告 of this run with the owner's latest bank checks.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, CancellationToken ct)
    {
        var owner = User.OrganisationId();
        if (await ReviewResults.LoadAsync(db, id, owner, ct) is not { } results) return NotFound();
        var banks = await ReviewResults.LatestBanksAsync(db, owner, ct);
        var bytes = GenerativeAiSelfAssessmentReport.Build(new SelfAssessmentInput(null, results, banks, null, clock.GetUtcNow()));
        return File(bytes, GenerativeAiSelfAssessmentReport.DocxType, $"{results.Model}-{GenerativeAiSelfAssessmentReport.FileName}");
    }

    /// <summary>The run's results as XLSX (<c>format=xlsx</c>, the default) or JSON.</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, string? format, CancellationToken ct)
    {
        if (await ReviewResults.LoadAsync(db, id, User.OrganisationId(), ct) is not { } results) return NotFound();
        return format == "json"
            ? File(RunResultsExport.Json(results), "application/json", $"{results.Model}-评估结果.json")
            : File(RunResultsExport.Xlsx(results), RunResultsExport.XlsxType, $"{results.Model}-评估结果.xlsx");
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var form = Request.Form;
        var manifestFile = form.Files.GetFile("Input.Manifest");
        var journalFile = form.Files.GetFile("Input.Journal");
        var keywordFile = form.Files.GetFile("Input.Keywords");
        if (manifestFile is null || manifestFile.Length == 0) Errors["Input.Manifest"] = "请选择评估输出目录中的 manifest.json";
        if (journalFile is null || journalFile.Length == 0) Errors["Input.Journal"] = "请选择评估输出目录中的 journal.jsonl";
        foreach (var (field, f) in new[] { ("Input.Manifest", manifestFile), ("Input.Journal", journalFile) })
            if (f is not null && f.Length > store.MaxBytes)
                Errors[field] = $"文件“{MaterialStore.DisplayName(f.FileName)}”超过大小上限 {MaxMb} MB";
        KeywordLibrary? keywords = null;
        byte[]? keywordBytes = null;
        if (keywordFile is { Length: > 0 })
        {
            var (bank, bytes, _, error) = await BankUpload.ReadAsync(keywordFile, store.MaxBytes, ct);
            if (error is not null) Errors["Input.Keywords"] = error;
            else (keywords, keywordBytes) = (KeywordLibrary.FromBank(bank!), bytes);
        }
        if (Errors.Count > 0) return await ImportFailedAsync(ct);
        var (run, answers, errors) = await ReviewImport.ImportAsync(db, User.OrganisationId(), await BytesAsync(manifestFile!, ct),
            await BytesAsync(journalFile!, ct), keywords, keywordBytes, clock.GetUtcNow(), ct);
        if (run is null)
        {
            foreach (var (input, message) in errors)
                Errors[input == ReviewImport.Manifest ? "Input.Manifest"
                    : input == ReviewImport.Journal ? "Input.Journal" : "Input.Keywords"] = message;
            return await ImportFailedAsync(ct);
        }
        TempData["Message"] = $"已导入 {answers} 条回答";
        return RedirectToPage(new { id = run.Id });
    }

    public async Task<IActionResult> OnPostMarkAsync(Guid id, Guid itemId, bool? verdict, string? reason, CancellationToken ct)
    {
        var run = await VisibleRunAsync(id, ct);
        var item = run is null ? null : await db.Set<ReviewItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.RunId == run.Id, ct);
        if (item is null) return NotFound();
        if (verdict is null) return BadRequest();
        reason = reason?.Trim();
        if (reason is { Length: > ReviewMark.MaxReasonLength }) reason = reason[..ReviewMark.MaxReasonLength];
        var me = Me;
        var name = Clip(User.Identity?.Name ?? me, ReviewMark.MaxReviewerLength);
        var mark = await db.Set<ReviewMark>().FirstOrDefaultAsync(m => m.ItemId == item.Id && m.ReviewerId == me, ct);
        if (mark is null) db.Add(new ReviewMark(run!.Id, item.Id, me, name, verdict.Value, reason, clock.GetUtcNow()));
        else mark.Set(verdict.Value, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var next = await db.Set<ReviewItem>().Where(i => i.RunId == run!.Id && i.Bank == item.Bank && i.Seq > item.Seq)
            .OrderBy(i => i.Seq).Select(i => (int?)i.Seq).FirstOrDefaultAsync(ct) ?? item.Seq;
        return Redirect($"/genai/review/{run!.Id}?bank={item.Bank}&at={next}#item-{next}");
    }

    /// <summary>Invites the account with <paramref name="email"/> to review this run (owner only).</summary>
    public async Task<IActionResult> OnPostAddReviewerAsync(Guid id, string? email, CancellationToken ct)
    {
        var me = Me;
        var run = await db.Set<ReviewRun>().FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == Owner, ct);
        if (run is null) return NotFound();
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null) Errors["email"] = string.IsNullOrWhiteSpace(email) ? "请填写评审人的登录邮箱" : $"没有使用邮箱“{email.Trim()}”的账号";
        else if (user.Id == me) Errors["email"] = "本评估的所有者无需添加为评审人";
        if (Errors.Count > 0)
        {
            await LoadRunAsync(id, ct);
            ShowQueue(null, null, null);
            return Page();
        }
        if (!await db.Set<ReviewRunReviewer>().AnyAsync(r => r.RunId == id && r.UserId == user!.Id, ct))
        {
            db.Add(new ReviewRunReviewer(id, user!.Id, user.Email ?? email!.Trim(), clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = $"已邀请 {user!.Email} 复核本次评估";
        return Redirect($"/genai/review/{id}");
    }

    /// <summary>Withdraws an invitation (owner only); the reviewer's marks stay, as they were made.</summary>
    public async Task<IActionResult> OnPostRemoveReviewerAsync(Guid id, Guid reviewerId, CancellationToken ct)
    {
        var me = Me;
        if (!await db.Set<ReviewRun>().AnyAsync(r => r.Id == id && r.OwnerId == Owner, ct)) return NotFound();
        var reviewer = await db.Set<ReviewRunReviewer>().FirstOrDefaultAsync(r => r.Id == reviewerId && r.RunId == id, ct);
        if (reviewer is null) return NotFound();
        db.Remove(reviewer);
        await db.SaveChangesAsync(ct);
        return Redirect($"/genai/review/{id}");
    }

    /// <summary>The queue of one bank at a page, and the item the keyboard starts on.</summary>
    private void ShowQueue(string? bank, int? at, int? page)
    {
        Bank = ReviewVerdicts.Banks.Contains(bank ?? "") ? bank! : Tallies.FirstOrDefault(t => t.Items > 0)?.Bank ?? "content";
        var ofBank = Items.Where(i => i.Bank == Bank).ToList();
        PageCount = Math.Max(1, (ofBank.Count + PageSize - 1) / PageSize);
        var atIndex = at is { } s ? ofBank.FindIndex(i => i.Seq == s) : -1;
        PageIndex = atIndex >= 0 ? atIndex / PageSize : Math.Clamp(page ?? 0, 0, PageCount - 1);
        Shown = ofBank.Skip(PageIndex * PageSize).Take(PageSize).ToList();
        At = atIndex >= 0 ? at : Shown.FirstOrDefault(i => !Marks.Any(m => m.ItemId == i.Id && m.ReviewerId == Me))?.Seq;
    }

    /// <summary>The run when this account owns it or was invited to review it.</summary>
    private async Task<ReviewRun?> VisibleRunAsync(Guid id, CancellationToken ct)
    {
        var me = Me;
        return await db.Set<ReviewRun>().FirstOrDefaultAsync(r => r.Id == id && (r.OwnerId == Owner
            || db.Set<ReviewRunReviewer>().Any(x => x.RunId == r.Id && x.UserId == me)), ct);
    }

    /// <summary>The same page again with the import errors, the runs listed.</summary>
    private async Task<IActionResult> ImportFailedAsync(CancellationToken ct)
    {
        await LoadRunsAsync(ct);
        return Page();
    }

    private async Task LoadRunsAsync(CancellationToken ct)
    {
        var me = Me;
        Runs = await db.Set<ReviewRun>().Where(r => r.OwnerId == Owner).OrderByDescending(r => r.ImportedAt).ToListAsync(ct);
        Invited = await db.Set<ReviewRun>()
            .Where(r => db.Set<ReviewRunReviewer>().Any(x => x.RunId == r.Id && x.UserId == me))
            .OrderByDescending(r => r.ImportedAt).ToListAsync(ct);
    }

    private async Task<bool> LoadRunAsync(Guid id, CancellationToken ct)
    {
        Run = await VisibleRunAsync(id, ct);
        if (Run is null) return false;
        Items = await db.Set<ReviewItem>().Where(i => i.RunId == id).OrderBy(i => i.Seq).ToListAsync(ct);
        Marks = await db.Set<ReviewMark>().Where(m => m.RunId == id).ToListAsync(ct);
        Tallies = ReviewVerdicts.Banks.Select(b => ReviewStatistics.Tally(b, Items, Marks)).ToList();
        if (IsOwner) Reviewers = await db.Set<ReviewRunReviewer>().Where(r => r.RunId == id).OrderBy(r => r.AddedAt).ToListAsync(ct);
        return true;
    }

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;

    private static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken ct)
    {
        var bytes = new byte[file.Length];
        await using var s = file.OpenReadStream();
        await s.ReadExactlyAsync(bytes, ct);
        return bytes;
    }
}
