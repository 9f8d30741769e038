namespace Suanbei.GenAi.Reporting;

/// <summary>
/// One clause of GB/T 45654 assessed in the self-assessment report, cited by its section title. <see cref="Evidence"/>
/// says where the verdict comes from: <c>bank:&lt;kind&gt;</c> a bank check, <c>assessment:&lt;kind&gt;</c> a run's
/// result (several separated by spaces), <c>manual</c> the filer. A clause whose text is a quota or threshold of
/// <c>assessment.json</c> has no <see cref="Requirement"/> of its own: the text is taken from there.
/// </summary>
public sealed record AssessmentClause(string Id, string Section, string Title, string? Requirement, string Evidence,
    string? Hint)
{
    public IEnumerable<string> Sources => Evidence.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsManual => Evidence == "manual";
}
