namespace Suanbei.Core.GenerativeAi;

/// <summary>
/// Which procedure a generative-AI service goes through (reference genai-assessment.md §1): 备案 for a service on its own
/// or a fine-tuned model (provincial then national review), 登记 for one that only calls an already filed model (provincial
/// review alone). Decided from the form by the kind rule (Data/rules/genai-kind.json).
/// </summary>
public enum GenerativeAiFilingKind
{
    Filing = 0,       // 备案
    Registration = 1, // 登记
}
