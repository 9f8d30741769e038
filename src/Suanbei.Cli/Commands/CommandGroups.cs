using System.CommandLine;
using Suanbei.Labels.Cli;

namespace Suanbei.Cli.Commands;

/// <summary>The command groups of the <c>suanbei</c> command, in help order.</summary>
internal static class CommandGroups
{
    public static IEnumerable<Command> All()
    {
        yield return ServeCommands.Create();
        yield return AdminCommands.Create();
        foreach (var command in BackupCommands.Create()) yield return command;
        yield return NumberCommands.Create();
        yield return WorkdaysCommands.Create();
        yield return RegistryCommands.Create();
        yield return AssessCommands.Create();
        yield return CheckCommands.Create();
        yield return GenAiCommands.Create();
        yield return LabelCommands.Create();
    }
}
