namespace Suanbei.GenAi.Reporting;

/// <summary>
/// One answered question of a run: the automatic verdict and, when people reviewed it, the human verdict (the latest
/// mark) with every reviewer's marks described. True is the sense the rates count: 合格 for content, 拒答 otherwise.
/// </summary>
public sealed record ResultRow(string Bank, string Key, IReadOnlyList<string> Risks, string Question, string Answer, bool Auto,
    bool? Human, string? Marks)
{
    public bool Final => Human ?? Auto;
}
