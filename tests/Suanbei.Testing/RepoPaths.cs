namespace Suanbei.Testing;

/// <summary>Locates the repository root and the <c>shared/</c> folder that CI places beside the clone.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared</c> relative to the repository root (reference text and real published rows).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string SharedData(string fileName) => Path.Combine(Shared, "data", fileName);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Suanbei.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Suanbei.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Reads a shared TSV file, skipping the leading '#' comment line; returns header + rows.</summary>
    public static (string[] Header, List<string[]> Rows) ReadSharedTsv(string fileName)
    {
        var lines = File.ReadAllLines(SharedData(fileName)).Where(l => !l.StartsWith('#') && l.Length > 0).ToList();
        var header = lines[0].Split('\t');
        return (header, lines.Skip(1).Select(l => l.Split('\t')).ToList());
    }
}
