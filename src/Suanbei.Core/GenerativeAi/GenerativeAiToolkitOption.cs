namespace Suanbei.Core.GenerativeAi;

/// <summary>
/// How a material may instead be taken from the assessment toolkit: from bank versions (one per part, a bank kind code
/// such as <c>keywords</c>) or from one review run (no parts).
/// </summary>
public sealed record GenerativeAiToolkitOption(GenerativeAiMaterialSource Source, IReadOnlyList<string> Parts);
