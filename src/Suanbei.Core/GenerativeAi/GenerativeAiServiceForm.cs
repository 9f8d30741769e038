using Suanbei.Core.Products;

namespace Suanbei.Core.GenerativeAi;

/// <summary>
/// The 上线备案表 of a generative-AI service (reference genai-assessment.md §1): every field optional while the draft is
/// saved; the form fields name the fields and says what blocks submission.
/// </summary>
public sealed record GenerativeAiServiceForm
{
    public string? ModelName { get; init; }                        // 模型名称 (the list's 模型名称 column)
    public string? ModelVersion { get; init; }                     // 模型版本
    public GenerativeAiFunctions Functions { get; init; }          // 服务功能 (the six classes)
    public GenerativeAiDomainScope? DomainScope { get; init; }     // 通用 / 特定领域
    public string? LimitedDomain { get; init; }                    // 限定领域说明 (when limited)
    public ModelSource? ModelSource { get; init; }                 // 自研 / 微调 / 调用已备案模型
    /// <summary>The filed model the service calls (required then) or was fine-tuned from (when that model is filed).</summary>
    public string? FiledModelName { get; init; }                   // 所用已备案模型名称
    public string? FiledModelNumber { get; init; }                 // 所用已备案模型备案号
    public string? CorpusScale { get; init; }                      // 训练语料规模
    public IReadOnlyList<CorpusSourceShare> CorpusSources { get; init; } = []; // 语料来源及占比
    public string? CorpusLanguages { get; init; }                  // 语料语种
    public string? Annotation { get; init; }                       // 语料标注情况
    public string? InferenceCompute { get; init; }                 // 推理算力
    public IReadOnlyList<ProductForm> ServiceForms { get; init; } = []; // 服务形式
    public ProductAudience? Audience { get; init; }                // 服务对象
    public string? UserScale { get; init; }                        // 用户规模
}
