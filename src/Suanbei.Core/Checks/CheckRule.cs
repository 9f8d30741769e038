using System.Text.Json;

namespace Suanbei.Core.Checks;

/// <summary>One rule of the library: what it checks, how bad a hit is, and where the rule comes from.</summary>
public sealed record CheckRule(string Id, CheckSeverity Severity, string Field, string Message, string Source)
{
    /// <summary>The message with its {placeholders} filled in.</summary>
    public string Format(params (string Key, string Value)[] values)
    {
        var message = Message;
        foreach (var (k, v) in values) message = message.Replace("{" + k + "}", v, StringComparison.Ordinal);
        return message;
    }
}
