using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Suanbei.Core.Checks;

/// <summary>
/// The one serializer of <see cref="CheckReportDocument"/>: source-generated (no reflection, trim-safe), camelCase,
/// Chinese left unescaped, so the API and the CLI write the same bytes.
/// </summary>
public static class CheckReportJson
{
    private static readonly CheckReportJsonContext Context = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] ToUtf8Bytes(CheckReportDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, Context.CheckReportDocument);

    public static string Serialize(CheckReportDocument document) => JsonSerializer.Serialize(document, Context.CheckReportDocument);

    public static CheckReportDocument? Deserialize(string json) => JsonSerializer.Deserialize(json, Context.CheckReportDocument);
}

[JsonSerializable(typeof(CheckReportDocument))]
internal sealed partial class CheckReportJsonContext : JsonSerializerContext;
