using Suanbei.Core.Filings;

namespace Suanbei.Web.Features.Filings;

/// <summary>Where a filing field is edited: the step page and the id of its input, for “去填写/去修改” links.</summary>
public static class FilingFormLinks
{
    /// <summary>The id of the element to jump to for a field on its step page.</summary>
    public static string Anchor(string field) => field switch
    {
        FilingFields.SelfAssessmentReport => "Input_SelfAssessmentReport",
        FilingFields.DisclosureDocument => "Input_DisclosureDocument",
        FilingFields.InputModalities => "Input_InputModalities_Text",
        FilingFields.OutputModalities => "Input_OutputModalities_Text",
        FilingFields.Labeling => "labeling",
        FilingFields.LinkedProducts or FilingFields.ServiceMode => "filing-products",
        FilingFields.General => "filing-summary",
        _ => "Input_" + field,
    };

    public static string Href(Guid filingId, string field, bool markMissing = false) =>
        $"/filings/{filingId}/{FilingSteps.Page(FilingFields.StepOf(field))}{(markMissing ? "?check=1" : "")}#{Anchor(field)}";

    /// <summary>The form name of a field on its step page (the ModelState key its messages go under).</summary>
    public static string InputName(string field) => field switch
    {
        FilingFields.SelfAssessmentReport => "Input.SelfAssessmentReport",
        FilingFields.DisclosureDocument => "Input.DisclosureDocument",
        FilingFields.Labeling => "Input.Labels",
        FilingFields.LinkedProducts => "ProductIds",
        FilingFields.ServiceMode => "ServiceMode",
        FilingFields.General => "",
        _ => "Input." + field,
    };
}
