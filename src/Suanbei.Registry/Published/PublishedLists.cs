using Suanbei.Registry.Import;
using Suanbei.Registry.Store;

namespace Suanbei.Registry.Published;

/// <summary>
/// The CAC's published lists shipped inside Suanbei.Registry (embedded resources from this folder; see README.md), so a
/// new installation starts with a populated registry.
/// </summary>
public static class PublishedLists
{
    /// <summary>The shipped files in import order: the filing lists first, then the cancellations that refer to them.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["deep-synthesis-filings.tsv", "algorithm-filings.tsv", "generative-ai-filings.tsv", "cancellations.tsv"];

    private const string ResourcePrefix = "Suanbei.Registry.Published.";

    /// <summary>Reads one shipped file with the ordinary importer.</summary>
    public static ImportResult Read(string fileName)
    {
        using var stream = typeof(PublishedLists).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"published list {fileName} is not embedded in Suanbei.Registry");
        return RegistryImporter.Import(stream, fileName);
    }

    /// <summary>Imports every shipped file (idempotent: entries are merged by filing number).</summary>
    public static async Task<IReadOnlyList<(ImportResult Result, ImportSummary Summary)>> ImportAsync(IRegistryStore store,
        CancellationToken ct = default)
    {
        var done = new List<(ImportResult, ImportSummary)>();
        foreach (var name in FileNames)
        {
            var result = Read(name);
            done.Add((result, await store.ImportAsync(result, ct)));
        }
        return done;
    }

    /// <summary>Imports the shipped lists when the registry holds no entry at all; returns the entries created (0 when
    /// the registry was not empty).</summary>
    public static async Task<int> SeedIfEmptyAsync(IRegistryStore store, CancellationToken ct = default)
    {
        if (!await store.IsEmptyAsync(ct)) return 0;
        return (await ImportAsync(store, ct)).Sum(i => i.Summary.EntriesCreated);
    }
}
