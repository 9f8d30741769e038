namespace Suanbei.Registry.Display;

/// <summary>Art. 26 display check: does the page show a filing number, is it valid and in the registry, does it link to its public
/// entry.</summary>
public sealed record DisplayReport(bool ShowsNumber, IReadOnlyList<DisplayFinding> Findings, IReadOnlyList<string> Problems)
{
    public bool Compliant => ShowsNumber && Problems.Count == 0;
}
