using System.CommandLine;
using Suanbei.Labels.Cli;

namespace Suanbei.Cli.Commands;

/// <summary>Options shared by every command that touches stored data or prints machine-readable output.</summary>
internal static class CommonOptions
{
    /// <summary>Exit code for usage and I/O errors, shared by all commands.</summary>
    public const int UsageOrIoError = LabelCliOptions.UsageOrIoError;

    public static Option<string> Data() => new("--data")
    {
        Description = "数据目录（SQLite 数据库与材料文件），默认 ./data",
        DefaultValueFactory = _ => "./data",
    };

    public static Option<string?> Db() => new("--db")
    {
        Description = "PostgreSQL 连接字符串；省略时使用数据目录中的 SQLite",
    };

    public static Option<bool> Json() => LabelCliOptions.Json();
}
