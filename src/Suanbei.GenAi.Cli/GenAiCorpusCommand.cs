using System.CommandLine;
using Suanbei.Core.Files;
using Suanbei.GenAi;
using Suanbei.GenAi.Corpus;

namespace Suanbei.GenAi.Cli;

/// <summary><c>suanbei genai corpus sample</c>: the corpus spot check's seeded uniform sample.</summary>
public static class GenAiCorpusCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "语料文件（JSONL/TXT/CSV，可为 gzip）", Arity = ArgumentArity.OneOrMore };
        var size = new Option<int>("--size")
        {
            Description = "抽样条数（默认按标准的人工抽检数量）",
            DefaultValueFactory = _ => AssessmentRules.Default.Assessment("corpus").Sample!.Value,
        };
        var seed = new Option<int>("--seed") { Description = "随机种子", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("-o", "--output") { Description = "样本输出文件（JSONL：file、line、text）", Required = true };
        var sample = new Command("sample", "从任意大小的语料中均匀随机抽样（蓄水池抽样，流式读取，可复现）") { files, size, seed, output };
        sample.SetAction(parse =>
        {
            var n = parse.GetValue(size);
            if (n < 1) { Console.Error.WriteLine("--size 应为正整数"); return GenAiCliOptions.UsageOrIoError; }
            var paths = parse.GetValue(files)!;
            if (paths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
            {
                Console.Error.WriteLine($"语料文件不存在：{missing}");
                return GenAiCliOptions.UsageOrIoError;
            }
            // Checked before the corpus is read, not only when the sample is written.
            if (!OutputPaths.IsReplaceable(parse.GetValue(output)!))
            {
                Console.Error.WriteLine(OutputPaths.NotReplaceable(parse.GetValue(output)!));
                return GenAiCliOptions.UsageOrIoError;
            }
            try
            {
                var (count, population) = CorpusSampler.SampleTo(paths, n, parse.GetValue(seed), parse.GetValue(output)!);
                StandardError.WriteLine($"从 {population} 条中抽取 {count} 条（种子 {parse.GetValue(seed)}）→ {parse.GetValue(output)}");
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Console.Error.WriteLine($"语料读取或写入失败：{e.Message}");
                return GenAiCliOptions.UsageOrIoError;
            }
        });
        return new Command("corpus", "训练语料抽检") { sample };
    }
}
