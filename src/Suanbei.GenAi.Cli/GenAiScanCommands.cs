using System.CommandLine;

namespace Suanbei.GenAi.Cli;

/// <summary>The <c>genai</c> group with only the scans (<c>corpus sample</c>, <c>keywords scan</c>): what the Native AOT
/// program runs, and what the full CLI builds for these two commands so that they start without the others.</summary>
public static class GenAiScanCommands
{
    public static Command Create() => new("genai", "生成式人工智能服务安全评估（GB/T 45654-2025）：语料抽样、关键词扫描")
    {
        GenAiCorpusCommand.Create(), GenAiKeywordsCommand.Create(),
    };
}
