namespace Suanbei.Core.GenerativeAi;

/// <summary>A material filed besides the 上线备案表: a stable key (form field), its Chinese name and where it is required.</summary>
public sealed record GenerativeAiMaterial(string Key, string Name, string Source);
