namespace Suanbei.Core.GenerativeAi;

/// <summary>
/// A material filed besides the 上线备案表: a stable key (form field), its Chinese name, where it is required, and
/// whether it may be linked from the assessment toolkit instead of uploaded.
/// </summary>
public sealed record GenerativeAiMaterial(string Key, string Name, string Source, GenerativeAiToolkitOption? Toolkit = null);
