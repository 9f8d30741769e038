using Microsoft.EntityFrameworkCore;
using Suanbei.Core;
using Suanbei.Core.Filings;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Identifiers;
using Suanbei.Web.Data;
using Suanbei.Web.Features.Admin;
using Suanbei.Web.Features.Filings;
using Suanbei.Web.Features.GenAiNumbers;

namespace Suanbei.Web.Features.GenAiFilings;

/// <summary>
/// The reviewers' use cases: queues filtered by level and province, the decisions, and the number issued at the final
/// approval through <see cref="GenerativeAiNumberAllocator"/> (the model's romanised name is the reviewer's, defaulting
/// to the pinyin of the model name). Listeners hear of approvals, changes and cancellations through the aggregate's
/// events after the save. The provincial level (属地初审, and the 登记's approval there) is the office of the filing's
/// province: a reviewer scoped to other provinces (<see cref="ReviewerScopes"/>) may neither act on it nor, by default, see it queued.
/// </summary>
public sealed class GenAiReviewService(SuanbeiDbContext db, TimeProvider clock, GenerativeAiNumberAllocator numbers,
    GenAiFilingService filings, ReviewerScopes scopes)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Filings awaiting a reviewer at <paramref name="level"/> (all levels when null), optionally of one province. Without a
    /// province, the provincial-level rows are those <paramref name="reviewerId"/> may review (all when null or nationwide).
    /// </summary>
    public async Task<List<GenerativeAiFiling>> QueueAsync(GenAiReviewLevel? level, string? province, string? reviewerId = null,
        CancellationToken ct = default)
    {
        GenerativeAiStatus[] statuses = level switch
        {
            GenAiReviewLevel.Provincial => [GenerativeAiStatus.Submitted, GenerativeAiStatus.ProvincialReview],
            GenAiReviewLevel.National => [GenerativeAiStatus.NationalReview],
            _ => [GenerativeAiStatus.Submitted, GenerativeAiStatus.ProvincialReview, GenerativeAiStatus.NationalReview],
        };
        var q = db.Set<GenerativeAiFiling>().Where(f => statuses.Contains(f.Status));
        if (!string.IsNullOrWhiteSpace(province) && Regions.Resolve(province)?.Name is { } name) q = q.Where(f => f.Province == name);
        var list = await q.ToListAsync(ct);
        if (string.IsNullOrWhiteSpace(province) && reviewerId is not null)
        {
            var mine = await scopes.ProvincesAsync(reviewerId, ct);
            list = list.Where(f => !IsProvincialLevel(f.Status) || ReviewerScope.MayReview(mine, f.Province)).ToList();
        }
        return list.OrderBy(f => f.SubmittedAt ?? f.CreatedAt).ToList();
    }

    /// <summary>Any filing submitted at least once (drafts never submitted are private to the filer).</summary>
    public Task<GenerativeAiFiling?> GetForReviewAsync(Guid id, CancellationToken ct = default) =>
        GenAiFilingService.WithChildren(db.Set<GenerativeAiFiling>()).FirstOrDefaultAsync(f => f.Id == id && f.SubmittedAt != null, ct);

    /// <summary>The editable default of the romanised model name shown before issuing: the pinyin of the model name.</summary>
    public static string DefaultRomanisedName(GenerativeAiFiling f) => Pinyin.Romanise(f.ModelName ?? "");

    /// <summary>A reviewer's decision; <paramref name="romanisedName"/> is used when the final approval issues a number.</summary>
    public async Task ReviewAsync(GenerativeAiFiling f, Actor reviewer, GenerativeAiAction action, string? reason = null,
        IReadOnlyList<FieldReason>? fieldReasons = null, string? romanisedName = null, CancellationToken ct = default)
    {
        if (IsProvincialLevel(f.Status) && !await scopes.MayReviewAsync(reviewer.UserId, f.Province, ct))
            throw new DomainException($"「属地」为{f.Province}的备案由该省审核员办理属地初审，您的审核范围不包括{f.Province}。");
        switch (action)
        {
            case GenerativeAiAction.StartProvincialReview: f.StartProvincialReview(reviewer, Now); break;
            case GenerativeAiAction.PassProvincialReview: f.PassProvincialReview(reviewer, Now, reason); break;
            case GenerativeAiAction.Return: f.Return(reviewer, Now, fieldReasons ?? []); break;
            case GenerativeAiAction.Refuse: f.Refuse(reviewer, Now, reason ?? "", f.IsChange ? await PreviousAsync(f, ct) : null); break;
            case GenerativeAiAction.Approve when f.IsChange:
                {
                    var (entity, province) = await filings.SubjectFactsAsync(f.SubjectId, ct);
                    f.ApproveChange(reviewer, Now, await PreviousAsync(f, ct), entity, province);
                    break;
                }
            case GenerativeAiAction.Approve:
                {
                    // Legality first, so an illegal approval never consumes a number.
                    GenerativeAiWorkflow.Require(f.Status, action, f.Kind, reviewer);
                    var name = GenerativeAiNumber.Normalise(romanisedName);
                    if (name.Length == 0) name = DefaultRomanisedName(f);
                    if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                        throw new DomainException("「模型名称拼音」只能由拉丁字母、数字和连字符组成，请填写后再签发编号。");
                    var (entity, province) = await filings.SubjectFactsAsync(f.SubjectId, ct);
                    var number = await numbers.IssueAsync(f.Kind, province, name, ChinaTime.Date(Now), ct);
                    f.Approve(reviewer, Now, number, entity, province);
                    break;
                }
            default: throw new DomainException("审核员不能执行此操作。");
        }
        await AuditTrailGuard.SaveAsync(db, ct);
    }

    /// <summary>Decisions on a filing in these states are the provincial office's (start, pass, a 登记's approval, return, refuse).</summary>
    public static bool IsProvincialLevel(GenerativeAiStatus status) =>
        status is GenerativeAiStatus.Submitted or GenerativeAiStatus.ProvincialReview;

    private async Task<GenerativeAiFiling> PreviousAsync(GenerativeAiFiling change, CancellationToken ct) =>
        await GenAiFilingService.WithChildren(db.Set<GenerativeAiFiling>()).FirstAsync(x => x.Id == change.PreviousVersionId, ct);
}
