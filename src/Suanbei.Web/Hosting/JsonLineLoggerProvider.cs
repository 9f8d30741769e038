using System.Text;
using System.Text.Json;

namespace Suanbei.Web.Hosting;

/// <summary>
/// Structured logs: one JSON object per line (time, level, category, event, message, the message's named values,
/// exception), every string passed through <see cref="SecretRedactor"/> first. Lines are written whole under a lock,
/// so concurrent requests never interleave.
/// </summary>
public sealed class JsonLineLoggerProvider(TextWriter output, SecretRedactor redactor, TimeProvider time) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new JsonLineLogger(this, categoryName);

    public void Dispose() { }

    private void Write(string category, LogLevel level, EventId eventId, string message, Exception? exception,
        IReadOnlyList<KeyValuePair<string, object?>>? values)
    {
        var buffer = new MemoryStream();
        // Chinese stays readable; the writer still escapes quotes and control characters.
        var settings = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var w = new Utf8JsonWriter(buffer, settings))
        {
            w.WriteStartObject();
            w.WriteString("time", time.GetUtcNow());
            w.WriteString("level", level.ToString());
            w.WriteString("category", category);
            if (eventId.Id != 0) w.WriteNumber("event", eventId.Id);
            var redacted = redactor.Redact(message);
            w.WriteString("message", redacted);
            foreach (var (key, value) in values ?? [])
            {
                if (key == "{OriginalFormat}") continue;
                if (value is int or long or double or decimal) w.WriteNumber(key, Convert.ToDouble(value, null));
                else if (value is bool b) w.WriteBoolean(key, b);
                else if (Convert.ToString(value, null) is { Length: > 0 } text)
                    // A value is a secret by its name, or by its place: masked in the message ("Bearer {Value}").
                    w.WriteString(key, SecretRedactor.IsSecretName(key) || (message.Contains(text, StringComparison.Ordinal)
                        && !redacted.Contains(text, StringComparison.Ordinal)) ? SecretRedactor.Mask : redactor.Redact(text));
            }
            if (exception is not null) w.WriteString("exception", redactor.Redact(exception.ToString()));
            w.WriteEndObject();
        }
        var line = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private sealed class JsonLineLogger(JsonLineLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            provider.Write(category, logLevel, eventId, formatter(state, exception), exception,
                state as IReadOnlyList<KeyValuePair<string, object?>>);
        }
    }
}
