using System.Text.Json;

namespace Suanbei.Core.Checks;

/// <summary>A snapshot path resolved to the form that edits it: owner, the form's field key, product index and the label a filer
/// reads.</summary>
public sealed record CheckFieldTarget(CheckFieldOwner Owner, string FormField, int? ProductIndex, string Label);
