using System.Text.RegularExpressions;
using Suanbei.Testing;

namespace Suanbei.Registry.Tests;

/// <summary>The layering README.md states: each folder of Suanbei.Registry uses only the folders below it.</summary>
public partial class LayeringTests
{
    // Folder ("" = the model at the project root) → the registry folders it may use.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [""] = [],
        ["Import"] = [""],
        ["Export"] = [""],
        ["Similarity"] = [""],
        ["Store"] = ["", "Import"],
        ["Published"] = ["", "Import", "Store"],
        ["Publishing"] = ["", "Store"],
        ["Display"] = ["", "Store"],
    };

    [GeneratedRegex(@"\bSuanbei\.Registry\.(\w+)")]
    private static partial Regex RegistryNamespace();

    private static string ProjectFolder => Path.Combine(RepoPaths.Root, "src", "Suanbei.Registry");

    [Fact]
    public void Every_folder_uses_only_the_folders_below_it()
    {
        var files = Directory.EnumerateFiles(ProjectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.NotEmpty(files);
        var wrong = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(ProjectFolder, file);
            var folder = Path.GetDirectoryName(relative) ?? "";
            Assert.True(Allowed.ContainsKey(folder), $"{relative}: folder “{folder}” is not in the layering (README.md)");
            foreach (Match m in RegistryNamespace().Matches(File.ReadAllText(file)))
            {
                var used = m.Groups[1].Value;
                if (!Allowed.ContainsKey(used) || used == folder) continue; // a type of the root namespace, or itself
                if (!Allowed[folder].Contains(used)) wrong.Add($"{relative} uses {used}");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public void The_registry_depends_on_neither_ASP_NET_Core_nor_Entity_Framework()
    {
        var references = typeof(RegistryRow).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.Contains("Suanbei.Core", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore") || r.StartsWith("Microsoft.EntityFrameworkCore"));
        Assert.DoesNotContain(references, r => r.StartsWith("Suanbei.Web"));
    }
}
