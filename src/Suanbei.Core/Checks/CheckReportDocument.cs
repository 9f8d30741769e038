using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Checks;

/// <summary>The check report as the API (GET …/check) and <c>suanbei check --json</c> both write it.</summary>
public sealed record CheckReportDocument(
    string RulesVersion, bool Blocks, int Blocking, int Warnings, int Hints, IReadOnlyList<CheckFindingDocument> Findings)
{
    public static CheckReportDocument From(CheckReport r, FilingSnapshot? snapshot = null) => new(
        r.RulesVersion, r.Blocks, r.Count(CheckSeverity.Blocking), r.Count(CheckSeverity.Warning), r.Count(CheckSeverity.Hint),
        r.Findings.Select(f => new CheckFindingDocument(
            f.RuleId, f.SeverityName, f.Field, CheckFieldLabels.Label(f.Field, snapshot), f.Message, f.Source)).ToList());
}
