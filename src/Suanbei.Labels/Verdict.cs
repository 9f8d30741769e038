namespace Suanbei.Labels;

/// <summary>The verdict of <c>label verify</c>; <see cref="VerdictNames"/> are the stable JSON values.</summary>
public enum Verdict { Compliant, Noncompliant, NotFound, Inconclusive }
