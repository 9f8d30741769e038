namespace Suanbei.Core.Identifiers;

/// <summary>What a generative-AI number was issued for: 备案 (own or fine-tuned model) or 登记 (an application calling a
/// filed model; its number ends in S and a four-digit sequence).</summary>
public enum GenerativeAiNumberKind { Filing, Registration }
