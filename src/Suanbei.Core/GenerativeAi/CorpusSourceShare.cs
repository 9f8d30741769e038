namespace Suanbei.Core.GenerativeAi;

/// <summary>One source of the training corpus (e.g. 公开网络数据, 自有数据, 采购数据) and its share of the corpus, in percent.</summary>
public sealed record CorpusSourceShare(string Source, decimal SharePercent);
