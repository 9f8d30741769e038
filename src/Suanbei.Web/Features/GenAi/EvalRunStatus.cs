namespace Suanbei.Web.Features.GenAi;

/// <summary>Where an evaluation started from the web stands (names in display-names.tsv).</summary>
public enum EvalRunStatus
{
    /// <summary>Asking questions, or waiting for the worker to take it up (also after a restart).</summary>
    Running,
    /// <summary>Stopped by an editor; 继续 resumes it from its journal.</summary>
    Stopped,
    /// <summary>Ended with an error (endpoint refused, questions left unanswered); 继续 asks the unanswered ones.</summary>
    Failed,
    /// <summary>Every question answered; its answers are a review run.</summary>
    Finished,
}
