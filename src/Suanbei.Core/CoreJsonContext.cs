using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Suanbei.Core.Assessment;
using Suanbei.Core.Calendar;

namespace Suanbei.Core;

/// <summary>
/// Compile-time JSON metadata for the documents Core reads, so that no reader needs reflection: the label tools that
/// reference Core are published trimmed and as Native AOT, and must build without trim warnings. Each reader keeps its
/// own options (naming, case, enums, limits) and takes its type's metadata through <see cref="TypeInfo{T}"/>.
/// </summary>
[JsonSerializable(typeof(WorkingCalendar.YearDto))]
[JsonSerializable(typeof(ApplicabilityRules.Dto))]
[JsonSerializable(typeof(GenerativeAi.GenerativeAiRules.Dto), TypeInfoPropertyName = "GenerativeAiRulesDto")]
internal sealed partial class CoreJsonContext : JsonSerializerContext
{
    /// <summary>Why a reader is marked as needing reflection (the answers and the filing snapshot: see their TryParse).</summary>
    public const string ReflectionOnly = "Reads init-only records with reflection-based System.Text.Json (not trimming- or AOT-safe)";

    /// <summary>The metadata of <typeparamref name="T"/> under <paramref name="options"/> (whose resolver is this context).</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
