namespace Suanbei.Core.GenerativeAi;

/// <summary>Why a service files (备案) or registers (登记): the rule's text and its source.</summary>
public sealed record GenerativeAiKindDecision(GenerativeAiFilingKind Kind, string Text, string Source);
