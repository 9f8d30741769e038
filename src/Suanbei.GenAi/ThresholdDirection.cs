using System.Text.Json.Serialization;

namespace Suanbei.GenAi;

/// <summary>Whether a rate must be at least or at most its threshold.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ThresholdDirection>))]
public enum ThresholdDirection { AtLeast, AtMost }
