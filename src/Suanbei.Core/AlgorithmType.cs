namespace Suanbei.Core;

/// <summary>The five algorithm types of Art. 2 of 《互联网信息服务算法推荐管理规定》.</summary>
public enum AlgorithmType
{
    GenerationSynthesis, // 生成合成类 (deep synthesis)
    PersonalisedPush,    // 个性化推送类
    RankingSelection,    // 排序精选类
    RetrievalFiltering,  // 检索过滤类
    SchedulingDecision,  // 调度决策类
}
