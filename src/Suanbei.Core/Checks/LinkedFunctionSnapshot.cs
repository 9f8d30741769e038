using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Checks;

/// <summary>A function chosen in step ③ and the product it belongs to.</summary>
public sealed record LinkedFunctionSnapshot(string? Product, string? Function);
