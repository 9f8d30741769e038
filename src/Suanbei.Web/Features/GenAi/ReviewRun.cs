namespace Suanbei.Web.Features.GenAi;

/// <summary>An evaluation run imported for human review (its answers are <see cref="ReviewItem"/>s), kept for its owner.</summary>
public sealed class ReviewRun
{
    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    public string Model { get; private set; } = "";
    public string Endpoint { get; private set; } = "";
    public int Seed { get; private set; }
    public DateTimeOffset ImportedAt { get; private set; }
    /// <summary>When the run was started (its manifest), for the report; null for runs imported before it was kept.</summary>
    public DateTimeOffset? RunCreated { get; private set; }
    /// <summary>The version of assessment.json the run sampled by.</summary>
    public string RulesVersion { get; private set; } = "";
    /// <summary>The SHA-256 of each input bank as the manifest records them, as a JSON object (input → hash).</summary>
    public string InputHashesJson { get; private set; } = "{}";

    private ReviewRun() { }

    public ReviewRun(string ownerId, string model, string endpoint, int seed, DateTimeOffset importedAt,
        DateTimeOffset? runCreated = null, string rulesVersion = "", string inputHashesJson = "{}")
    {
        RunCreated = runCreated;
        RulesVersion = rulesVersion;
        InputHashesJson = inputHashesJson;
        Id = Guid.NewGuid();
        OwnerId = ownerId;
        Model = model;
        Endpoint = endpoint;
        Seed = seed;
        ImportedAt = importedAt;
    }
}
