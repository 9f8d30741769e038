namespace Suanbei.Registry.Similarity;

/// <summary>One match of a near-duplicate query: the id given to <see cref="NearDuplicateIndex.Add"/> and the Jaccard similarity
/// (0–1).</summary>
public sealed record NearDuplicate(string Id, double Similarity);
