namespace Suanbei.Labels;

public sealed record VerificationReport(string? Format, Verdict Verdict, IReadOnlyList<VerifiedLabel> Labels,
    IReadOnlyList<LabelProblem> Problems);
