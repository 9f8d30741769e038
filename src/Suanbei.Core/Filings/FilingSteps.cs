namespace Suanbei.Core.Filings;

public static class FilingSteps
{
    public static readonly IReadOnlyList<FilingStep> All = [FilingStep.Basic, FilingStep.Details, FilingStep.Products, FilingStep.Confirm];

    /// <summary>The page of the step under /filings/{id}/ (URLs are lowercase).</summary>
    public static string Page(FilingStep s) => s.ToString().ToLowerInvariant();
}
