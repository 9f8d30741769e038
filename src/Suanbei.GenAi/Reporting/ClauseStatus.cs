namespace Suanbei.GenAi.Reporting;

/// <summary>
/// A clause's verdict in the 安全自评估报告: the standard's three (符合, 不符合, 不适用) and one for a clause whose
/// evidence Suanbei does not hold and the filer has not supplied yet (named in Core's display-names.tsv).
/// </summary>
public enum ClauseStatus
{
    Conforms,
    Fails,
    NotApplicable,
    Open,
}
