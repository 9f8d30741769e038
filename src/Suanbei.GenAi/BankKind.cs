namespace Suanbei.GenAi;

/// <summary>The four banks of the assessment.</summary>
public enum BankKind
{
    /// <summary>关键词库.</summary>
    Keywords,
    /// <summary>生成内容测试题库.</summary>
    Content,
    /// <summary>应拒答测试题库.</summary>
    Refuse,
    /// <summary>非拒答测试题库.</summary>
    Answer,
}
