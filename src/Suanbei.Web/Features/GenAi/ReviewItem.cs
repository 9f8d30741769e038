namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// One answered question of a <see cref="ReviewRun"/>: bank (<c>content</c>, <c>refuse</c>, <c>answer</c>), risk codes,
/// question, answer and the automatic verdict — for content "passes" (合格), for the refusal banks "refused" (拒答).
/// </summary>
public sealed class ReviewItem
{
    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    /// <summary>Position in the run's sample: the queue's order.</summary>
    public int Seq { get; private set; }
    public string Bank { get; private set; } = "";
    public string Key { get; private set; } = "";
    /// <summary>Risk or aspect codes separated by <c>;</c>, the first one the stratum.</summary>
    public string Risks { get; private set; } = "";
    public string Question { get; private set; } = "";
    public string Answer { get; private set; } = "";
    public bool Auto { get; private set; }

    private ReviewItem() { }

    public ReviewItem(Guid runId, int seq, string bank, string key, string risks, string question, string answer, bool auto)
    {
        Id = Guid.NewGuid();
        RunId = runId;
        Seq = seq;
        Bank = bank;
        Key = key;
        Risks = risks;
        Question = question;
        Answer = answer;
        Auto = auto;
    }
}
