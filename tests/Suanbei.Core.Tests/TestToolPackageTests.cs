using System.Text.RegularExpressions;
using Suanbei.Testing;
using Xunit;

namespace Suanbei.Core.Tests;

/// <summary>
/// A clean clone is not a fresh machine: a tool that happens to be installed here hides a missing install step. Every
/// tool a test runs through <see cref="ExternalTool"/> must come from a package in the test command's list, or be part
/// of every Debian system (an Essential package).
/// </summary>
public sealed partial class TestToolPackageTests
{
    /// <summary>Tools from Essential packages (coreutils, bash, dash, bsdutils) and the SDK itself: always there.</summary>
    private static readonly HashSet<string> AlwaysThere = ["bash", "sh", "chown", "mkfifo", "stat", "true", "script", "dotnet"];

    [GeneratedRegex("""ExternalTool\.(?:Require|Run|RunChecked)\(\s*"([^"]+)"\s*[,)]""")]
    private static partial Regex ToolCall();

    [GeneratedRegex(@"^packages=\((?<body>.*?)^\)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex PackagesBlock();

    private static HashSet<string> InstalledByTheTestCommand()
    {
        var body = PackagesBlock().Match(File.ReadAllText(Path.Combine(RepoPaths.Root, "test"))).Groups["body"].Value;
        return body.Split('\n').Select(l => l.Split('#')[0].Trim()).Where(p => p.Length > 0).ToHashSet();
    }

    [Fact]
    public void Every_tool_the_tests_run_is_installed_by_the_test_command()
    {
        var installed = InstalledByTheTestCommand();
        Assert.Contains("ffmpeg", installed); // the block was found and read
        var missing = new SortedSet<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")) continue;
            foreach (Match m in ToolCall().Matches(File.ReadAllText(file)))
            {
                var tool = m.Groups[1].Value;
                if (!AlwaysThere.Contains(tool) && !installed.Contains(ExternalTool.PackageOf(tool)))
                    missing.Add($"{tool} (package {ExternalTool.PackageOf(tool)}) in {Path.GetRelativePath(RepoPaths.Root, file)}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_package_named_for_a_tool_is_in_the_test_commands_list()
    {
        var installed = InstalledByTheTestCommand();
        Assert.Empty(ExternalTool.Packages.Where(kv => !installed.Contains(kv.Value)).Select(kv => $"{kv.Key} → {kv.Value}"));
    }
}
