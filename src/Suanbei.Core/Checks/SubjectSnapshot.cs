using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Checks;

public sealed record SubjectSnapshot
{
    public string? Name { get; init; }                 // 主体名称
    public string? CreditCode { get; init; }           // 统一社会信用代码
    public long? MonthlyActiveUsers { get; init; }     // 月活跃用户量
    public string? OfficerName { get; init; }          // 算法安全责任人 姓名
    public string? OfficerIdNumber { get; init; }      // 算法安全责任人 证件号码
}
