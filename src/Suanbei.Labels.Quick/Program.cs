using System.Text;
using Suanbei.Labels.Quick;

// `suanbei label …` as ./suanbei starts it: the per-file commands run here, everything else (help, usage errors,
// tables, signing) is handed to the full program with the same arguments.
if (QuickCommand.Parse(args) is not { } command) return FullProgram.Exec(args);
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return command();
