using System.CommandLine;
using System.Text;
using Suanbei.Cli.Commands;
using Suanbei.Labels.Cli;

// A node given one core serves more without thread-pool spinning; set before the pool starts (see ServeThreadPool).
if (args is ["serve", ..]) ServeThreadPool.Configure();
// Chinese text must reach pipes and files as UTF-8 whatever the locale.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
// The scans (`genai keywords|corpus`) run over large files in one command and are timed against grep: they build only
// their own commands and skip the terminal set-up (Spectre.Console), which they do not use.
var scan = args is ["genai", "keywords" or "corpus", ..];
// Colour only at a terminal (tables of the label commands): pipes and files get plain text.
if (!scan) TerminalOutput.Configure();

var root = new RootCommand("Suanbei 算备 — 算法备案、公示清单与 GB 45438 内容标识工具");
// One line per command group; each group lives in Commands/<Group>Commands.cs. `label …` (batch verification is
// start-up bound) builds only its own group, so the web host's and EF Core's types are not loaded or compiled.
if (args is ["label", ..]) root.Subcommands.Add(LabelCommands.Create(args));
else if (scan) root.Subcommands.Add(GenAiCommands.CreateScans());
else foreach (var command in CommandGroups.All()) root.Subcommands.Add(command);
var parseResult = root.Parse(args);
var exitCode = parseResult.Invoke();
// Parse errors (unknown command, missing or malformed argument) are usage errors with one exit code for all commands
// (System.CommandLine's default is 1, which `label verify` and `check` use for a verdict).
return parseResult.Errors.Count > 0 ? CommonOptions.UsageOrIoError : exitCode;
