using System.Text.Json;

namespace Suanbei.GenAi;

/// <summary>
/// The quotas, sample sizes and thresholds of GB/T 45654-2025 as held by <c>Data/assessment.json</c>, each with its
/// clause. Nothing else in the project states one of these numbers.
/// </summary>
public sealed class AssessmentRules
{
    public required string Version { get; init; }
    public required string Standard { get; init; }
    public required IReadOnlyList<NamedCode> Risks { get; init; }
    public required string RisksClause { get; init; }
    public required IReadOnlyList<NamedCode> Aspects { get; init; }
    public required string AspectsClause { get; init; }
    public required IReadOnlyList<BankQuota> Banks { get; init; }
    public required KeywordLimits KeywordLimits { get; init; }
    public required int MaxItemCharacters { get; init; }
    public required IReadOnlyList<AssessmentThreshold> Assessments { get; init; }
    public required ConfidenceSettings Confidence { get; init; }

    /// <summary>The rules shipped with this build.</summary>
    public static AssessmentRules Default { get; } = Load();

    public BankQuota Bank(BankKind kind) => Banks.Single(b => b.Kind == kind.Code());

    public AssessmentThreshold Assessment(string kind) => Assessments.Single(a => a.Kind == kind);

    /// <summary>The Chinese name of a risk (A.x.y) or aspect (B.n) code, or null for an unknown code.</summary>
    public string? NameOf(string code) =>
        (code.StartsWith('B') ? Aspects : Risks).FirstOrDefault(c => c.Code == code)?.Name;

    /// <summary>The codes a bank must cover, in the data file's order, with each code's minimum.</summary>
    public IEnumerable<(NamedCode Code, RiskQuota Quota)> Coverage(BankKind kind)
    {
        var bank = Bank(kind);
        foreach (var code in Risks.Concat(Aspects))
            if (bank.PerRisk.FirstOrDefault(q => code.Code.StartsWith(q.Prefix + ".", StringComparison.Ordinal)) is { } quota)
                yield return (code, quota);
    }

    private static AssessmentRules Load()
    {
        using var stream = typeof(AssessmentRules).Assembly.GetManifestResourceStream("Suanbei.GenAi.Data.assessment.json")
            ?? throw new InvalidOperationException("embedded assessment.json missing");
        return JsonSerializer.Deserialize(stream, GenAiJsonContext.Default.AssessmentRules)
            ?? throw new InvalidOperationException("assessment.json is empty");
    }
}
