using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Suanbei.Core.Filings;

namespace Suanbei.Core.Checks;

public sealed record LabelingSnapshot
{
    public DataModality Modality { get; init; }
    public string? ExplicitMethod { get; init; }
    public string? ImplicitMethod { get; init; }
    public bool HasExample { get; init; }              // 标识示例截图已上传
}
