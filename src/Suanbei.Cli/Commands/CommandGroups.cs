using System.CommandLine;

namespace Suanbei.Cli.Commands;

/// <summary>The command groups of the <c>suanbei</c> command, in help order.</summary>
internal static class CommandGroups
{
    public static IEnumerable<Command> All()
    {
        yield return LabelCommands.Create();
    }
}
