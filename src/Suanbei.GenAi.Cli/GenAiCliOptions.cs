using System.Text.Encodings.Web;
using System.Text.Json;

namespace Suanbei.GenAi.Cli;

/// <summary>What the scan commands share with the rest of <c>suanbei</c>: the usage/I-O exit code of the issue's
/// command-line contract (the full CLI's commands use the same value; a test compares them) and the JSON they write.</summary>
public static class GenAiCliOptions
{
    /// <summary>Exit code for usage and I/O errors.</summary>
    public const int UsageOrIoError = 10;

    /// <summary>One compact object per line, Chinese left unescaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
