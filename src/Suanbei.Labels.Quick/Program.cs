using System.Text;
using Suanbei.Labels.Quick;

// `suanbei label …` as ./suanbei starts it: the per-file commands run here, everything else (help, usage errors,
// tables, signing) is handed to the full program with the same arguments. Started by the launcher's preamble, it first
// checks that its build is still fresh (OwnBuildFreshness), and hands a stale one back to the launcher to rebuild.
if (OwnBuildFreshness.HandBackIfStale(args) is { } handBackFailed) return handBackFailed;
if (QuickCommand.Parse(args) is not { } command) return FullProgram.Exec(args);
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return command();
