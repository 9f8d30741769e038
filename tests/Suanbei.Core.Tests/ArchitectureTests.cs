using System.Text.RegularExpressions;
using System.Xml.Linq;
using Suanbei.Testing;
using Xunit;

namespace Suanbei.Core.Tests;

/// <summary>
/// The shape of the repository as docs/architecture.md draws it: which project may reference which, and the hygiene
/// rules (line length, no tracker references) that every project under src/, tests/ and bench/ is kept to.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>The allowed arrows between the projects under src/ (docs/architecture.md). A project not listed fails.</summary>
    private static readonly Dictionary<string, string[]> AllowedReferences = new()
    {
        ["Suanbei.Core"] = [],
        ["Suanbei.Labels"] = ["Suanbei.Core"],
        ["Suanbei.Labels.Security"] = ["Suanbei.Labels", "Suanbei.Core"],
        ["Suanbei.Labels.Cli"] = ["Suanbei.Labels", "Suanbei.Labels.Security", "Suanbei.Core"],
        ["Suanbei.Labels.Native"] = ["Suanbei.Labels", "Suanbei.Labels.Security", "Suanbei.Core"],
        ["Suanbei.Labels.Quick"] = ["Suanbei.Labels", "Suanbei.Core"],
        ["Suanbei.Registry"] = ["Suanbei.Core"],
        ["Suanbei.GenAi"] = ["Suanbei.Core"],
        ["Suanbei.GenAi.Cli"] = ["Suanbei.GenAi"],
        ["Suanbei.Web"] = ["Suanbei.Core", "Suanbei.Labels", "Suanbei.Registry", "Suanbei.GenAi"],
        ["Suanbei.Cli"] =
        [
            "Suanbei.Core", "Suanbei.Labels", "Suanbei.Labels.Cli", "Suanbei.Registry", "Suanbei.GenAi", "Suanbei.GenAi.Cli",
            "Suanbei.Web",
        ],
    };

    /// <summary>Every project folder (one holding a .csproj) under src/, tests/ and bench/: all are kept to the hygiene rules.</summary>
    private static string[] CleanedProjects =>
        new[] { "src", "tests", "bench" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.csproj", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Root, Path.GetDirectoryName(f)!).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
            .ToArray();

    /// <summary>Files that may keep lines over the limit, with the reason a line break cannot go there.</summary>
    private static readonly Dictionary<string, string> LongLineExemptions = new()
    {
        ["src/Suanbei.Web/Hosting/PlainAnswers.cs"] =
            "a multi-line raw HTML string: a line break inside it would change the page the server sends",
    };

    public const int MaxLineLength = 140;

    private static string Root => RepoPaths.Root;

    [Fact]
    public void Every_project_reference_under_src_is_an_allowed_arrow()
    {
        var projects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(projects);
        var wrong = new List<string>();
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            if (!AllowedReferences.TryGetValue(name, out var allowed))
            {
                wrong.Add($"{name}: not in the allowed-references table (add it, as in docs/architecture.md)");
                continue;
            }
            foreach (var reference in References(project))
                if (!allowed.Contains(reference)) wrong.Add($"{name} → {reference}");
        }
        Assert.True(wrong.Count == 0, "Forbidden project references:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_reference_check_sees_a_forbidden_arrow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"suanbei-arch-{Guid.NewGuid():N}.csproj");
        File.WriteAllText(path, """
            <Project Sdk="Microsoft.NET.Sdk"><ItemGroup>
              <ProjectReference Include="..\Suanbei.Web\Suanbei.Web.csproj" />
            </ItemGroup></Project>
            """);
        try
        {
            var reference = Assert.Single(References(path));
            Assert.DoesNotContain(reference, AllowedReferences["Suanbei.Core"]);
        }
        finally { File.Delete(path); }
    }

    private static IEnumerable<string> References(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')));

    private static IEnumerable<(string Path, string[] Lines)> CleanedSources() =>
        CleanedProjects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root, p), "*.cs", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
            .Select(f => (f, File.ReadAllLines(Path.Combine(Root, f))));

    [Fact]
    public void No_line_of_a_cleaned_project_is_longer_than_the_limit()
    {
        var tooLong = CleanedSources()
            .Where(s => !LongLineExemptions.ContainsKey(s.Path))
            .SelectMany(s => s.Lines.Select((line, i) => (s.Path, Number: i + 1, line.Length)))
            .Where(x => x.Length > MaxLineLength)
            .Select(x => $"{x.Path}:{x.Number} ({x.Length})").ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines over {MaxLineLength} characters:\n" + string.Join("\n", tooLong));
    }

    /// <summary>Files under src/ other than C# whose lines are kept to the limit too: pages, styles, scripts, READMEs.</summary>
    private static readonly string[] WrappedExtensions = [".cshtml", ".css", ".js", ".md"];

    /// <summary>Files under src/ whose lines are not ours to wrap, with why, matched by file name: a vendored or generated
    /// asset (a minified script, say) goes here. None today.</summary>
    private static readonly Dictionary<string, string> NotWrappedFiles = [];

    [Fact]
    public void No_line_of_a_page_style_script_or_readme_under_src_is_longer_than_the_limit()
    {
        var tooLong = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => WrappedExtensions.Contains(Path.GetExtension(f)) && !NotWrappedFiles.ContainsKey(Path.GetFileName(f)))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
            .SelectMany(f => File.ReadAllLines(Path.Combine(Root, f)).Select((line, i) => (Path: f, Number: i + 1, Line: line)))
            // A Markdown table row cannot be broken: a line break ends the row.
            .Where(x => x.Line.Length > MaxLineLength && !(x.Path.EndsWith(".md") && x.Line.TrimStart().StartsWith('|')))
            .Select(x => $"{x.Path}:{x.Number} ({x.Line.Length})").ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} lines over {MaxLineLength} characters:\n" + string.Join("\n", tooLong));
    }

    [Fact]
    public void Every_long_line_exemption_is_still_needed()
    {
        Assert.NotEmpty(CleanedProjects.Where(p => p.StartsWith("bench/")));
        var stale = LongLineExemptions.Keys
            .Where(f => File.ReadAllLines(Path.Combine(Root, f)).All(line => line.Length <= MaxLineLength)).ToList();
        Assert.True(stale.Count == 0, "No longer over the limit; drop the exemption:\n" + string.Join("\n", stale));
    }

    /// <summary>A top-level type declaration: at the start of a line (namespaces are file-scoped, nested types indented).</summary>
    [GeneratedRegex(@"^(?:(?<access>public|internal|file)\s+)?(?:(?:sealed|static|abstract|readonly|partial|ref|unsafe|record)\s+)*"
        + @"(?:class|record|struct|interface|enum)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelType();

    /// <summary>The public top-level types a C# source declares (nested and non-public types are not counted).</summary>
    public static IReadOnlyList<string> PublicTopLevelTypes(string source) =>
        TopLevelType().Matches(source).Where(m => m.Groups["access"].Value == "public").Select(m => m.Groups["name"].Value).ToList();

    [Fact]
    public void A_file_named_after_a_type_holds_only_that_public_type()
    {
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (path.Contains("/obj/") || path.Contains("/bin/")) continue;
            var types = PublicTopLevelTypes(File.ReadAllText(file));
            var name = Path.GetFileNameWithoutExtension(file);
            if (types.Contains(name) && types.Any(t => t != name))
                wrong.Add($"{path}: also {string.Join(", ", types.Where(t => t != name))}");
        }
        Assert.True(wrong.Count == 0, "Give each public type its own file, named after it:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_type_rule_sees_a_second_public_type_but_not_nested_or_internal_ones()
    {
        const string source = """
            namespace X;

            /// <summary>A.</summary>
            public sealed record Holder(int A)
            {
                public sealed class Nested;
            }

            internal static class Helper;

            public readonly record struct Second(int B);
            """;
        Assert.Equal(["Holder", "Second"], PublicTopLevelTypes(source));
    }

    [GeneratedRegex(@"\bissues?\s*#?\d+", RegexOptions.IgnoreCase)]
    private static partial Regex TrackerReference();

    [Fact]
    public void No_source_of_a_cleaned_project_refers_to_an_issue_tracker()
    {
        var found = CleanedSources()
            .SelectMany(s => s.Lines.Select((line, i) => (s.Path, Number: i + 1, Line: line)))
            .Where(x => TrackerReference().IsMatch(x.Line) && !x.Path.EndsWith("ArchitectureTests.cs"))
            .Select(x => $"{x.Path}:{x.Number}: {x.Line.Trim()}").ToList();
        Assert.True(found.Count == 0, "A reader has no tracker; say what the code does instead:\n" + string.Join("\n", found));
    }
}
