using Suanbei.Core.Identifiers;

namespace Suanbei.Core.Subjects;

/// <summary>
/// Field rules of a subject filing. Keys are <see cref="SubjectDetails"/> property names; values are Chinese messages
/// naming the field. <see cref="ForDraft"/> checks only what was entered; <see cref="ForSubmission"/> also requires completeness.
/// </summary>
public static class SubjectValidation
{
    public const int MaxText = 200;

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(SubjectDetails.Name)] = "主体名称",
        [nameof(SubjectDetails.CreditCode)] = "统一社会信用代码",
        [nameof(SubjectDetails.RegionCode)] = "注册地",
        [nameof(SubjectDetails.Address)] = "详细地址",
        [nameof(SubjectDetails.Website)] = "网址",
        [nameof(SubjectDetails.MonthlyActiveUsers)] = "月活跃用户量",
        [nameof(SubjectDetails.CertificateType)] = "证件类型",
        [nameof(SubjectDetails.CertificateAddress)] = "证件地址",
        [nameof(SubjectDetails.CertificateValidity)] = "证件有效期",
        [nameof(SubjectDetails.LegalRepName)] = "法定代表人姓名",
        [nameof(SubjectDetails.LegalRepIdType)] = "法定代表人证件类型",
        [nameof(SubjectDetails.LegalRepIdNumber)] = "法定代表人证件号码",
        [nameof(SubjectDetails.OfficerName)] = "算法安全责任人姓名",
        [nameof(SubjectDetails.OfficerIdType)] = "算法安全责任人证件类型",
        [nameof(SubjectDetails.OfficerIdNumber)] = "算法安全责任人证件号码",
        [nameof(SubjectDetails.OfficerMobile)] = "算法安全责任人手机",
        [nameof(SubjectDetails.OfficerEmail)] = "算法安全责任人邮箱",
        [nameof(SubjectDetails.CommitmentSignerName)] = "承诺书签字人姓名",
        [nameof(SubjectDetails.CommitmentSignerIdNumber)] = "承诺书签字人证件号码",
        [nameof(SubjectDetails.EmploymentName)] = "工作证明姓名",
        [nameof(SubjectDetails.EmploymentEmployer)] = "工作证明出具单位",
        [nameof(SubjectDetails.EmploymentPost)] = "工作证明职务",
        [nameof(SubjectDetails.EmploymentTenure)] = "工作证明任职期限",
    };

    /// <summary>证件类型 choices; a 居民身份证 number is checked with the GB 11643 rules.</summary>
    public static readonly IReadOnlyList<string> PersonIdTypes = ["居民身份证", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证"];
    public const string ResidentIdType = "居民身份证";

    public static Dictionary<string, string> ForDraft(SubjectDetails d) => Check(d, requireComplete: false);
    public static Dictionary<string, string> ForSubmission(SubjectDetails d) => Check(d, requireComplete: true);

    private static Dictionary<string, string> Check(SubjectDetails d, bool requireComplete)
    {
        var e = new Dictionary<string, string>();
        void Required(string field, string? value)
        {
            if (requireComplete && string.IsNullOrWhiteSpace(value)) e.TryAdd(field, $"{Labels[field]}不能为空");
        }
        void Length(string field, string? value, int max = MaxText)
        {
            if (value is not null && value.Trim().Length > max) e.TryAdd(field, $"{Labels[field]}不能超过{max}个字符");
        }

        foreach (var (field, value) in new[]
                 {
                     (nameof(d.Name), d.Name), (nameof(d.CreditCode), d.CreditCode), (nameof(d.RegionCode), d.RegionCode),
                     (nameof(d.Address), d.Address), (nameof(d.CertificateType), d.CertificateType),
                     (nameof(d.CertificateAddress), d.CertificateAddress), (nameof(d.CertificateValidity), d.CertificateValidity),
                     (nameof(d.LegalRepName), d.LegalRepName), (nameof(d.LegalRepIdType), d.LegalRepIdType),
                         (nameof(d.LegalRepIdNumber), d.LegalRepIdNumber),
                     (nameof(d.OfficerName), d.OfficerName), (nameof(d.OfficerIdType), d.OfficerIdType),
                         (nameof(d.OfficerIdNumber), d.OfficerIdNumber),
                     (nameof(d.OfficerMobile), d.OfficerMobile), (nameof(d.OfficerEmail), d.OfficerEmail),
                 })
        {
            Required(field, value);
            Length(field, value);
        }
        Length(nameof(d.Website), d.Website);
        // Read off the signed documents: optional (the pre-submission check compares them), so only their length is checked.
        Length(nameof(d.CommitmentSignerName), d.CommitmentSignerName);
        Length(nameof(d.CommitmentSignerIdNumber), d.CommitmentSignerIdNumber);
        Length(nameof(d.EmploymentName), d.EmploymentName);
        Length(nameof(d.EmploymentEmployer), d.EmploymentEmployer);
        Length(nameof(d.EmploymentPost), d.EmploymentPost);
        Length(nameof(d.EmploymentTenure), d.EmploymentTenure);

        if (!string.IsNullOrWhiteSpace(d.CreditCode))
        {
            var code = d.CreditCode.Trim().ToUpperInvariant();
            var error = Identifiers.CreditCode.Validate(code);
            if (error is not null) e.TryAdd(nameof(d.CreditCode), error);
            else if (Identifiers.CreditCode.KindOf(code) is not (SubjectKind.Enterprise or SubjectKind.IndividualBusiness))
                e.TryAdd(nameof(d.CreditCode), "只有企业（91开头）或个体工商户（92开头）可以办理算法备案");
        }
        if (!string.IsNullOrWhiteSpace(d.RegionCode))
        {
            var error = RegionCodeError(d.RegionCode.Trim());
            if (error is not null) e.TryAdd(nameof(d.RegionCode), "注册地：" + error);
        }
        if (d.MonthlyActiveUsers is < 0) e.TryAdd(nameof(d.MonthlyActiveUsers), "月活跃用户量不能为负数");
        if (requireComplete && d.MonthlyActiveUsers is null) e.TryAdd(nameof(d.MonthlyActiveUsers), "月活跃用户量不能为空");
        if (!string.IsNullOrWhiteSpace(d.Website) && !IsHttpUrl(d.Website.Trim()))
            e.TryAdd(nameof(d.Website), "网址应以 http:// 或 https:// 开头");

        CheckPerson(e, nameof(d.LegalRepIdType), d.LegalRepIdType, nameof(d.LegalRepIdNumber), d.LegalRepIdNumber);
        CheckPerson(e, nameof(d.OfficerIdType), d.OfficerIdType, nameof(d.OfficerIdNumber), d.OfficerIdNumber);
        if (!string.IsNullOrWhiteSpace(d.OfficerMobile))
        {
            var error = MobileError(d.OfficerMobile.Trim());
            if (error is not null) e.TryAdd(nameof(d.OfficerMobile), "算法安全责任人手机：" + error);
        }
        if (!string.IsNullOrWhiteSpace(d.OfficerEmail))
        {
            var error = EmailError(d.OfficerEmail.Trim());
            if (error is not null) e.TryAdd(nameof(d.OfficerEmail), "算法安全责任人邮箱：" + error);
        }

        if (requireComplete)
            foreach (var (field, label) in SubjectDetails.MaterialFields)
                if (d.Material(field) is null) e.TryAdd(field, $"请上传{label}");
        return e;
    }

    private static void CheckPerson(Dictionary<string, string> e, string typeField, string? type, string numberField, string? number)
    {
        if (!string.IsNullOrWhiteSpace(type) && !PersonIdTypes.Contains(type.Trim()))
            e.TryAdd(typeField, $"{Labels[typeField]}应为：{string.Join("、", PersonIdTypes)}");
        if (!string.IsNullOrWhiteSpace(number) && (type?.Trim() ?? ResidentIdType) == ResidentIdType)
        {
            var error = ResidentIdError(number.Trim().ToUpperInvariant());
            if (error is not null) e.TryAdd(numberField, $"{Labels[numberField]}：{error}");
        }
    }

    private static bool IsHttpUrl(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    private static string? RegionCodeError(string code) => Regions.Validate(code);
    private static string? ResidentIdError(string number) => ResidentIdNumber.Validate(number);
    private static string? MobileError(string mobile) => ContactValidation.ValidateMobile(mobile);
    private static string? EmailError(string email) => ContactValidation.ValidateEmail(email);
}
