namespace Suanbei.Core.Subjects;

/// <summary>
/// The filer-entered fields of a subject filing (reference §3). Everything is optional while a draft is saved;
/// <see cref="SubjectValidation"/> says what is missing or malformed before submission. Material fields hold ids of
/// uploaded materials (the web layer checks they belong to the same account).
/// </summary>
public sealed record SubjectDetails
{
    public string? Name { get; init; }                    // 主体名称
    public string? CreditCode { get; init; }              // 统一社会信用代码
    public string? RegionCode { get; init; }              // 注册地 (GB/T 2260, 6 digits)
    public string? Address { get; init; }                 // 详细地址
    public string? Website { get; init; }                 // 网址
    public long? MonthlyActiveUsers { get; init; }        // 月活跃用户量
    public string? CertificateType { get; init; }         // 证件类型 (营业执照 …)
    public string? CertificateAddress { get; init; }      // 证件地址
    public string? CertificateValidity { get; init; }     // 证件有效期 (e.g. 长期 or 2020-01-01至2040-01-01)

    public string? LegalRepName { get; init; }            // 法定代表人 姓名
    public string? LegalRepIdType { get; init; }          // 证件类型
    public string? LegalRepIdNumber { get; init; }        // 证件号码

    public string? OfficerName { get; init; }             // 算法安全责任人 姓名
    public string? OfficerIdType { get; init; }
    public string? OfficerIdNumber { get; init; }
    public string? OfficerMobile { get; init; }
    public string? OfficerEmail { get; init; }

    // What the filer reads off the signed documents (optional; the pre-submission check compares them with the above).
    public string? CommitmentSignerName { get; init; }     // 承诺书 签字人
    public string? CommitmentSignerIdNumber { get; init; } // 承诺书 证件号码
    public string? EmploymentName { get; init; }           // 工作证明 姓名
    public string? EmploymentEmployer { get; init; }       // 工作证明 出具单位
    public string? EmploymentPost { get; init; }           // 工作证明 职务
    public string? EmploymentTenure { get; init; }         // 工作证明 任职期限

    public Guid? BusinessLicenceScanId { get; init; }     // 营业执照副本彩色扫描件
    public Guid? LegalRepIdScanId { get; init; }          // 法定代表人证件扫描件
    public Guid? OfficerIdScanId { get; init; }           // 安全责任人证件扫描件
    public Guid? OfficerEmploymentProofId { get; init; }  // 工作证明
    public Guid? OfficerCommitmentId { get; init; }       // 安全责任人承诺书
    public Guid? FilingCommitmentId { get; init; }        // 《算法备案承诺书》
    public Guid? ResponsibilityReportId { get; init; }    // 《落实算法安全主体责任基本情况》

    /// <summary>The material fields with their Chinese labels, in form order.</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> MaterialFields =
    [
        (nameof(BusinessLicenceScanId), "营业执照副本彩色扫描件"),
        (nameof(LegalRepIdScanId), "法定代表人证件扫描件"),
        (nameof(OfficerIdScanId), "算法安全责任人证件扫描件"),
        (nameof(OfficerEmploymentProofId), "算法安全责任人工作证明"),
        (nameof(OfficerCommitmentId), "算法安全责任人承诺书"),
        (nameof(FilingCommitmentId), "算法备案承诺书"),
        (nameof(ResponsibilityReportId), "落实算法安全主体责任基本情况"),
    ];

    public IEnumerable<Guid> MaterialIds() =>
        new[] { BusinessLicenceScanId, LegalRepIdScanId, OfficerIdScanId, OfficerEmploymentProofId, OfficerCommitmentId, FilingCommitmentId,
            ResponsibilityReportId }
            .Where(id => id is not null).Select(id => id!.Value);

    public Guid? Material(string field) => field switch
    {
        nameof(BusinessLicenceScanId) => BusinessLicenceScanId,
        nameof(LegalRepIdScanId) => LegalRepIdScanId,
        nameof(OfficerIdScanId) => OfficerIdScanId,
        nameof(OfficerEmploymentProofId) => OfficerEmploymentProofId,
        nameof(OfficerCommitmentId) => OfficerCommitmentId,
        nameof(FilingCommitmentId) => FilingCommitmentId,
        nameof(ResponsibilityReportId) => ResponsibilityReportId,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public SubjectDetails WithMaterial(string field, Guid id) => field switch
    {
        nameof(BusinessLicenceScanId) => this with { BusinessLicenceScanId = id },
        nameof(LegalRepIdScanId) => this with { LegalRepIdScanId = id },
        nameof(OfficerIdScanId) => this with { OfficerIdScanId = id },
        nameof(OfficerEmploymentProofId) => this with { OfficerEmploymentProofId = id },
        nameof(OfficerCommitmentId) => this with { OfficerCommitmentId = id },
        nameof(FilingCommitmentId) => this with { FilingCommitmentId = id },
        nameof(ResponsibilityReportId) => this with { ResponsibilityReportId = id },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
