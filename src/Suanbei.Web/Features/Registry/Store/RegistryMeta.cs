namespace Suanbei.Web.Features.Registry.Store;

/// <summary>
/// One row (Id 1): bumped in the same transaction as every change to the registry, so that each process's in-memory
/// <see cref="RegistrySearchIndex"/> notices imports made by another process (CLI) with one cheap read per search.
/// The random <see cref="Stamp"/> tells apart two databases that happen to reach the same version.
/// </summary>
public sealed class RegistryMeta
{
    public const int SingletonId = 1;
    public int Id { get; set; }
    public long Version { get; set; }
    public Guid Stamp { get; set; }
}
