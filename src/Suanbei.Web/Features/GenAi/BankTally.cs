using Suanbei.GenAi;
using Suanbei.GenAi.Statistics;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// A bank's figures in a review: the automatic rate and the final one (a person's verdict where given, the automatic
/// one otherwise), each with its Wilson interval, against the threshold; how many items people marked, and the
/// agreement of every pair of reviewers who marked the same items.
/// </summary>
public sealed record BankTally(string Bank, AssessmentThreshold Threshold, int Items, int Reviewed, Proportion Auto,
    Proportion Final, IReadOnlyList<ReviewerAgreement> Agreements)
{
    public bool Meets => Threshold.Meets(Final.Rate);
}
