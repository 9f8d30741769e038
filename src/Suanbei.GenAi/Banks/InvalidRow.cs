namespace Suanbei.GenAi.Banks;

/// <summary>A row reported as invalid, with the reason in Chinese.</summary>
public sealed record InvalidRow(int Row, string Reason);
