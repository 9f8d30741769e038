namespace Suanbei.Core.GenerativeAi;

/// <summary>
/// Where a filed material comes from: a file the filer uploaded, or a link to what the assessment toolkit keeps — stored
/// bank versions (关键词拦截列表, 评估测试题集) or a reviewed evaluation run (安全自评估报告). A link is read when the
/// material is shown or downloaded, so it never drifts from the version it names.
/// </summary>
public enum GenerativeAiMaterialSource
{
    Upload = 0,
    BankVersion = 1,
    ReviewRun = 2,
}
