namespace Suanbei.Web.Features.GenAi;

/// <summary>Where an evaluation started from the web stands (names in display-names.tsv). Stored as int: new values go
/// at the end.</summary>
public enum EvalRunStatus
{
    /// <summary>Asking questions on the leading node (after a restart or a change of leader, until taken up again).</summary>
    Running,
    /// <summary>Stopped by an editor; 继续 resumes it from its journal.</summary>
    Stopped,
    /// <summary>Ended with an error (endpoint refused, questions left unanswered); 继续 asks the unanswered ones.</summary>
    Failed,
    /// <summary>Every question answered; its answers are a review run.</summary>
    Finished,
    /// <summary>New or resumed, waiting for one of the leading node's run slots (Suanbei:GenAi:MaxConcurrentRuns).</summary>
    Queued,
}
