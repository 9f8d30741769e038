namespace Suanbei.Core.Assessment;

/// <summary>Large-model duty: none, 备案 (own or fine-tuned model) or 登记 (calls a filed model).</summary>
public enum LargeModelDutyKind { None, Filing, Registration }
