using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;
using Suanbei.Core.Files;
using Suanbei.Web.Hosting;

namespace Suanbei.Web.Features.Operations.Backups;

/// <summary>
/// One archive (tar + gzip) with everything an installation needs: the database (SQLite through its online backup
/// API, consistent while the server writes; PostgreSQL through pg_dump, a consistent snapshot too), the materials and
/// the data-protection keys of data/keys, then manifest.json with each entry's size and SHA-256. The database is
/// copied first: materials are content-addressed and never change, so every material it names is in the archive.
/// The archive is written to a temporary file beside the output and renamed at the end.
/// Restore checks the archive against its manifest before touching anything, refuses a target that holds data unless
/// forced, and puts each part in place by renames. Run it with the server stopped.
/// </summary>
public static class SuanbeiBackup
{
    private const string DatabaseFolder = "database/";
    private const string MaterialsFolder = "materials/";
    private const string KeysFolder = "keys/";
    private const string SqliteEntry = DatabaseFolder + "suanbei.db";
    private const string PostgresEntry = DatabaseFolder + "suanbei.pgdump";

    public static async Task<BackupManifest> CreateAsync(SuanbeiHostOptions options, string output, CancellationToken ct = default)
    {
        output = Path.GetFullPath(output);
        if (!OutputPaths.IsReplaceable(output)) throw new BackupException(OutputPaths.NotReplaceable(output));
        var folder = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(folder);
        var work = Path.Combine(folder, ".suanbei-backup-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(work);
        var temp = output + ".tmp-" + Guid.NewGuid().ToString("N")[..10];
        try
        {
            string dbFile, dbEntry;
            if (options.UsesPostgres)
            {
                dbFile = Path.Combine(work, "suanbei.pgdump");
                dbEntry = PostgresEntry;
                await PostgresTools.DumpAsync(options.PostgresConnectionString!, dbFile, ct);
            }
            else
            {
                if (!File.Exists(options.SqlitePath)) throw new BackupException($"数据目录中没有数据库：{options.SqlitePath}");
                dbFile = Path.Combine(work, "suanbei.db");
                dbEntry = SqliteEntry;
                CopySqlite(options.SqlitePath, dbFile);
            }

            var files = new List<BackupFile>();
            BackupManifest manifest;
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
                await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
                {
                    files.Add(await AddFileAsync(tar, dbFile, dbEntry, ct));
                    foreach (var (file, entry) in FilesUnder(options.MaterialsDirectory, MaterialsFolder))
                        files.Add(await AddFileAsync(tar, file, entry, ct));
                    foreach (var (file, entry) in FilesUnder(DataProtectionKeys.Folder(options), KeysFolder))
                        files.Add(await AddFileAsync(tar, file, entry, ct));
                    manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow,
                        options.UsesPostgres ? BackupManifest.Postgres : BackupManifest.Sqlite, files);
                    var json = manifest.ToJson();
                    await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, BackupManifest.EntryName)
                    {
                        DataStream = new MemoryStream(json),
                    }, ct);
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, output, overwrite: true);
            return manifest;
        }
        finally
        {
            TryDelete(temp);
            TryDeleteFolder(work);
        }
    }

    /// <summary>SQLite's online backup: pages copied under a read transaction, so writers of the running server never
    /// leave the copy half-updated.</summary>
    private static void CopySqlite(string source, string target)
    {
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
    }

    private static IEnumerable<(string File, string Entry)> FilesUnder(string folder, string prefix)
    {
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            // Uploads being written (".upload-…") are not materials yet.
            if (Path.GetFileName(relative).StartsWith('.')) continue;
            yield return (file, prefix + relative);
        }
    }

    private static async Task<BackupFile> AddFileAsync(TarWriter tar, string file, string entry, CancellationToken ct)
    {
        await using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var hash = await SHA256.HashDataAsync(content, ct);
        content.Position = 0;
        await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, entry) { DataStream = content }, ct);
        return new BackupFile(entry, content.Length, Convert.ToHexStringLower(hash));
    }

    public static async Task<BackupManifest> RestoreAsync(SuanbeiHostOptions options, string archive, bool force,
        CancellationToken ct = default)
    {
        if (!File.Exists(archive)) throw new BackupException($"找不到备份文件：{archive}");
        Directory.CreateDirectory(options.FullDataDirectory);
        var materialsParent = Path.GetDirectoryName(options.MaterialsDirectory.TrimEnd('/'))!;
        Directory.CreateDirectory(materialsParent);
        var id = Guid.NewGuid().ToString("N")[..10];
        // Staged beside their targets, so that putting them in place is a rename on the same file system.
        var staging = Path.Combine(options.FullDataDirectory, ".restore-" + id);
        var stagedMaterials = Path.Combine(materialsParent, ".restore-materials-" + id);
        try
        {
            var manifest = await ExtractAsync(archive, staging, stagedMaterials, ct);
            var wantsPostgres = manifest.Database == BackupManifest.Postgres;
            if (wantsPostgres != options.UsesPostgres)
                throw new BackupException(wantsPostgres
                    ? "这是 PostgreSQL 的备份：请用 --db 指定要恢复到的 PostgreSQL 数据库"
                    : "这是 SQLite 的备份：请去掉 --db，恢复到数据目录");
            if (!force && await WhatHoldsDataAsync(options, ct) is { } what)
                throw new BackupException($"目标不为空（{what}）：恢复会覆盖现有数据。确认要覆盖请加 --force");

            if (wantsPostgres) await RestorePostgresAsync(options.PostgresConnectionString!, Path.Combine(staging, "database",
                "suanbei.pgdump"), ct);
            else
            {
                foreach (var suffix in new[] { "-wal", "-shm", "-journal" }) TryDelete(options.SqlitePath + suffix);
                File.Move(Path.Combine(staging, "database", "suanbei.db"), options.SqlitePath, overwrite: true);
            }
            ReplaceFolder(stagedMaterials, options.MaterialsDirectory);
            var keys = Path.Combine(staging, "keys");
            if (Directory.Exists(keys)) ReplaceFolder(keys, DataProtectionKeys.Folder(options));
            DataProtectionKeys.EnsureFolder(DataProtectionKeys.Folder(options));
            return manifest;
        }
        finally
        {
            TryDeleteFolder(staging);
            TryDeleteFolder(stagedMaterials);
        }
    }

    /// <summary>Unpacks the archive and checks it against its manifest: every entry listed, every size and SHA-256 equal,
    /// no entry outside the three folders.</summary>
    private static async Task<BackupManifest> ExtractAsync(string archive, string staging, string stagedMaterials, CancellationToken ct)
    {
        var seen = new Dictionary<string, (long Size, string Sha256)>(StringComparer.Ordinal);
        byte[]? manifestJson = null;
        try
        {
            await using var stream = File.OpenRead(archive);
            await using var gzip = new GZipStream(stream, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
            {
                if (entry.EntryType is TarEntryType.Directory) continue;
                var name = entry.Name;
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || name.Contains("..")
                    || name.StartsWith('/') || name.Contains('\\'))
                    throw new BackupException($"备份文件无效：含不允许的条目“{name}”");
                if (name == BackupManifest.EntryName)
                {
                    using var ms = new MemoryStream();
                    if (entry.DataStream is { } d) await d.CopyToAsync(ms, ct);
                    manifestJson = ms.ToArray();
                    continue;
                }
                var target = name.StartsWith(MaterialsFolder, StringComparison.Ordinal)
                    ? Path.Combine(stagedMaterials, name[MaterialsFolder.Length..])
                    : name.StartsWith(DatabaseFolder, StringComparison.Ordinal) || name.StartsWith(KeysFolder, StringComparison.Ordinal)
                        ? Path.Combine(staging, name)
                        : throw new BackupException($"备份文件无效：含不认识的条目“{name}”");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await using var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                long size = 0;
                if (entry.DataStream is { } data)
                    for (int n; (n = await data.ReadAsync(buffer, ct)) > 0; size += n)
                    {
                        sha.AppendData(buffer, 0, n);
                        await file.WriteAsync(buffer.AsMemory(0, n), ct);
                    }
                seen[name] = (size, Convert.ToHexStringLower(sha.GetHashAndReset()));
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new BackupException($"备份文件无效或已截断：{e.Message}", e);
        }
        var manifest = manifestJson is null ? throw new BackupException("备份文件无效或已截断：没有 manifest.json")
            : BackupManifest.Parse(manifestJson);
        if (manifest.Format != BackupManifest.CurrentFormat)
            throw new BackupException($"备份文件格式 {manifest.Format} 不受支持（本版本读取格式 {BackupManifest.CurrentFormat}）");
        foreach (var f in manifest.Files)
            if (!seen.Remove(f.Path, out var got)) throw new BackupException($"备份文件已损坏：缺少“{f.Path}”");
            else if (got.Size != f.Size || got.Sha256 != f.Sha256) throw new BackupException($"备份文件已损坏：“{f.Path}”的校验和不符");
        if (seen.Count > 0) throw new BackupException($"备份文件无效：“{seen.Keys.First()}”不在 manifest.json 中");
        return manifest;
    }

    /// <summary>What in the target holds data (for the refusal), or null when it is empty.</summary>
    private static async Task<string?> WhatHoldsDataAsync(SuanbeiHostOptions options, CancellationToken ct)
    {
        if (options.UsesPostgres)
        {
            await using var c = new NpgsqlConnection(options.PostgresConnectionString);
            await c.OpenAsync(ct);
            await using var q = new NpgsqlCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", c);
            if (Convert.ToInt64(await q.ExecuteScalarAsync(ct), null) > 0) return "数据库中已有表";
        }
        else if (File.Exists(options.SqlitePath) && new FileInfo(options.SqlitePath).Length > 0) return "数据目录中已有数据库";
        if (FilesUnder(options.MaterialsDirectory, "").Any()) return "材料目录中已有文件";
        if (FilesUnder(DataProtectionKeys.Folder(options), "").Any()) return "密钥目录中已有密钥";
        return null;
    }

    /// <summary>An emptied schema, then pg_restore in one transaction (a failed restore leaves the schema empty, never
    /// half-filled).</summary>
    private static async Task RestorePostgresAsync(string connectionString, string dump, CancellationToken ct)
    {
        await using (var c = new NpgsqlConnection(connectionString))
        {
            await c.OpenAsync(ct);
            await using var drop = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", c);
            await drop.ExecuteNonQueryAsync(ct);
        }
        NpgsqlConnection.ClearAllPools();
        await PostgresTools.RestoreAsync(connectionString, dump, ct);
    }

    /// <summary>Moves <paramref name="staged"/> to <paramref name="target"/>: the old folder is renamed aside first and
    /// removed only after the new one is in place.</summary>
    private static void ReplaceFolder(string staged, string target)
    {
        if (!Directory.Exists(staged)) Directory.CreateDirectory(staged);
        var aside = target.TrimEnd('/') + ".old-" + Guid.NewGuid().ToString("N")[..10];
        if (Directory.Exists(target)) Directory.Move(target, aside);
        Directory.Move(staged, target);
        TryDeleteFolder(aside);
    }

    private static void TryDelete(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void TryDeleteFolder(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
