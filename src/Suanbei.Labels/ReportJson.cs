using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Suanbei.Labels;

/// <summary>The stable JSON form of a verification (the label command-line contract), shared by the CLI and the web API:
/// <c>{"file","verdict","labels":[{"placement","fields":{seven fields}}],"problems":[{"code","message"}]}</c>.</summary>
public static class ReportJson
{
    /// <summary>Compact, Chinese left unescaped. Public so a batch writer can reuse one <see cref="Utf8JsonWriter"/>.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJsonLine(string file, VerificationReport report)
    {
        var line = ThreadBuffer();
        WriteJsonLine(line, file, report);
        return Encoding.UTF8.GetString(line.WrittenSpan);
    }

    /// <summary>Appends the UTF-8 of <see cref="ToJsonLine"/> (no line break) to <paramref name="output"/>, through a
    /// writer kept per thread: a caller that copies the bytes elsewhere (the C library) skips the string and its
    /// re-encoding.</summary>
    public static void WriteJsonLine(IBufferWriter<byte> output, string file, VerificationReport report)
    {
        var w = ThreadWriter(output);
        try
        {
            WriteReport(w, file, report);
            w.Flush();
        }
        finally { w.Reset(Stream.Null); } // holds no reference to the caller's buffer
    }

    /// <summary>Appends what <paramref name="write"/> writes to <paramref name="output"/> as UTF-8, through the same
    /// writer kept per thread (e.g. a batch's error object next to its verifications).</summary>
    public static void WriteJson(IBufferWriter<byte> output, Action<Utf8JsonWriter> write)
    {
        var w = ThreadWriter(output);
        try
        {
            write(w);
            w.Flush();
        }
        finally { w.Reset(Stream.Null); }
    }

    private static Utf8JsonWriter ThreadWriter(IBufferWriter<byte> output)
    {
        var w = t_writer;
        if (w is null) t_writer = w = new Utf8JsonWriter(output, Options);
        else w.Reset(output);
        return w;
    }

    [ThreadStatic] private static Utf8JsonWriter? t_writer;
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_line;

    /// <summary>This thread's empty line buffer; one that grew past 64 KB (a file with many labels) is let go.</summary>
    private static ArrayBufferWriter<byte> ThreadBuffer()
    {
        if (t_line is not { Capacity: <= 64 * 1024 } line) t_line = line = new ArrayBufferWriter<byte>(1024);
        line.ResetWrittenCount();
        return line;
    }

    /// <summary>Writes the contract object of one verification (no line break).</summary>
    /// <param name="extra">Writes further members before the object closes (e.g. the security checks).</param>
    public static void WriteReport(Utf8JsonWriter w, string file, VerificationReport report, Action<Utf8JsonWriter>? extra = null)
    {
        w.WriteStartObject();
        w.WriteString("file", file);
        w.WriteString("verdict", report.Verdict.Name());
        if (report.Format is not null) w.WriteString("format", report.Format);
        w.WriteStartArray("labels");
        // Indexed loops: a foreach over the interfaces would allocate an enumerator per list and file.
        for (var i = 0; i < report.Labels.Count; i++)
        {
            var l = report.Labels[i];
            w.WriteStartObject();
            w.WriteString("placement", l.Placement);
            WriteFields(w, l.Fields);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("problems");
        for (var i = 0; i < report.Problems.Count; i++)
        {
            var p = report.Problems[i];
            w.WriteStartObject();
            w.WriteString("code", p.Code);
            w.WriteString("message", p.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        extra?.Invoke(w);
        w.WriteEndObject();
    }

    /// <summary>The seven fields in Annex E order (null when missing), then any extra fields the writer added.</summary>
    public static void WriteFields(Utf8JsonWriter w, IReadOnlyDictionary<string, string?> fields)
    {
        w.WriteStartObject("fields");
        foreach (var name in AigcLabel.FieldNameSpan)
        {
            if (fields.TryGetValue(name, out var v) && v is not null) w.WriteString(name, v);
            else w.WriteNull(name);
        }
        // The parsers' fields are enumerated through their struct enumerator (no allocation per file).
        if (fields is LabelFields parsed)
            foreach (var (k, v) in parsed) WriteExtra(w, k, v);
        else
            foreach (var (k, v) in fields) WriteExtra(w, k, v);
        w.WriteEndObject();
    }

    private static void WriteExtra(Utf8JsonWriter w, string name, string? value)
    {
        if (IsAnnexField(name)) return;
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static bool IsAnnexField(string name)
    {
        foreach (var n in AigcLabel.FieldNameSpan) if (n == name) return true;
        return false;
    }

    public static string Serialize(Action<Utf8JsonWriter> write)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options)) write(w);
        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
