namespace Suanbei.Core.GenerativeAi;

/// <summary>Where the service's model comes from (是否使用已备案模型); it decides 备案 or 登记 (Data/rules/genai-kind.json).</summary>
public enum ModelSource
{
    Own = 0,             // 自研模型
    FineTuned = 1,       // 基于其他模型微调
    CallsFiledModel = 2, // 调用已备案模型（未经修改）
}
