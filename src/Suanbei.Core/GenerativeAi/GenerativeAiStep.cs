namespace Suanbei.Core.GenerativeAi;

/// <summary>The steps of the 上线备案表 form as the filer fills it.</summary>
public enum GenerativeAiStep
{
    Model = 1,     // 模型与功能
    Corpus = 2,    // 语料与算力
    Service = 3,   // 服务与产品
    Materials = 4, // 备案材料
}
