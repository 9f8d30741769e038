namespace Suanbei.Registry;

/// <summary>A generative-AI number split into its parts: Beijing-WenXinYiYan-20230821, …-202407030003, …-20240428S0001.</summary>
public sealed record GenerativeAiNumber(string Province, string Name, DateOnly Date, int? Sequence, bool IsRegistration);
