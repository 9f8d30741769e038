using System.CommandLine;
using System.CommandLine.Help;
using System.Text;
using Suanbei.Labels.Cli;

// `suanbei label …` on its own: only Suanbei.Labels, System.CommandLine and Spectre.Console, so the project publishes
// as Native AOT and starts without a runtime to load (batch verification and --in-place writes are start-up bound).
// The ./suanbei launcher sends `label …` here.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
TerminalOutput.Configure();

// Named "suanbei" (not the executable's name) so help and usage read `suanbei label …`, as users type it.
var root = new Command("suanbei", "Suanbei 算备 — GB 45438 内容标识工具") { new HelpOption(), LabelCommands.Create(args) };
var parseResult = root.Parse(args);
var exitCode = parseResult.Invoke();
// Parse errors are usage errors (System.CommandLine's default is 1, which `label verify` uses for a verdict).
return parseResult.Errors.Count > 0 ? LabelCliOptions.UsageOrIoError : exitCode;
