namespace Suanbei.Labels;

/// <summary>The verdict of <c>label verify</c>; <see cref="VerdictNames"/> are the stable JSON values.</summary>
public enum Verdict { Compliant, Noncompliant, NotFound, Inconclusive }

public static class VerdictNames
{
    public static string Name(this Verdict v) => v switch
    {
        Verdict.Compliant => "compliant",
        Verdict.Noncompliant => "noncompliant",
        Verdict.NotFound => "not_found",
        _ => "inconclusive",
    };

    /// <summary>Exit code of <c>label verify</c> for one file; over many files the highest wins
    /// (inconclusive 3 &gt; not_found 2 &gt; noncompliant 1 &gt; compliant 0).</summary>
    public static int ExitCode(this Verdict v) => v switch
    {
        Verdict.Compliant => 0,
        Verdict.Noncompliant => 1,
        Verdict.NotFound => 2,
        _ => 3,
    };
}

/// <summary>One label found, with its placement and the fields as parsed (missing fields are null).</summary>
public sealed record VerifiedLabel(string Placement, string RawValue, IReadOnlyDictionary<string, string?> Fields, bool Parsed)
{
    /// <summary>The label when all seven fields are present as strings.</summary>
    public AigcLabel? Label => Parsed ? new LabelPayload(Fields, false).ToLabel() : null;
}

public sealed record VerificationReport(string? Format, Verdict Verdict, IReadOnlyList<VerifiedLabel> Labels,
    IReadOnlyList<LabelProblem> Problems);

/// <summary>Turns what a container reader saw into a verdict (the "verify" command and API).</summary>
public static class Verifier
{
    public static VerificationReport Verify(string? format, ContainerReadResult read)
    {
        var problems = new List<LabelProblem>();
        var labels = new List<VerifiedLabel>();
        foreach (var found in read.Labels)
        {
            var labelProblems = LabelValidator.Validate(found.RawValue, out var payload);
            labels.Add(new VerifiedLabel(found.Placement, found.RawValue,
                payload?.Fields ?? new Dictionary<string, string?>(), payload is not null));
            if (read.Labels.Count == 1) problems.AddRange(labelProblems);
            else foreach (var p in labelProblems) problems.Add(p with { Message = $"[{found.Placement}] " + p.Message });
        }
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
