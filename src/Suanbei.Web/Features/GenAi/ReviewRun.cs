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

    private ReviewRun() { }

    public ReviewRun(string ownerId, string model, string endpoint, int seed, DateTimeOffset importedAt)
    {
        Id = Guid.NewGuid();
        OwnerId = ownerId;
        Model = model;
        Endpoint = endpoint;
        Seed = seed;
        ImportedAt = importedAt;
    }
}
