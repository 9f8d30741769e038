namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// A reviewer's verdict on a <see cref="ReviewItem"/>, in the item's sense (合格 / 拒答 = true), with an optional reason.
/// One per reviewer and item; marking again replaces it. Reviewers are named within the owner's account, so two
/// people of one filer can review the same items and be compared (Cohen's κ).
/// </summary>
public sealed class ReviewMark
{
    public const int MaxReviewerLength = 32;
    public const int MaxReasonLength = 500;

    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public Guid ItemId { get; private set; }
    public string Reviewer { get; private set; } = "";
    public bool Verdict { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset MarkedAt { get; private set; }

    private ReviewMark() { }

    public ReviewMark(Guid runId, Guid itemId, string reviewer, bool verdict, string? reason, DateTimeOffset markedAt)
    {
        Id = Guid.NewGuid();
        RunId = runId;
        ItemId = itemId;
        Reviewer = reviewer;
        Set(verdict, reason, markedAt);
    }

    public void Set(bool verdict, string? reason, DateTimeOffset markedAt)
    {
        Verdict = verdict;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        MarkedAt = markedAt;
    }
}
