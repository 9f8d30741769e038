using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Suanbei.Web.Data;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Materials;

/// <summary>
/// Content-addressed file store under &lt;data&gt;/materials: the file with SHA-256 "abcdef…" lives at ab/cdef….
/// Uploads stream to a temp file in the same folder (bounded by the size limit while copying, never trusting a
/// declared length), are sniffed by their bytes, then renamed into place. No path is ever built from user input:
/// the only name used on disk is the hex hash computed here.
/// </summary>
public sealed class MaterialStore(SuanbeiHostOptions options)
{
    public long MaxBytes => options.MaxBytesOrDefault();
    private string Root => options.MaterialsDirectory;

    public const string AcceptAttribute =
        ".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.d" +
        "ocument";

    /// <summary>Stores the content and records a Material row owned by <paramref name="ownerId"/> (saved by the caller's
    /// SaveChanges).</summary>
    public async Task<Material> SaveAsync(SuanbeiDbContext db, string ownerId, string? originalFileName, Stream content, DateTimeOffset now,
        CancellationToken ct = default)
    {
        var displayName = DisplayName(originalFileName);
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, ".upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            long size = 0;
            string sha;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > MaxBytes)
                        throw new MaterialRejectedException($"文件“{displayName}”超过大小上限 {MaxBytes / (1024 * 1024)} MB");
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                await file.FlushAsync(ct);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }
            if (size == 0) throw new MaterialRejectedException($"文件“{displayName}”是空文件");
            var type = Sniff(temp) ?? throw new MaterialRejectedException(
                $"文件“{displayName}”不是可接受的格式：只接受 PDF、JPEG、PNG、DOCX（按文件内容识别，不看扩展名）");

            var target = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target)) File.Delete(temp); // same content already stored
            else File.Move(temp, target, overwrite: true);

            var material = new Material
            {
                Id = Guid.NewGuid(), OwnerId = ownerId, FileName = displayName, ContentType = type.ContentType,
                Size = size, Sha256 = sha, CreatedAt = now,
            };
            db.Set<Material>().Add(material);
            return material;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public Stream OpenRead(Material material) => File.OpenRead(PathOf(material.Sha256));

    /// <summary>Store path of a hash; the hash must be 64 lower-case hex characters (never user input).</summary>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
            throw new ArgumentException("not a SHA-256 hex string", nameof(sha256));
        return Path.Combine(Root, sha256[..2], sha256[2..]);
    }

    public sealed record SniffedType(string ContentType, string Extension);

    /// <summary>Recognises PDF, JPEG, PNG and DOCX by content; anything else (including a ZIP that is not a Word document) is
    /// null.</summary>
    public static SniffedType? Sniff(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int n;
        using (var f = File.OpenRead(path)) n = f.ReadAtLeast(head, 8, throwOnEndOfStream: false);
        head = head[..n];
        if (head.StartsWith("%PDF-"u8)) return new("application/pdf", ".pdf");
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return new("image/jpeg", ".jpg");
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return new("image/png", ".png");
        if (head.StartsWith("PK\u0003\u0004"u8) && IsDocx(path))
            return new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
        return null;
    }

    private static bool IsDocx(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > 10_000) return false; // not a Word document; don't walk a pathological directory
            bool types = false, document = false;
            foreach (var e in zip.Entries)
            {
                if (e.FullName == "[Content_Types].xml") types = true;
                else if (e.FullName == "word/document.xml") document = true;
            }
            return types && document;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    public const int MaxNameLength = 255; // UTF-16 units, the column's length

    /// <summary>
    /// The name shown to users: the last path segment, control characters and unpaired surrogates removed, at most
    /// <see cref="MaxNameLength"/> UTF-16 units, cut between text elements (never inside a surrogate pair or an emoji sequence).
    /// </summary>
    public static string DisplayName(string? original)
    {
        var name = (original ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length
                && char.IsLowSurrogate(name[i + 1])) { kept.Append(name, i++, 2); continue; }
            if (!char.IsControl(name[i]) && !char.IsSurrogate(name[i])) kept.Append(name[i]);
        }
        name = kept.ToString().Trim();
        if (name.Length == 0) name = "未命名文件";
        if (name.Length <= MaxNameLength) return name;
        var cut = 0;
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(name);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + ((string)elements.Current).Length;
            if (end > MaxNameLength) break;
            cut = end;
        }
        return name[..cut];
    }
}

internal static class HostOptionsMaterialExtensions
{
    public static long MaxBytesOrDefault(this SuanbeiHostOptions o) => o.MaterialsMaxBytes > 0 ? o.MaterialsMaxBytes
        : SuanbeiHostOptions.DefaultMaterialsMaxBytes;
}
