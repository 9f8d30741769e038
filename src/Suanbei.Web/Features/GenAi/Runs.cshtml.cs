using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;
using Suanbei.Web.Identity;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// 评估运行: the organisation's evaluations started from the web, and one run's live progress — status, answered /
/// total, requests, retries, errors, rate and ETA, or why it waits (排队中), as of the page's load (with a 刷新 link), kept current by site.js
/// polling <c>?handler=progress</c>. Editors stop (停止) and resume (继续) a run; viewers only read.
/// </summary>
[Authorize(Policy = Policies.Filer)]
public sealed class RunsModel(SuanbeiDbContext db, EvalRunWorker worker, TimeProvider clock, SuanbeiHostOptions options) : PageModel
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public List<EvalRun> Runs { get; private set; } = [];
    public EvalRun? Run { get; private set; }
    public bool MayWrite => User.MayWriteOrganisationData();
    public int MaxConcurrentRuns => options.MaxConcurrentEvalRuns;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        var owner = User.OrganisationId();
        if (id is null)
        {
            Runs = await db.Set<EvalRun>().AsNoTracking().Where(r => r.OwnerId == owner).ToListAsync(ct);
            Runs = Runs.OrderByDescending(r => r.CreatedAt).ToList();
            return Page();
        }
        Run = await FindAsync(id.Value, ct);
        return Run is null ? NotFound() : Page();
    }

    /// <summary>The run's progress as JSON, for the page's script (same object as the API's).</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } run) return NotFound();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Writer)) EvalRuns.WriteProgress(w, run);
        Response.Headers.CacheControl = "no-store";
        return Content(Encoding.UTF8.GetString(buffer.ToArray()), "application/json; charset=utf-8");
    }

    public async Task<IActionResult> OnPostStopAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null) return NotFound();
        if (await EvalRuns.StopAsync(db, id, User.OrganisationId(), clock.GetUtcNow(), ct))
        {
            worker.Cancel(id);
            TempData["Message"] = "已停止；已保存的回答保留，继续时不再询问。";
        }
        return Redirect($"/genai/runs/{id}");
    }

    public async Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is null) return NotFound();
        if (await EvalRuns.ResumeAsync(db, id, User.OrganisationId(), clock.GetUtcNow(), ct))
            TempData["Message"] = "已继续：只询问尚未得到回答的问题。";
        return Redirect($"/genai/runs/{id}");
    }

    private Task<EvalRun?> FindAsync(Guid id, CancellationToken ct)
    {
        var owner = User.OrganisationId();
        return db.Set<EvalRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == owner, ct);
    }
}
