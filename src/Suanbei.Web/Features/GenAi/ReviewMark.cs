namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// A reviewer's verdict on a <see cref="ReviewItem"/>, in the item's sense (合格 / 拒答 = true), with an optional reason.
/// One per reviewing account and item; marking again replaces it. The reviewer is the signed-in account — the run's
/// owner or an account the owner invited — so two people's verdicts on the same items compare (Cohen's κ).
/// </summary>
public sealed class ReviewMark
{
    public const int MaxReviewerLength = 256;
    public const int MaxReasonLength = 500;

    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public Guid ItemId { get; private set; }
    /// <summary>The account that marked (its user id); marks kept before accounts reviewed hold <c>name:</c> and the
    /// name typed then.</summary>
    public string ReviewerId { get; private set; } = "";
    /// <summary>The reviewer's sign-in name when marking, as the page and the report show it.</summary>
    public string Reviewer { get; private set; } = "";
    public bool Verdict { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset MarkedAt { get; private set; }

    private ReviewMark() { }

    public ReviewMark(Guid runId, Guid itemId, string reviewerId, string reviewer, bool verdict, string? reason,
        DateTimeOffset markedAt)
    {
        ReviewerId = reviewerId;
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
