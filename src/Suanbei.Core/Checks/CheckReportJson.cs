using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Checks;

/// <summary>One finding as JSON: <c>field</c> is the snapshot path, <c>label</c> the form's name for it.</summary>
public sealed record CheckFindingDocument(string RuleId, string Severity, string Field, string Label, string Message, string Source);

/// <summary>The check report as the API (GET …/check) and <c>suanbei check --json</c> both write it.</summary>
public sealed record CheckReportDocument(
    string RulesVersion, bool Blocks, int Blocking, int Warnings, int Hints, IReadOnlyList<CheckFindingDocument> Findings)
{
    public static CheckReportDocument From(CheckReport r, FilingSnapshot? snapshot = null) => new(
        r.RulesVersion, r.Blocks, r.Count(CheckSeverity.Blocking), r.Count(CheckSeverity.Warning), r.Count(CheckSeverity.Hint),
        r.Findings.Select(f => new CheckFindingDocument(
            f.RuleId, f.SeverityName, f.Field, CheckFieldLabels.Label(f.Field, snapshot), f.Message, f.Source)).ToList());
}

/// <summary>
/// The one serializer of <see cref="CheckReportDocument"/>: source-generated (no reflection, trim-safe), camelCase,
/// Chinese left unescaped, so the API and the CLI write the same bytes.
/// </summary>
public static class CheckReportJson
{
    private static readonly CheckReportJsonContext Context = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] ToUtf8Bytes(CheckReportDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, Context.CheckReportDocument);

    public static string Serialize(CheckReportDocument document) => JsonSerializer.Serialize(document, Context.CheckReportDocument);

    public static CheckReportDocument? Deserialize(string json) => JsonSerializer.Deserialize(json, Context.CheckReportDocument);
}

[JsonSerializable(typeof(CheckReportDocument))]
internal sealed partial class CheckReportJsonContext : JsonSerializerContext;
