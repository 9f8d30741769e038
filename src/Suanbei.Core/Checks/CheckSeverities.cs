using System.Text.Json;

namespace Suanbei.Core.Checks;

public static class CheckSeverities
{
    /// <summary>The severity a data file names (阻断/警告/提示), by its display name.</summary>
    public static CheckSeverity Parse(string name) => DisplayNames.Parse<CheckSeverity>(name)
        ?? throw new FormatException(
            $"unknown severity '{name}' ({string.Join("/", Enum.GetValues<CheckSeverity>().Select(s => DisplayNames.Of(s)))})");
}
