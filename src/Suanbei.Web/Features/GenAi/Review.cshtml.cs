using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suanbei.GenAi;
using Suanbei.GenAi.Evaluation;
using Suanbei.GenAi.Keywords;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Materials;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// 人工复核: import a run of <c>suanbei genai eval</c> (its <c>manifest.json</c> and <c>journal.jsonl</c>, plus the
/// keyword bank when it has content questions), then go through the answers of one bank — question, risk, answer,
/// automatic verdict — and mark each 合格/不合格 or 拒答/未拒答 with an optional reason (keyboard: J/K, 1/2, R in
/// site.js; every mark is a plain form post). The rates use a person's verdict where given. Kept for its owner.
/// </summary>
[Authorize(Policy = Policies.Filer)]
public sealed class ReviewModel(SuanbeiDbContext db, MaterialStore store, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    public List<ReviewRun> Runs { get; private set; } = [];
    public ReviewRun? Run { get; private set; }
    public List<ReviewItem> Items { get; private set; } = [];
    public List<ReviewMark> Marks { get; private set; } = [];
    public List<BankTally> Tallies { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>The bank shown, the reviewer marking, and the item the keyboard starts on.</summary>
    public string Bank { get; private set; } = "content";
    public string Reviewer { get; private set; } = "";
    public int? At { get; private set; }
    public int PageIndex { get; private set; }
    public int PageCount { get; private set; }
    public List<ReviewItem> Shown { get; private set; } = [];
    public long MaxMb => store.MaxBytes / (1024 * 1024);

    public ILookup<Guid, ReviewMark> MarksByItem => Marks.ToLookup(m => m.ItemId);

    /// <summary>The queue of <paramref name="bank"/> for the current reviewer, at a page.</summary>
    public string QueueUrl(string bank, int? page = null) =>
        $"/genai/review/{Run!.Id}?bank={bank}&reviewer={Uri.EscapeDataString(Reviewer)}" + (page is { } p ? $"&page={p}" : "");

    public async Task<IActionResult> OnGetAsync(Guid? id, string? bank, string? reviewer, int? at, int? page,
        CancellationToken ct)
    {
        if (id is null)
        {
            await LoadRunsAsync(ct);
            return Page();
        }
        if (!await LoadRunAsync(id.Value, ct)) return NotFound();
        Reviewer = CleanReviewer(reviewer) ?? DefaultReviewer();
        Bank = ReviewVerdicts.Banks.Contains(bank ?? "") ? bank! : Tallies.FirstOrDefault(t => t.Items > 0)?.Bank ?? "content";
        var ofBank = Items.Where(i => i.Bank == Bank).ToList();
        PageCount = Math.Max(1, (ofBank.Count + PageSize - 1) / PageSize);
        var atIndex = at is { } s ? ofBank.FindIndex(i => i.Seq == s) : -1;
        PageIndex = atIndex >= 0 ? atIndex / PageSize : Math.Clamp(page ?? 0, 0, PageCount - 1);
        Shown = ofBank.Skip(PageIndex * PageSize).Take(PageSize).ToList();
        At = atIndex >= 0 ? at : Shown.FirstOrDefault(i => !Marks.Any(m => m.ItemId == i.Id && m.Reviewer == Reviewer))?.Seq;
        return Page();
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
        try
        {
            var manifest = RunFiles.ReadManifest(await BytesAsync(manifestFile!, ct));
            if (keywordBytes is not null && !RunFiles.IsRunKeywordBank(manifest, keywordBytes))
            {
                Errors["Input.Keywords"] = "该关键词库与这次评估使用的不同（SHA-256 不符），请上传评估时 --keywords 指定的文件";
                return await ImportFailedAsync(ct);
            }
            var answers = RunFiles.Judge(manifest, await BytesAsync(journalFile!, ct), keywords);
            if (answers.Count == 0)
            {
                Errors["Input.Journal"] = "journal.jsonl 中没有这次评估任何问题的回答";
                return await ImportFailedAsync(ct);
            }
            var run = new ReviewRun(User.OrganisationId(), Clip(manifest.Model, 200), Clip(manifest.Endpoint ?? "", 500),
                manifest.Seed, clock.GetUtcNow());
            db.Add(run);
            var seq = 0;
            foreach (var a in answers)
                db.Add(new ReviewItem(run.Id, seq++, a.Question.Bank, Clip(a.Question.Key, 200),
                    Clip(string.Join(';', a.Question.Risks), 200), a.Question.Text, a.Answer, a.Success));
            await db.SaveChangesAsync(ct);
            TempData["Message"] = $"已导入 {answers.Count} 条回答";
            return RedirectToPage(new { id = run.Id });
        }
        catch (EvalException e)
        {
            Errors[e.Message.Contains("关键词库") ? "Input.Keywords" : e.Message.StartsWith(EvalRunner.ManifestFile)
                ? "Input.Manifest" : "Input.Journal"] = e.Message;
            return await ImportFailedAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostMarkAsync(Guid id, Guid itemId, bool? verdict, string? reason, string? reviewer,
        CancellationToken ct)
    {
        var owner = User.OrganisationId();
        var run = await db.Set<ReviewRun>().FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == owner, ct);
        var item = run is null ? null : await db.Set<ReviewItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.RunId == run.Id, ct);
        if (item is null) return NotFound();
        var name = CleanReviewer(reviewer) ?? DefaultReviewer();
        if (verdict is null) return BadRequest();
        reason = reason?.Trim();
        if (reason is { Length: > ReviewMark.MaxReasonLength }) reason = reason[..ReviewMark.MaxReasonLength];
        var mark = await db.Set<ReviewMark>().FirstOrDefaultAsync(m => m.ItemId == item.Id && m.Reviewer == name, ct);
        if (mark is null) db.Add(new ReviewMark(run!.Id, item.Id, name, verdict.Value, reason, clock.GetUtcNow()));
        else mark.Set(verdict.Value, reason, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var next = await db.Set<ReviewItem>().Where(i => i.RunId == run!.Id && i.Bank == item.Bank && i.Seq > item.Seq)
            .OrderBy(i => i.Seq).Select(i => (int?)i.Seq).FirstOrDefaultAsync(ct) ?? item.Seq;
        return Redirect($"/genai/review/{run!.Id}?bank={item.Bank}&reviewer={Uri.EscapeDataString(name)}&at={next}#item-{next}");
    }

    /// <summary>The same page again with the import errors, the runs listed.</summary>
    private async Task<IActionResult> ImportFailedAsync(CancellationToken ct)
    {
        await LoadRunsAsync(ct);
        return Page();
    }

    private async Task LoadRunsAsync(CancellationToken ct)
    {
        var owner = User.OrganisationId();
        Runs = await db.Set<ReviewRun>().Where(r => r.OwnerId == owner).OrderByDescending(r => r.ImportedAt).ToListAsync(ct);
    }

    private async Task<bool> LoadRunAsync(Guid id, CancellationToken ct)
    {
        var owner = User.OrganisationId();
        Run = await db.Set<ReviewRun>().FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == owner, ct);
        if (Run is null) return false;
        Items = await db.Set<ReviewItem>().Where(i => i.RunId == id).OrderBy(i => i.Seq).ToListAsync(ct);
        Marks = await db.Set<ReviewMark>().Where(m => m.RunId == id).ToListAsync(ct);
        Tallies = ReviewVerdicts.Banks.Select(b => ReviewStatistics.Tally(b, Items, Marks)).ToList();
        return true;
    }

    private string DefaultReviewer() => CleanReviewer(User.Identity?.Name) ?? "评审人";

    private static string? CleanReviewer(string? name) =>
        name?.Trim() is { Length: > 0 } n ? n.Length > ReviewMark.MaxReviewerLength ? n[..ReviewMark.MaxReviewerLength] : n : null;

    private static string Clip(string s, int max) => s.Length > max ? s[..max] : s;

    private static async Task<byte[]> BytesAsync(IFormFile file, CancellationToken ct)
    {
        var bytes = new byte[file.Length];
        await using var s = file.OpenReadStream();
        await s.ReadExactlyAsync(bytes, ct);
        return bytes;
    }
}
