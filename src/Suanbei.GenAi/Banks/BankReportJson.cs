using System.Text.Json;

namespace Suanbei.GenAi.Banks;

/// <summary>One bank's validation as JSON, as <c>genai banks check --json</c> prints it in its <c>banks</c> array and
/// the web API returns it: kind, name, items, minimum, byRisk, shortfalls, duplicates, duplicateRows, invalid.</summary>
public static class BankReportJson
{
    public static void Write(Utf8JsonWriter w, BankReport r)
    {
        w.WriteStartObject();
        WriteProperties(w, r);
        w.WriteEndObject();
    }

    /// <summary>The properties alone, for an object that adds its own (the web API's id and version).</summary>
    public static void WriteProperties(Utf8JsonWriter w, BankReport r)
    {
        w.WriteString("kind", r.Kind.Code());
        w.WriteString("name", r.Name);
        w.WriteNumber("items", r.Items);
        w.WriteNumber("minimum", r.Minimum);
        w.WriteStartObject("byRisk");
        foreach (var (risk, count) in r.ByRisk) w.WriteNumber(risk, count);
        w.WriteEndObject();
        w.WriteStartArray("shortfalls");
        foreach (var s in r.Shortfalls)
        {
            w.WriteStartObject();
            w.WriteString("risk", s.Risk);
            w.WriteString("name", s.Name);
            w.WriteNumber("have", s.Have);
            w.WriteNumber("need", s.Need);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("duplicates", r.Duplicates.Count);
        w.WriteStartArray("duplicateRows");
        foreach (var d in r.Duplicates)
        {
            w.WriteStartObject();
            w.WriteNumber("row", d.Row);
            w.WriteNumber("of", d.OfRow);
            w.WriteBoolean("exact", d.Exact);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("invalid");
        foreach (var i in r.Invalid)
        {
            w.WriteStartObject();
            w.WriteNumber("row", i.Row);
            w.WriteString("reason", i.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
