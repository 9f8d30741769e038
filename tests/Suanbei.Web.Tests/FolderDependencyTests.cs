using System.Text.RegularExpressions;
using Suanbei.Testing;

namespace Suanbei.Web.Tests;

/// <summary>
/// Web's top-level folders (Data, Identity, Hosting, Features, …) depend on each other in one direction only:
/// Data on nothing in Web, Identity on Data, Hosting and Features on those. Read from the source: every
/// <c>Suanbei.Web.&lt;Folder&gt;</c> a file names (usings, qualified names, Razor <c>@model</c>/<c>@using</c>).
/// </summary>
public sealed partial class FolderDependencyTests
{
    [GeneratedRegex(@"\bSuanbei\.Web\.([A-Za-z]+)\b")]
    private static partial Regex WebNamespace();

    private static readonly string WebRoot = Path.Combine(RepoPaths.Root, "src", "Suanbei.Web");

    /// <summary>Folder → the other top-level folders its files name.</summary>
    public static Dictionary<string, SortedSet<string>> Dependencies()
    {
        var folders = Directory.GetDirectories(WebRoot).Select(Path.GetFileName).OfType<string>()
            .Where(d => d is not ("bin" or "obj")).ToHashSet();
        var graph = folders.ToDictionary(f => f, _ => new SortedSet<string>());
        foreach (var folder in folders)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(WebRoot, folder), "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
                foreach (Match m in WebNamespace().Matches(File.ReadAllText(file)))
                {
                    var target = m.Groups[1].Value;
                    if (target != folder && folders.Contains(target)) graph[folder].Add(target);
                }
        return graph;
    }

    /// <summary>A loop as "A → B → A", or null when the graph has none.</summary>
    public static string? FindLoop(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        string? Visit(string node)
        {
            if (path.IndexOf(node) is var at and >= 0) return string.Join(" → ", path.Skip(at).Append(node));
            if (!done.Add(node)) return null;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? [])
                if (Visit(next) is { } loop) return loop;
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(l => l is not null);
    }

    [Fact]
    public void Web_top_level_folders_have_no_dependency_loop()
    {
        var graph = Dependencies();
        Assert.Contains("Data", graph["Identity"]); // the scan sees real references
        Assert.Contains("Hosting", graph["Features"]);
        Assert.Empty(graph["Data"]);
        Assert.Null(FindLoop(graph));
    }

    [Fact]
    public void The_loop_finder_reports_a_loop_with_its_path()
    {
        var graph = new Dictionary<string, SortedSet<string>>
        {
            ["Data"] = ["Hosting"], ["Hosting"] = ["Identity"], ["Identity"] = ["Data"], ["Features"] = ["Data"],
        };
        Assert.Equal("Data → Hosting → Identity → Data", FindLoop(graph));
        graph["Identity"] = [];
        Assert.Null(FindLoop(graph));
    }
}
