namespace Suanbei.Labels;

/// <summary>Turns what a container reader saw into a verdict (the "verify" command and API).</summary>
public static class Verifier
{
    public static VerificationReport Verify(string? format, ContainerReadResult read)
    {
        List<LabelProblem>? problems = null;
        var labels = new List<VerifiedLabel>(read.Labels.Count);
        for (var i = 0; i < read.Labels.Count; i++)
        {
            var found = read.Labels[i];
            var labelProblems = LabelValidator.Validate(found.RawValue, out var payload);
            labels.Add(new VerifiedLabel(found.Placement, found.RawValue,
                payload?.Fields ?? new Dictionary<string, string?>(), payload is not null));
            if (read.Labels.Count == 1) problems = labelProblems; // the validator's list is new: used as it is
            else foreach (var p in labelProblems) (problems ??= []).Add(p with { Message = $"[{found.Placement}] " + p.Message });
        }
        problems ??= [];
        if (read.Labels.Count > 1)
        {
            var placements = new string[read.Labels.Count];
            for (var i = 0; i < placements.Length; i++) placements[i] = read.Labels[i].Placement;
            problems.Insert(0, new(LabelProblem.MultipleLabels,
                $"文件含有{read.Labels.Count}处隐式标识（{string.Join("、", placements)}），一个文件只能有一处"));
        }

        Verdict verdict;
        if (read.Damage is not null)
        {
            problems.Insert(0, new(LabelProblem.ContainerDamaged, "文件结构损坏或有歧义，无法判定：" + read.Damage));
            verdict = Verdict.Inconclusive;
        }
        else if (read.Labels.Count == 0) verdict = Verdict.NotFound;
        else verdict = problems.Count == 0 ? Verdict.Compliant : Verdict.Noncompliant;
        return new VerificationReport(format, verdict, labels, problems);
    }

    public static VerificationReport Unsupported(string why) =>
        new(null, Verdict.Inconclusive, [], [new(LabelProblem.UnsupportedFormat, why)]);
}
