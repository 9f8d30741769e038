using System.CommandLine;
using System.Text;
using System.Text.Json;
using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Keywords;

namespace Suanbei.GenAi.Cli;

/// <summary><c>suanbei genai keywords scan</c>: the keyword library over text files, every hit with its byte offset.</summary>
public static class GenAiKeywordsCommand
{
    public static Command Create()
    {
        var keywords = new Option<string>("--keywords") { Description = "关键词库文件", Required = true };
        var files = new Argument<string[]>("files") { Description = "要扫描的 UTF-8 文本文件（可为 gzip）", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "以 JSON 行输出（每个命中一行：file、offset、keyword、risk）" };
        var engine = new Option<string>("--engine")
        {
            Description = "匹配算法：aho-corasick（默认，较快）或 search-values（用于对比测速）",
            DefaultValueFactory = _ => "aho-corasick",
        };
        engine.AcceptOnlyFromAmong("aho-corasick", "search-values");
        var count = new Option<bool>("--count") { Description = "只输出命中总数" };
        var scan = new Command("scan", "用关键词库扫描文本，列出每个命中（文件、字节偏移、关键词、风险）") { keywords, files, json, engine, count };
        scan.SetAction(parse =>
        {
            KeywordLibrary library;
            try
            {
                var kind = parse.GetValue(engine) == "search-values" ? KeywordEngine.SearchValues : KeywordEngine.AhoCorasick;
                library = KeywordLibrary.FromBank(BankReader.Read(parse.GetValue(keywords)!), kind);
            }
            catch (BankFormatException e) { Console.Error.WriteLine($"--keywords：{e.Message}"); return GenAiCliOptions.UsageOrIoError; }
            var asJson = parse.GetValue(json);
            var countOnly = parse.GetValue(count);
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            using var text = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 12);
            using var hitJson = new Utf8JsonWriter(stdout, GenAiCliOptions.WriterOptions);
            long total = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                try
                {
                    total += library.ScanFile(file, (offset, keyword) =>
                    {
                        if (countOnly) return;
                        if (asJson) WriteHit(hitJson, stdout, file, offset, keyword);
                        else text.WriteLine($"{file}:{offset}: {keyword.Text} ({string.Join(';', keyword.Risks)})");
                    });
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    text.Flush();
                    Console.Error.WriteLine($"无法读取 {file}：{e.Message}");
                    return GenAiCliOptions.UsageOrIoError;
                }
            }
            if (countOnly) text.WriteLine(total);
            text.Flush();
            return total > 0 ? 1 : 0;
        });
        return new Command("keywords", "关键词拦截：扫描文本") { scan };
    }

    /// <summary>One JSON line (file, offset, keyword, risk) straight into the buffered stdout.</summary>
    private static void WriteHit(Utf8JsonWriter w, Stream stdout, string file, long offset, Keyword keyword)
    {
        w.Reset(stdout);
        w.WriteStartObject();
        w.WriteString("file", file);
        w.WriteNumber("offset", offset);
        w.WriteString("keyword", keyword.Text);
        w.WriteString("risk", string.Join(';', keyword.Risks));
        w.WriteEndObject();
        w.Flush();
        stdout.WriteByte((byte)'\n');
    }
}
