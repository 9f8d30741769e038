using System.Text.Json;
using Suanbei.Core;

namespace Suanbei.Labels.Cli;

/// <summary>
/// The JSON objects of <c>label read --json</c>, <c>label propagate --json</c> and <c>label diff --json</c>, written
/// with <see cref="Utf8JsonWriter"/> (no reflection, so the Native AOT builds need no serializer metadata). Compiled
/// into both the CLI and the shared library (src/Suanbei.Labels.Native), so the two print the same objects.
/// </summary>
internal static class LabelJson
{
    /// <summary><c>{"file","format","labels":[{"placement","raw","fields"}],"damage"}</c>.</summary>
    public static string Read(string file, IContainerFormat? format, ContainerReadResult read) => ReportJson.Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteString("file", file);
        if (format is null) w.WriteNull("format"); else w.WriteString("format", format.Name);
        w.WriteStartArray("labels");
        foreach (var l in read.Labels)
        {
            w.WriteStartObject();
            w.WriteString("placement", l.Placement);
            w.WriteString("raw", l.RawValue);
            LabelPayload.TryParse(l.RawValue, out var payload, out _);
            ReportJson.WriteFields(w, payload?.Fields ?? new Dictionary<string, string?>());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (read.Damage is null) w.WriteNull("damage"); else w.WriteString("damage", read.Damage);
        w.WriteEndObject();
    });

    /// <summary>The exit code of <c>label read</c>: 3 damaged or unknown format, 2 no label, 0 otherwise.</summary>
    public static int ReadExitCode(IContainerFormat? format, ContainerReadResult read) =>
        read.Damage is not null || format is null ? 3 : read.Labels.Count == 0 ? 2 : 0;

    /// <summary><c>{"file","classification","display"?,"written",fields?,"reason"}</c>.</summary>
    public static string Propagate(string file, PropagationDecision d) => ReportJson.Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteString("file", file);
        if (d.Class is { } c) { w.WriteString("classification", c.Name()); w.WriteString("display", DisplayNames.Of(c) + "AI生成"); }
        else w.WriteNull("classification");
        w.WriteBoolean("written", d.Label is not null);
        if (d.Label is not null) ReportJson.WriteFields(w, d.Label.ToDictionary()!);
        w.WriteString("reason", d.Reason);
        w.WriteEndObject();
    });

    /// <summary>The exit code of <c>label propagate</c>: 0 written, 3 inconclusive, 2 nothing to write.</summary>
    public static int PropagateExitCode(PropagationDecision d) =>
        d.Label is not null ? 0 : d.Reason.Contains("无法判定") ? 3 : 2;

    /// <summary><c>{"lost":[fields],"changed":[{"field","from","to"}],"added":[fields]}</c>.</summary>
    public static string Diff(LabelDiff diff) => ReportJson.Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("lost");
        foreach (var f in diff.Lost) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteStartArray("changed");
        foreach (var c in diff.Changed)
        {
            w.WriteStartObject();
            w.WriteString("field", c.Field);
            w.WriteString("from", c.From);
            w.WriteString("to", c.To);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("added");
        foreach (var f in diff.Added) w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary><c>{"error":message,"code":exit code}</c>: how the shared library reports a failure.</summary>
    public static string Error(string message, int code) => ReportJson.Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteNumber("code", code);
        w.WriteEndObject();
    });
}
