namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// An evaluation started from the web: the bank versions it asks from, the endpoint and its settings, the API key
/// (encrypted with Data Protection, or the name of a server environment variable), its status and the progress the
/// worker last wrote. Its files live in a folder named by <see cref="Id"/> (<see cref="EvalRuns.FolderOf"/>); when it
/// finishes its answers become the review run <see cref="ReviewRunId"/>.
/// </summary>
public sealed class EvalRun
{
    public const int MaxModelLength = 200;
    public const int MaxEndpointLength = 500;
    public const int MaxSystemPromptLength = 4000;
    public const int MaxEnvNameLength = 128;

    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    public string StartedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string Endpoint { get; private set; } = "";
    public string Model { get; private set; } = "";
    public string? SystemPrompt { get; private set; }
    public double? Temperature { get; private set; }
    public int Concurrency { get; private set; }
    public int Seed { get; private set; }
    public int SampleContent { get; private set; }
    public int SampleRefuse { get; private set; }
    public int SampleAnswer { get; private set; }
    /// <summary>The <see cref="BankCheck"/> versions asked from (their items were written to the run's folder).</summary>
    public Guid ContentBankId { get; private set; }
    public Guid RefuseBankId { get; private set; }
    public Guid AnswerBankId { get; private set; }
    public Guid KeywordBankId { get; private set; }
    /// <summary>The API key as Data Protection's ciphertext; never shown again.</summary>
    public string? ApiKeyProtected { get; private set; }
    /// <summary>Or the name of an environment variable of the server that holds it.</summary>
    public string? ApiKeyEnv { get; private set; }

    public EvalRunStatus Status { get; private set; }
    public int Done { get; private set; }
    public int Total { get; private set; }
    /// <summary>Requests and retries of every session together (the runner counts one session's).</summary>
    public long Requests { get; private set; }
    public long Retries { get; private set; }
    public int Errors { get; private set; }
    /// <summary>Answers stored per second in the current session (since the run was last taken up); until the session has
    /// stored one, the last session's rate stays, so the ETA after 继续 is an estimate rather than nothing.</summary>
    public double Rate { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Why the run failed, in Chinese.</summary>
    public string? Error { get; private set; }
    public Guid? ReviewRunId { get; private set; }

    private EvalRun() { }

    public EvalRun(string ownerId, string startedBy, DateTimeOffset now, EvalRunSettings s)
    {
        Id = Guid.NewGuid();
        OwnerId = ownerId;
        StartedBy = startedBy;
        CreatedAt = now;
        UpdatedAt = now;
        Endpoint = s.Endpoint;
        Model = s.Model;
        SystemPrompt = s.SystemPrompt;
        Temperature = s.Temperature;
        Concurrency = s.Concurrency;
        Seed = s.Seed;
        SampleContent = s.SampleContent;
        SampleRefuse = s.SampleRefuse;
        SampleAnswer = s.SampleAnswer;
        ContentBankId = s.ContentBankId;
        RefuseBankId = s.RefuseBankId;
        AnswerBankId = s.AnswerBankId;
        KeywordBankId = s.KeywordBankId;
        ApiKeyEnv = s.ApiKeyEnv;
        Status = EvalRunStatus.Queued;
    }

    public void ProtectApiKey(string ciphertext) => ApiKeyProtected = ciphertext;

    /// <summary>Every question answered and imported as <paramref name="reviewRunId"/>.</summary>
    public void Finish(Guid reviewRunId, DateTimeOffset now)
    {
        Status = EvalRunStatus.Finished;
        ReviewRunId = reviewRunId;
        UpdatedAt = now;
    }

    /// <summary>Seconds left at the rate; null while there is none or when the run is neither running nor queued.</summary>
    public double? EtaSeconds => Status is EvalRunStatus.Running or EvalRunStatus.Queued && Rate > 0 ? (Total - Done) / Rate : null;

    /// <summary>Running, or waiting for a slot: 停止 applies.</summary>
    public bool MayStop => Status is EvalRunStatus.Running or EvalRunStatus.Queued;
}
