namespace Suanbei.Web.Features.GenAi;

/// <summary>An account the owner of a <see cref="ReviewRun"/> invited to review its answers: it sees the run and marks
/// under its own name, and nothing else of the owner's.</summary>
public sealed class ReviewRunReviewer
{
    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public string UserId { get; private set; } = "";
    public string Email { get; private set; } = "";
    public DateTimeOffset AddedAt { get; private set; }

    private ReviewRunReviewer() { }

    public ReviewRunReviewer(Guid runId, string userId, string email, DateTimeOffset addedAt)
    {
        Id = Guid.NewGuid();
        RunId = runId;
        UserId = userId;
        Email = email;
        AddedAt = addedAt;
    }
}
