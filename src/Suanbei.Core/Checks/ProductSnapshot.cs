using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Checks;

public sealed record ProductSnapshot
{
    public string? Name { get; init; }
    public Products.ProductForm Form { get; init; }
    public string? AccessAddress { get; init; }
    public long? MonthlyActiveUsers { get; init; }
    public long? DailyActiveUsers { get; init; }
    public long? TotalUsers { get; init; }
    public IcpSnapshot? Icp { get; init; }
    /// <summary>功能访问路径, in order.</summary>
    public IReadOnlyList<string> AccessPath { get; init; } = [];
    public IReadOnlyList<FunctionSnapshot> Functions { get; init; } = [];
}
