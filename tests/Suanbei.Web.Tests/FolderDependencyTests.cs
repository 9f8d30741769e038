using System.Text.RegularExpressions;
using Suanbei.Testing;

namespace Suanbei.Web.Tests;

/// <summary>
/// Web's top-level folders (Data, Identity, Hosting, Features, …) depend on each other in one direction only:
/// Data on nothing in Web, Identity on Data, Hosting and Features on those. Read from the source: every
/// <c>Suanbei.Web.&lt;Folder&gt;</c> a file names (usings, qualified names, Razor <c>@model</c>/<c>@using</c>), and
/// every name relative to <c>Suanbei.Web</c> that code inside it may use (<c>Features.Organisations.Foo</c>, which C#
/// resolves without a using): a folder followed by one of its subfolders or by a file at its top.
/// </summary>
public sealed partial class FolderDependencyTests
{
    [GeneratedRegex(@"\bSuanbei\.Web\.([A-Za-z]+)\b")]
    private static partial Regex WebNamespace();

    [GeneratedRegex(@"(?<![\w.])([A-Z][A-Za-z]+)\.([A-Z][A-Za-z0-9]*)\b")]
    private static partial Regex RelativeName();

    private static readonly string WebRoot = Path.Combine(RepoPaths.Root, "src", "Suanbei.Web");

    /// <summary>Folder → the other top-level folders its files name, in Suanbei.Web or the tree at <paramref name="webRoot"/>.</summary>
    public static Dictionary<string, SortedSet<string>> Dependencies(string? webRoot = null)
    {
        webRoot ??= WebRoot;
        var folders = Directory.GetDirectories(webRoot).Select(Path.GetFileName).OfType<string>()
            .Where(d => d is not ("bin" or "obj")).ToHashSet();
        var graph = folders.ToDictionary(f => f, _ => new SortedSet<string>());
        foreach (var folder in folders)
            foreach (var file in Directory.EnumerateFiles(Path.Combine(webRoot, folder), "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)))
            {
                var text = File.ReadAllText(file);
                foreach (Match m in WebNamespace().Matches(text))
                {
                    var target = m.Groups[1].Value;
                    if (target != folder && folders.Contains(target)) graph[folder].Add(target);
                }
                foreach (Match m in RelativeName().Matches(text))
                {
                    var target = m.Groups[1].Value;
                    if (target != folder && folders.Contains(target) && IsInFolder(webRoot, target, m.Groups[2].Value))
                        graph[folder].Add(target);
                }
            }
        return graph;
    }

    /// <summary>Whether <paramref name="name"/> is a subfolder of the top-level <paramref name="folder"/> or a file at its top.</summary>
    private static bool IsInFolder(string webRoot, string folder, string name) =>
        Directory.Exists(Path.Combine(webRoot, folder, name)) || File.Exists(Path.Combine(webRoot, folder, name + ".cs"));

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

    [Fact]
    public void A_name_relative_to_the_web_namespace_counts_as_a_dependency()
    {
        var root = Directory.CreateTempSubdirectory("folders-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "Features", "Organisations"));
            Directory.CreateDirectory(Path.Combine(root, "Data", "Migrations"));
            Directory.CreateDirectory(Path.Combine(root, "Hosting"));
            File.WriteAllText(Path.Combine(root, "Hosting", "SuanbeiWebHost.cs"), "namespace Suanbei.Web.Hosting;");
            File.WriteAllText(Path.Combine(root, "Data", "Migrations", "M1.cs"),
                "namespace Suanbei.Web.Data.Migrations;\nclass M1 { object o = typeof(Features.Organisations.MembershipCache); }");
            File.WriteAllText(Path.Combine(root, "Features", "Organisations", "Page.cs"),
                "class P { string s = Hosting.SuanbeiWebHost.Name; int n = Data.Length; int k = x.Hosting.Y; }");
            var graph = Dependencies(root);
            Assert.Equal(["Features"], graph["Data"]);
            Assert.Equal(["Hosting"], graph["Features"]); // Data.Length: Data has no file or folder "Length"
        }
        finally { Directory.Delete(root, recursive: true); }
    }
}
