using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Checks;

/// <summary>What the filer reads off the signed 承诺书 and the 工作证明 of the algorithm security officer.</summary>
public sealed record OfficerDocumentsSnapshot
{
    public string? CommitmentSignerName { get; init; }     // 承诺书 签字人
    public string? CommitmentSignerIdNumber { get; init; } // 承诺书 证件号码
    public string? EmploymentName { get; init; }           // 工作证明 姓名
    public string? EmploymentEmployer { get; init; }       // 工作证明 单位
    public string? EmploymentPost { get; init; }           // 工作证明 职务
    public string? EmploymentTenure { get; init; }         // 工作证明 任职期限 (e.g. 2021年3月至今)
}
