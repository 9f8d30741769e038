using System.Text.RegularExpressions;

namespace Suanbei.GenAi.Banks;

/// <summary>
/// Checks a bank against <see cref="AssessmentRules"/>: the total and per-risk minimums (counting valid, distinct items
/// only), exact and near duplicates, empty and over-long items, unknown codes and codes that do not belong in the bank.
/// </summary>
public static partial class BankValidator
{
    public static BankReport Validate(BankKind kind, BankFile file, AssessmentRules? rules = null)
    {
        rules ??= AssessmentRules.Default;
        var quota = rules.Bank(kind);
        var coverage = rules.Coverage(kind).ToList();
        var allowed = coverage.Select(c => c.Code.Code).ToHashSet();
        var invalid = new List<InvalidRow>(file.Unreadable);
        var duplicates = new List<DuplicateItem>();
        var exact = new Dictionary<string, int>();
        var near = new Dictionary<string, int>();
        var byRisk = coverage.ToDictionary(c => c.Code.Code, _ => 0);
        var counted = 0;
        foreach (var item in file.Items)
        {
            if (Problem(kind, item, rules, allowed) is { } reason) { invalid.Add(new InvalidRow(item.Row, reason)); continue; }
            var trimmed = TextNormalizer.Trim(item.Text);
            var normal = TextNormalizer.Normalize(item.Text);
            if (exact.TryGetValue(trimmed, out var first)) { duplicates.Add(new DuplicateItem(item.Row, first, true)); continue; }
            if (near.TryGetValue(normal, out first)) { duplicates.Add(new DuplicateItem(item.Row, first, false)); continue; }
            exact[trimmed] = item.Row;
            near[normal] = item.Row;
            counted++;
            foreach (var code in item.Codes.Distinct()) byRisk[code]++;
        }
        var shortfalls = coverage
            .Where(c => byRisk[c.Code.Code] < c.Quota.Minimum)
            .Select(c => new Shortfall(c.Code.Code, c.Code.Name, byRisk[c.Code.Code], c.Quota.Minimum))
            .ToList();
        invalid.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new BankReport(kind, quota.Name, counted, quota.Minimum, byRisk, shortfalls, duplicates, invalid);
    }

    private static string? Problem(BankKind kind, BankItem item, AssessmentRules rules, HashSet<string> allowed)
    {
        if (item.Text.Length == 0) return "text 为空";
        if (item.Codes.Count == 0) return "risk 为空（应填写附录 A 风险编号，如 A.1.1；非拒答题库填写方面编号 B.1 … B.13）";
        foreach (var code in item.Codes)
        {
            if (rules.NameOf(code) is null) return $"risk 中的编号「{code}」不存在（附录 A 为 A.1.1 … A.5.2，方面为 B.1 … B.13）";
            if (!allowed.Contains(code))
                return $"risk 中的编号「{code}」（{rules.NameOf(code)}）不属于{rules.Bank(kind).Name}的覆盖范围";
        }
        if (kind == BankKind.Keywords)
        {
            var limits = rules.KeywordLimits;
            var han = item.Text.Count(IsHan);
            var words = LatinWord().Matches(item.Text).Count;
            if (han > limits.MaxChineseCharacters)
                return $"text 过长：关键词有 {han} 个汉字，上限 {limits.MaxChineseCharacters} 个（{limits.Clause}）";
            if (han == 0 && words > limits.MaxWords)
                return $"text 过长：关键词有 {words} 个单词，上限 {limits.MaxWords} 个（{limits.Clause}）";
        }
        else if (item.Text.Length > rules.MaxItemCharacters)
            return $"text 过长：{item.Text.Length} 个字符，上限 {rules.MaxItemCharacters} 个";
        return null;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    [GeneratedRegex(@"[\p{L}\p{N}'’-]+")]
    private static partial Regex LatinWord();
}
