namespace Suanbei.Core.GenerativeAi;

/// <summary>Whether the service answers in every domain or is limited to some (通用 / 特定领域).</summary>
public enum GenerativeAiDomainScope
{
    General = 0, // 通用
    Limited = 1, // 特定领域
}
