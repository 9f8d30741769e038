using System.Reflection;

namespace Suanbei.Core;

/// <summary>Reads the rule data files under src/Suanbei.Core/Data, embedded as <c>Suanbei.Core.Data.&lt;relative path&gt;</c>.</summary>
internal static class EmbeddedData
{
    private const string Prefix = "Suanbei.Core.Data.";

    /// <summary>Text of one data file by its path relative to Data/, with '/' separators (e.g. "calendar/2024.json").</summary>
    public static string ReadText(string relativePath)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        using var stream = assembly.GetManifestResourceStream(Prefix + relativePath)
            ?? assembly.GetManifestResourceStream(Prefix + relativePath.Replace('/', '\\'))
            ?? throw new InvalidOperationException($"Embedded data file Data/{relativePath} is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Relative paths (with '/') of the embedded data files under a folder of Data/.</summary>
    public static IEnumerable<string> List(string folder)
    {
        var prefix = Prefix + folder.TrimEnd('/') + "/";
        foreach (var name in typeof(EmbeddedData).Assembly.GetManifestResourceNames())
        {
            var normalised = name.Replace('\\', '/');
            if (normalised.StartsWith(prefix, StringComparison.Ordinal)) yield return normalised[Prefix.Length..];
        }
    }

    /// <summary>Data rows of an embedded TSV: '#' comment lines skipped, first remaining line is the header.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadTsv(string relativePath)
    {
        string[]? header = null;
        foreach (var line in ReadText(relativePath).Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var cells = trimmed.Split('\t');
            if (header is null) { header = cells; continue; }
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) row[header[i]] = i < cells.Length ? cells[i] : "";
            yield return row;
        }
    }
}
