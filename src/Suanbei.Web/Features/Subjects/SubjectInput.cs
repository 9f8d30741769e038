using System.ComponentModel.DataAnnotations;
using Suanbei.Core.Subjects;

namespace Suanbei.Web.Features.Subjects;

/// <summary>The subject form's text fields (materials come as uploads named "Upload.{Field}"; ids are never taken from the form).</summary>
public sealed class SubjectInput
{
    public string? Name { get; set; }
    public string? CreditCode { get; set; }
    public string? RegionCode { get; set; }
    public string? Address { get; set; }
    public string? Website { get; set; }
    [Display(Name = "月活跃用户量")] public long? MonthlyActiveUsers { get; set; }
    public string? CertificateType { get; set; }
    public string? CertificateAddress { get; set; }
    public string? CertificateValidity { get; set; }
    public string? LegalRepName { get; set; }
    public string? LegalRepIdType { get; set; }
    public string? LegalRepIdNumber { get; set; }
    public string? OfficerName { get; set; }
    public string? OfficerIdType { get; set; }
    public string? OfficerIdNumber { get; set; }
    public string? OfficerMobile { get; set; }
    public string? OfficerEmail { get; set; }
    public string? CommitmentSignerName { get; set; }
    public string? CommitmentSignerIdNumber { get; set; }
    public string? EmploymentName { get; set; }
    public string? EmploymentEmployer { get; set; }
    public string? EmploymentPost { get; set; }
    public string? EmploymentTenure { get; set; }

    public static SubjectInput From(SubjectDetails d) => new()
    {
        Name = d.Name, CreditCode = d.CreditCode, RegionCode = d.RegionCode, Address = d.Address, Website = d.Website,
        MonthlyActiveUsers = d.MonthlyActiveUsers, CertificateType = d.CertificateType, CertificateAddress = d.CertificateAddress,
        CertificateValidity = d.CertificateValidity, LegalRepName = d.LegalRepName, LegalRepIdType = d.LegalRepIdType,
        LegalRepIdNumber = d.LegalRepIdNumber, OfficerName = d.OfficerName, OfficerIdType = d.OfficerIdType,
        OfficerIdNumber = d.OfficerIdNumber, OfficerMobile = d.OfficerMobile, OfficerEmail = d.OfficerEmail,
        CommitmentSignerName = d.CommitmentSignerName, CommitmentSignerIdNumber = d.CommitmentSignerIdNumber,
        EmploymentName = d.EmploymentName,
        EmploymentEmployer = d.EmploymentEmployer, EmploymentPost = d.EmploymentPost, EmploymentTenure = d.EmploymentTenure,
    };

    /// <summary>The entered text with the given (already stored) materials.</summary>
    public SubjectDetails ToDetails(SubjectDetails materials) => materials with
    {
        Name = Name,
        CreditCode = CreditCode,
        RegionCode = RegionCode,
        Address = Address,
        Website = Website,
        MonthlyActiveUsers = MonthlyActiveUsers,
        CertificateType = CertificateType,
        CertificateAddress = CertificateAddress,
        CertificateValidity = CertificateValidity,
        LegalRepName = LegalRepName,
        LegalRepIdType = LegalRepIdType,
        LegalRepIdNumber = LegalRepIdNumber,
        OfficerName = OfficerName,
        OfficerIdType = OfficerIdType,
        OfficerIdNumber = OfficerIdNumber,
        OfficerMobile = OfficerMobile,
        OfficerEmail = OfficerEmail,
        CommitmentSignerName = CommitmentSignerName,
        CommitmentSignerIdNumber = CommitmentSignerIdNumber,
        EmploymentName = EmploymentName,
        EmploymentEmployer = EmploymentEmployer,
        EmploymentPost = EmploymentPost,
        EmploymentTenure = EmploymentTenure,
    };

    public string? Value(string field) => typeof(SubjectInput).GetProperty(field)?.GetValue(this)?.ToString();
}
