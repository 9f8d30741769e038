namespace Suanbei.Labels;

/// <summary>Turns what a container reader saw into a verdict (the "verify" command and API).</summary>
public static class Verifier
{
    public static VerificationReport Verify(string? format, ContainerReadResult read)
    {
        // Arrays and no list for no problems: a compliant file's report is three small objects (BENCHMARKS.md,
        // allocation per file).
        List<LabelProblem>? problems = null;
        var labels = read.Labels.Count == 0 ? [] : new VerifiedLabel[read.Labels.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            var found = read.Labels[i];
            var labelProblems = LabelValidator.Problems(found.RawValue, out var payload);
            labels[i] = new VerifiedLabel(found.Placement, found.RawValue, payload?.Fields ?? LabelFields.Empty, payload is not null);
            if (labelProblems is null) continue;
            if (labels.Length == 1) problems = labelProblems; // the validator's list is new: used as it is
            else foreach (var p in labelProblems) (problems ??= []).Add(p with { Message = $"[{found.Placement}] " + p.Message });
        }
        if (labels.Length > 1)
        {
            var placements = new string[labels.Length];
            for (var i = 0; i < placements.Length; i++) placements[i] = labels[i].Placement;
            (problems ??= []).Insert(0, new(LabelProblem.MultipleLabels,
                $"文件含有{labels.Length}处隐式标识（{string.Join("、", placements)}），一个文件只能有一处"));
        }

        Verdict verdict;
        if (read.Damage is not null)
        {
            (problems ??= []).Insert(0, new(LabelProblem.ContainerDamaged, "文件结构损坏或有歧义，无法判定：" + read.Damage));
            verdict = Verdict.Inconclusive;
        }
        else if (read.Labels.Count == 0) verdict = Verdict.NotFound;
        else verdict = problems is null ? Verdict.Compliant : Verdict.Noncompliant;
        return new VerificationReport(format, verdict, labels, problems ?? (IReadOnlyList<LabelProblem>)[]);
    }

    public static VerificationReport Unsupported(string why) =>
        new(null, Verdict.Inconclusive, [], [new(LabelProblem.UnsupportedFormat, why)]);
}
