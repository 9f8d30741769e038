namespace Suanbei.Core.Identifiers;

/// <summary>Kind of subject a credit code was issued to; only enterprises and individual businesses may file algorithms.</summary>
public enum SubjectKind
{
    Unknown,
    Enterprise,          // 91 企业
    IndividualBusiness,  // 92 个体工商户
    FarmersCooperative,  // 93 农民专业合作社
    OtherBusiness,       // 9x registered by market regulation, other
    NonBusiness,         // 1x 机关, 5x 社会组织, … — may not file
}
