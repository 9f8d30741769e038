using Suanbei.Core.Files;
using Suanbei.Testing;
using Xunit;

namespace Suanbei.Core.Tests.Files;

public sealed class OutputPathsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-output-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Only_a_missing_path_or_a_regular_file_may_be_replaced()
    {
        var file = Path.Combine(_dir, "a.jsonl");
        File.WriteAllText(file, "{}");
        var pipe = Path.Combine(_dir, "pipe");
        ExternalTool.RunChecked("mkfifo", pipe);
        File.CreateSymbolicLink(Path.Combine(_dir, "to-file"), file);
        File.CreateSymbolicLink(Path.Combine(_dir, "to-null"), "/dev/null");

        Assert.True(OutputPaths.IsReplaceable(Path.Combine(_dir, "missing.jsonl")));
        Assert.True(OutputPaths.IsReplaceable(file));
        Assert.True(OutputPaths.IsReplaceable(Path.Combine(_dir, "to-file")));
        // Only checked here, never written: run as root, a rename over them would replace the system's device.
        Assert.False(OutputPaths.IsReplaceable("/dev/null"));
        Assert.False(OutputPaths.IsReplaceable(Path.Combine(_dir, "to-null")));
        Assert.False(OutputPaths.IsReplaceable(pipe));
        Assert.False(OutputPaths.IsReplaceable(_dir));
        var refused = Assert.Throws<IOException>(() => OutputPaths.RequireReplaceable(pipe));
        Assert.Contains(pipe, refused.Message);
        Assert.Contains("不是普通文件", refused.Message);
    }
}
