using Suanbei.Core;
using Suanbei.GenAi.Evaluation;

namespace Suanbei.GenAi.Reporting;

/// <summary>
/// The filer's verdicts on clauses Suanbei cannot judge, as a UTF-8 TSV with a header row <c>id	status	evidence</c>:
/// the clause id of <c>self-assessment-clauses.json</c>, 符合 / 不符合 / 不适用, and the evidence cited. A wrong row
/// is an <see cref="EvalException"/> naming its line and column.
/// </summary>
public static class ManualJudgments
{
    public static IReadOnlyDictionary<string, ManualJudgment> Parse(string text, string fileName, AssessmentClauses? clauses = null)
    {
        clauses ??= AssessmentClauses.Default;
        var ids = clauses.Clauses.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
        var header = lines[0].Split('\t').Select(h => h.Trim()).ToArray();
        if (header is not ["id", "status", "evidence", ..])
            throw new EvalException($"{fileName}：第 1 行应为表头 id、status、evidence（以制表符分隔）");
        var result = new Dictionary<string, ManualJudgment>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var cells = lines[i].Split('\t').Select(c => c.Trim()).ToArray();
            var id = cells[0];
            if (!ids.Contains(id))
                throw new EvalException($"{fileName}：第 {i + 1} 行 id“{id}”不是自评估条款的编号（见 self-assessment-clauses.json）");
            var status = DisplayNames.Parse<ClauseStatus>(cells.ElementAtOrDefault(1));
            if (status is null or ClauseStatus.Open)
                throw new EvalException($"{fileName}：第 {i + 1} 行 status 应为 符合、不符合 或 不适用，而不是“{cells.ElementAtOrDefault(1)}”");
            var evidence = cells.ElementAtOrDefault(2) ?? "";
            if (evidence.Length == 0) throw new EvalException($"{fileName}：第 {i + 1} 行 evidence 为空：请写明依据");
            if (!result.TryAdd(id, new ManualJudgment(status.Value, evidence)))
                throw new EvalException($"{fileName}：第 {i + 1} 行 id“{id}”重复");
        }
        return result;
    }
}
