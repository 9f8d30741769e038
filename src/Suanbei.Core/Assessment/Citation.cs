namespace Suanbei.Core.Assessment;

/// <summary>A conclusion of the assessment with the rule that produced it and the article it rests on.</summary>
public sealed record Citation(string RuleId, string Text, string Article);
