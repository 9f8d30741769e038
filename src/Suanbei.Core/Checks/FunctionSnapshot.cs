using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Checks;

public sealed record FunctionSnapshot(string? Name, string? Description);
