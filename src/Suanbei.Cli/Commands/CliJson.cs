using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Suanbei.Core;

namespace Suanbei.Cli.Commands;

/// <summary>JSON output of the CLI: one compact object per line, Chinese left unescaped.</summary>
internal static class CliJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON object built by <paramref name="write"/> as a line on stdout.</summary>
    public static void WriteLine(Action<Utf8JsonWriter> write) =>
        Console.Out.WriteLine(Encoding.UTF8.GetString(Utf8JsonWriterExtensions.ToJsonObjectBytes(WriterOptions, write)));

    public static void WriteStringOrNull(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, int? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteNumber(name, value.Value);
    }
}
