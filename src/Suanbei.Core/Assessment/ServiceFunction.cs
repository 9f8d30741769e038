using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Assessment;

/// <summary>One function of the service and what its algorithm does.</summary>
public sealed record ServiceFunction
{
    public string Name { get; init; } = "";
    public string? Description { get; init; }
    /// <summary>Name of the algorithm behind the function; functions naming the same algorithm share a filing. Defaults to
    /// the function name.</summary>
    public string? Algorithm { get; init; }
    /// <summary>Content the function generates or edits (empty: generates nothing).</summary>
    public IReadOnlyList<ContentType> Generates { get; init; } = [];
    public bool EditsFaces { get; init; }
    public bool EditsVoices { get; init; }
    public bool SensitiveObjectsOrScenes { get; init; }
    public bool PersonalisedPush { get; init; }
    public bool RankingSelection { get; init; }
    public bool RetrievalFiltering { get; init; }
    public bool SchedulingDecision { get; init; }
}
