namespace Suanbei.Testing;

/// <summary>Locates the repository root and the files in it that tests read; no test reads outside the repository.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The CAC's published lists shipped with the product (embedded in Suanbei.Web from this folder).</summary>
    public static string PublishedFolder => Path.Combine(Root, "src", "Suanbei.Registry", "Published");

    public static string PublishedList(string fileName) => Path.Combine(PublishedFolder, fileName);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Suanbei.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Suanbei.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Reads a published list, skipping the leading '#' comment line; returns header + rows.</summary>
    public static (string[] Header, List<string[]> Rows) ReadPublishedTsv(string fileName)
    {
        var lines = File.ReadAllLines(PublishedList(fileName)).Where(l => !l.StartsWith('#') && l.Length > 0).ToList();
        var header = lines[0].Split('\t');
        return (header, lines.Skip(1).Select(l => l.Split('\t')).ToList());
    }
}
