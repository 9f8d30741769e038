using System.CommandLine;
using Suanbei.Cli.Commands;

var root = new RootCommand("Suanbei 算备 — 算法备案、公示清单与 GB 45438 内容标识工具");
// One line per command group; each group lives in Commands/<Group>Commands.cs.
foreach (var command in CommandGroups.All()) root.Subcommands.Add(command);
return root.Parse(args).Invoke();
