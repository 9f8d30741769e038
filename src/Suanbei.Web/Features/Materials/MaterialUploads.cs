using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Materials;

/// <summary>Helpers for feature forms and APIs that take uploads or refer to materials by id.</summary>
public static class MaterialUploads
{
    /// <summary>Stores an uploaded form file for the owner (caller saves changes); returns the material or the Chinese reason it was
    /// refused.</summary>
    public static async Task<(Material? Material, string? Error)> SaveAsync(
        MaterialStore store, SuanbeiDbContext db, string ownerId, IFormFile file, DateTimeOffset now, CancellationToken ct = default)
    {
        if (file.Length > store.MaxBytes)
            return (null, $"文件“{MaterialStore.DisplayName(file.FileName)}”超过大小上限 {store.MaxBytes / (1024 * 1024)} MB");
        try
        {
            await using var stream = file.OpenReadStream();
            return (await store.SaveAsync(db, ownerId, file.FileName, stream, now, ct), null);
        }
        catch (MaterialRejectedException e) { return (null, e.Message); }
    }

    /// <summary>The ids among <paramref name="ids"/> that do not exist or belong to another account (never attach those).</summary>
    public static async Task<List<Guid>> NotOwnedAsync(SuanbeiDbContext db, string ownerId, IEnumerable<Guid> ids,
        CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var owned = await db.Set<Material>().Where(m => m.OwnerId == ownerId && wanted.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct);
        return wanted.Except(owned).ToList();
    }
}
