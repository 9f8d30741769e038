using System.CommandLine;

namespace Suanbei.Labels.Cli;

/// <summary>Exit code and options shared by the <c>label</c> commands (and, for the exit code, by all of <c>suanbei</c>).</summary>
public static class LabelCliOptions
{
    /// <summary>Exit code for usage and I/O errors, shared by all commands.</summary>
    public const int UsageOrIoError = LabelActions.UsageOrIoError;

    public static Option<bool> Json() => new("--json") { Description = "以 JSON（每行一个对象）输出" };
}
