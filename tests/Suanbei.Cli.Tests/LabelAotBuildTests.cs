using System.Text.RegularExpressions;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>
/// The label program ./suanbei runs is a Native AOT build, and its publish printed no trim or AOT warning (IL2xxx,
/// IL3xxx: code that may break once trimmed or compiled ahead of time). The launcher keeps the publish log beside the
/// build, so this reads the warnings of the build every other label test uses instead of publishing again.
/// </summary>
[Collection("launcher builds")]
public sealed class LabelAotBuildTests
{
    private static string BuildRoot => Environment.GetEnvironmentVariable("SUANBEI_BUILD_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepoPaths.Root, ".build");

    [Fact]
    public void Launcher_runs_a_native_aot_build_published_without_trim_or_aot_warnings()
    {
        var help = LabelCli.RunLauncher("label", "--help");
        Assert.True(help.ExitCode == 0, help.StdErr);

        var build = Path.Combine(BuildRoot, "label");
        var log = File.ReadAllText(Path.Combine(build, "build.log"));
        // Neither fallback: no managed program and no runtime beside the executable.
        Assert.True(File.Exists(Path.Combine(build, "suanbei-label")), "no executable in " + build + "\n" + log);
        Assert.False(File.Exists(Path.Combine(build, "suanbei-label.dll")), "the AOT publish failed, a fallback was used:\n" + log);
        Assert.False(File.Exists(Path.Combine(build, "libcoreclr.so")), "the AOT publish failed, a fallback was used:\n" + log);

        var warnings = TrimOrAotWarnings(log);
        Assert.True(warnings.Count == 0, "the Native AOT publish warned:\n" + string.Join("\n", warnings));
    }

    [Fact]
    public void Warning_check_sees_the_warnings_publish_prints()
    {
        // The shape `dotnet publish -v quiet` prints (as in an earlier publish of this project, before Core's JSON
        // readers were source-generated), so that a real warning cannot slip past the pattern above.
        const string log = """
            /src/Suanbei.Core/Calendar/WorkingCalendar.cs(86,19): warning IL2026: Using member 'JsonSerializer.Deserialize'
            ILC: /src/Foo.cs(1,1): Trim analysis warning IL2075: Foo.Bar(): 'this' argument does not satisfy …
            /src/Suanbei.Labels/Formats/Mp4/Mp4Digest.cs(103,13): warning CS8602: Dereference of a possibly null reference.
            """;
        Assert.Equal(2, TrimOrAotWarnings(log).Count);
    }

    private static List<string> TrimOrAotWarnings(string log) =>
        [.. log.Split('\n').Where(l => Regex.IsMatch(l, @"warning IL[23]\d{3}\b")).Distinct()];
}
