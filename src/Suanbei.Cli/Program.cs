using System.CommandLine;
using Suanbei.Cli.Commands;

var root = new RootCommand("Suanbei 算备 — 算法备案、公示清单与 GB 45438 内容标识工具");
// One line per command group; each group lives in Commands/<Group>Commands.cs.
foreach (var command in CommandGroups.All()) root.Subcommands.Add(command);
var parsed = root.Parse(args);
var exitCode = parsed.Invoke();
// Usage errors exit with the shared code 10 (System.CommandLine's default is 1, which `label verify` uses for a verdict).
return parsed.Errors.Count > 0 ? CommonOptions.UsageOrIoError : exitCode;
