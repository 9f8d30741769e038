namespace Suanbei.GenAi.Evaluation;

/// <summary>
/// Where a run stands, as <see cref="EvalRunner.Report"/> gives it: answers stored of the sample's total, answers
/// stored in this session and the session's elapsed time (for the rate), HTTP requests and retries made in this
/// session, and questions that got no answer after their retries.
/// </summary>
public sealed record EvalProgress(int Done, int Total, int Session, TimeSpan Elapsed, long Requests, long Retries, int Errors)
{
    /// <summary>Answers stored per second in this session; 0 before the first.</summary>
    public double Rate => Session > 0 && Elapsed > TimeSpan.Zero ? Session / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the session's rate; null until there is one.</summary>
    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;
}
