using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Web.Features.Operations.Backups;

/// <summary>
/// manifest.json, the last entry of a backup archive: when and from which database kind it was taken, and every other
/// entry with its size and SHA-256, which restore checks before it touches the target.
/// </summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, string Database, IReadOnlyList<BackupFile> Files)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "manifest.json";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static BackupManifest Parse(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(json, Json) is { Files: not null } m
                ? m : throw new BackupException("备份文件无效：manifest.json 为空");
        }
        catch (JsonException e) { throw new BackupException($"备份文件无效：manifest.json 无法读取（{e.Message}）"); }
    }
}
