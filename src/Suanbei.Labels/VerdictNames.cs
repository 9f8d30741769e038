namespace Suanbei.Labels;

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
