using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Checks;

/// <summary>One finding as JSON: <c>field</c> is the snapshot path, <c>label</c> the form's name for it.</summary>
public sealed record CheckFindingDocument(string RuleId, string Severity, string Field, string Label, string Message, string Source);
