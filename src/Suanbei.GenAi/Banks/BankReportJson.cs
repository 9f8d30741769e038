using System.Text.Json;
using Suanbei.Core;

namespace Suanbei.GenAi.Banks;

/// <summary>One bank's validation as JSON, as <c>genai banks check --json</c> prints it in its <c>banks</c> array and
/// the web API returns it: kind, name, items, minimum, byRisk, shortfalls, duplicates, duplicateRows, invalid.</summary>
public static class BankReportJson
{
    public static void Write(Utf8JsonWriter w, BankReport r) => w.WriteObjectValue(o => WriteProperties(o, r));

    /// <summary>The properties alone, for an object that adds its own (the web API's id and version).</summary>
    public static void WriteProperties(Utf8JsonWriter w, BankReport r)
    {
        w.WriteString("kind", r.Kind.Code());
        w.WriteString("name", r.Name);
        w.WriteNumber("items", r.Items);
        w.WriteNumber("minimum", r.Minimum);
        w.WriteObject("byRisk", o =>
        {
            foreach (var (risk, count) in r.ByRisk) o.WriteNumber(risk, count);
        });
        w.WriteObjects("shortfalls", r.Shortfalls, (o, s) =>
        {
            o.WriteString("risk", s.Risk);
            o.WriteString("name", s.Name);
            o.WriteNumber("have", s.Have);
            o.WriteNumber("need", s.Need);
        });
        w.WriteNumber("duplicates", r.Duplicates.Count);
        w.WriteObjects("duplicateRows", r.Duplicates, (o, d) =>
        {
            o.WriteNumber("row", d.Row);
            o.WriteNumber("of", d.OfRow);
            o.WriteBoolean("exact", d.Exact);
        });
        w.WriteObjects("invalid", r.Invalid, (o, i) =>
        {
            o.WriteNumber("row", i.Row);
            o.WriteString("reason", i.Reason);
        });
    }
}
