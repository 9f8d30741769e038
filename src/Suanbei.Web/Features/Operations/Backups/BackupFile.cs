namespace Suanbei.Web.Features.Operations.Backups;

/// <summary>One entry of the archive: its path inside it, size in bytes and SHA-256 (lowercase hex).</summary>
public sealed record BackupFile(string Path, long Size, string Sha256);
