using System.CommandLine;
using System.CommandLine.Help;
using System.Text;
using Suanbei.GenAi.Cli;

// `suanbei genai keywords|corpus …` on its own: only Suanbei.GenAi and System.CommandLine, so the project publishes as
// Native AOT and a scan starts without a runtime to load and methods to compile (that start-up was most of a scan of
// 100 MB). The ./suanbei launcher sends these two commands here; the full CLI carries the same commands.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

// Named "suanbei" (not the executable's name) so help and usage read `suanbei genai …`, as users type it.
var root = new Command("suanbei", "Suanbei 算备 — 生成式人工智能服务安全评估：语料抽样、关键词扫描")
{
    new HelpOption(), GenAiScanCommands.Create(),
};
var parseResult = root.Parse(args);
var exitCode = parseResult.Invoke();
// Parse errors are usage errors (System.CommandLine's default is 1, which `keywords scan` uses for "hits found").
return parseResult.Errors.Count > 0 ? GenAiCliOptions.UsageOrIoError : exitCode;
