using Spectre.Console;

namespace Suanbei.Labels.Cli;

/// <summary>
/// Colour and other ANSI escape codes only for a person at a terminal: not when stdout is a pipe or a file, and not when
/// NO_COLOR is set (https://no-color.org). Spectre.Console decides from TERM alone, so piped tables kept their codes.
/// </summary>
public static class TerminalOutput
{
    public static bool UseAnsi => !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Sets up <see cref="AnsiConsole"/> for this process; called first thing by both programs.</summary>
    public static void Configure()
    {
        var ansi = UseAnsi;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = ansi ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
    }
}
