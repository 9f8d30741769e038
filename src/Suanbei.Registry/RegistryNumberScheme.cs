namespace Suanbei.Registry;

/// <summary>Which numbering scheme a registry number follows (reference §4).</summary>
public enum RegistryNumberScheme { Unknown, Algorithm, GenerativeAiFiling, GenerativeAiRegistration }
