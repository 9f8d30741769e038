using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Checks;

/// <summary>The ICP filing or licence of a product: number, and, when entered, holder, expiry and business scope.</summary>
public sealed record IcpSnapshot
{
    public string? Number { get; init; }               // ICP备案号 / ICP证号
    public string? Holder { get; init; }               // 主办单位 / 持证主体
    public DateOnly? ExpiresOn { get; init; }          // 有效期至 (ICP licences)
    public string? BusinessScope { get; init; }        // 业务种类 / 服务项目
}
