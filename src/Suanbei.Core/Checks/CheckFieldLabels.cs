using System.Text.Json;
using System.Text.RegularExpressions;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Core.Subjects;

namespace Suanbei.Core.Checks;

/// <summary>
/// Turns the snapshot paths of findings (<c>filing.scenarios</c>, <c>products[0].accessPath</c>) into the names the forms
/// give those fields (使用场景, 产品「…」的功能访问路径). The labels come from the forms' own label tables
/// (<see cref="FilingFields"/>, <see cref="ProductNames.FieldLabels"/>, <see cref="SubjectValidation.Labels"/>), so a
/// renamed form field is renamed here too.
/// </summary>
public static partial class CheckFieldLabels
{
    /// <summary>The snapshot path of a filing field key ("Scenarios" → "filing.scenarios").</summary>
    public static string FilingPath(string key) => "filing." + JsonNamingPolicy.CamelCase.ConvertName(key);

    [GeneratedRegex(@"^products\[(\d+)\]\.(.+)$")]
    private static partial Regex ProductPath();

    [GeneratedRegex(@"^functions\[(\d+)\]\.(name|description)$")]
    private static partial Regex FunctionPath();

    [GeneratedRegex(@"^filing\.([A-Za-z]+)(\[\d+\])?$")]
    private static partial Regex FilingPathPattern();

    /// <summary>The form, field and label for a finding's path; null for a path no form edits.</summary>
    public static CheckFieldTarget? Resolve(string path, FilingSnapshot? snapshot = null)
    {
        if (FilingPathPattern().Match(path) is { Success: true } fm)
        {
            var key = fm.Groups[1].Value == "linkedFunctions" ? FilingFields.LinkedProducts : FilingFields.Canonical(fm.Groups[1].Value);
            return FilingFields.IsKnown(key) ? new CheckFieldTarget(CheckFieldOwner.Filing, key, null, FilingFields.Label(key)) : null;
        }
        if (ProductPath().Match(path) is { Success: true } pm)
        {
            var index = int.Parse(pm.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var product = snapshot is not null && index < snapshot.Products.Count
                && !string.IsNullOrWhiteSpace(snapshot.Products[index].Name)
                ? $"产品「{snapshot.Products[index].Name!.Trim()}」" : $"第{index + 1}个产品";
            var rest = pm.Groups[2].Value;
            if (FunctionPath().Match(rest) is { Success: true } fn)
            {
                var f = int.Parse(fn.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                var name = snapshot is not null && index < snapshot.Products.Count && f < snapshot.Products[index].Functions.Count
                    ? snapshot.Products[index].Functions[f].Name : null;
                var field = fn.Groups[2].Value == "name" ? "FunctionName" : "FunctionDescription";
                var function = string.IsNullOrWhiteSpace(name) ? $"第{f + 1}个功能" : $"功能「{name.Trim()}」";
                return new CheckFieldTarget(CheckFieldOwner.Product, field, index,
                    $"{product}·{function}的{ProductNames.FieldLabels[field]}");
            }
            var formField = rest switch
            {
                "icp.number" => "IcpNumber",
                "icp.holder" => "IcpHolder",
                "icp.expiresOn" => "IcpExpiresOn",
                "icp.businessScope" => "IcpBusinessScope",
                "icp" => "IcpNumber",
                _ => char.ToUpperInvariant(rest[0]) + rest[1..],
            };
            return ProductNames.FieldLabels.TryGetValue(formField, out var label)
                ? new CheckFieldTarget(CheckFieldOwner.Product, formField, index, $"{product}的{label}") : null;
        }
        var subjectField = path switch
        {
            "subject.monthlyActiveUsers" => nameof(SubjectDetails.MonthlyActiveUsers),
            "subject.name" => nameof(SubjectDetails.Name),
            "subject.officerName" => nameof(SubjectDetails.OfficerName),
            "subject.officerIdNumber" => nameof(SubjectDetails.OfficerIdNumber),
            "officerDocuments" => nameof(SubjectDetails.CommitmentSignerName),
            "officerDocuments.commitmentSignerName" => nameof(SubjectDetails.CommitmentSignerName),
            "officerDocuments.commitmentSignerIdNumber" => nameof(SubjectDetails.CommitmentSignerIdNumber),
            "officerDocuments.employmentName" => nameof(SubjectDetails.EmploymentName),
            "officerDocuments.employmentEmployer" => nameof(SubjectDetails.EmploymentEmployer),
            "officerDocuments.employmentPost" => nameof(SubjectDetails.EmploymentPost),
            "officerDocuments.employmentTenure" => nameof(SubjectDetails.EmploymentTenure),
            _ => null,
        };
        if (subjectField is null) return null;
        var subjectLabel = path == "officerDocuments" ? OfficerDocumentsLabel : SubjectValidation.Labels[subjectField];
        return new CheckFieldTarget(CheckFieldOwner.Subject, subjectField, null, $"主体信息·{subjectLabel}");
    }

    /// <summary>The heading of the subject form's section with what the filer read off the signed documents.</summary>
    public const string OfficerDocumentsLabel = "承诺书与工作证明";

    /// <summary>The label a filer reads for a finding's path; the path itself when no form edits it.</summary>
    public static string Label(string path, FilingSnapshot? snapshot = null) => Resolve(path, snapshot)?.Label ?? path;
}
