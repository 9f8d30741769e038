using System.Text.Json;

namespace Suanbei.Core;

/// <summary>
/// The small JSON writer behind the hand-written contracts (the CLI's <c>--json</c> output, the exports, the API): an
/// object, or an array of objects, is one call that takes its properties, so a contract reads as the list of its fields
/// and the start/end bookkeeping is written once. The bytes are exactly those of the start/write/end calls it replaces.
/// </summary>
public static class Utf8JsonWriterExtensions
{
    /// <summary>A whole document: one object with the given properties, as UTF-8 bytes.</summary>
    public static byte[] ToJsonObjectBytes(JsonWriterOptions options, Action<Utf8JsonWriter> properties)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, options)) w.WriteObjectValue(properties);
        return buffer.ToArray();
    }

    /// <summary>An object in an array or at the top: <c>{ … }</c>.</summary>
    public static void WriteObjectValue(this Utf8JsonWriter w, Action<Utf8JsonWriter> properties)
    {
        w.WriteStartObject();
        properties(w);
        w.WriteEndObject();
    }

    /// <summary>A named object property: <c>"name": { … }</c>.</summary>
    public static void WriteObject(this Utf8JsonWriter w, string name, Action<Utf8JsonWriter> properties)
    {
        w.WriteStartObject(name);
        properties(w);
        w.WriteEndObject();
    }

    /// <summary>A named array with one object per item: <c>"name": [ { … }, … ]</c>.</summary>
    public static void WriteObjects<T>(this Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> properties)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            w.WriteStartObject();
            properties(w, item);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
