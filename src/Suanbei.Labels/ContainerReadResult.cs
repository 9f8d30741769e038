namespace Suanbei.Labels;

/// <summary>What a container reader saw.</summary>
/// <param name="Labels">Every AIGC label found, in file order.</param>
/// <param name="Damage">Non-null when the container is damaged or ambiguous where it matters (the verdict is then
/// "inconclusive", never "not_found"): a Chinese/English sentence naming the problem and offset.</param>
public sealed record ContainerReadResult(IReadOnlyList<FoundLabel> Labels, string? Damage = null)
{
    public static ContainerReadResult Damaged(string why, IReadOnlyList<FoundLabel>? soFar = null) => new(soFar ?? [], why);
}
