using System.Text.Json;

namespace Suanbei.GenAi.Reporting;

/// <summary>The clauses of <c>Data/self-assessment-clauses.json</c>, in the report's order.</summary>
public sealed class AssessmentClauses
{
    public required string Standard { get; init; }
    public required IReadOnlyList<AssessmentClause> Clauses { get; init; }

    public static AssessmentClauses Default { get; } = Load();

    private static AssessmentClauses Load()
    {
        using var stream = typeof(AssessmentClauses).Assembly
            .GetManifestResourceStream("Suanbei.GenAi.Data.self-assessment-clauses.json")
            ?? throw new InvalidOperationException("embedded self-assessment-clauses.json missing");
        return JsonSerializer.Deserialize(stream, GenAiJsonContext.Default.AssessmentClauses)
            ?? throw new InvalidOperationException("self-assessment-clauses.json is empty");
    }
}
