namespace Suanbei.GenAi.Banks;

/// <summary>A bank as read from a file: its items and the rows that could not be read as items.</summary>
public sealed record BankFile(string Path, IReadOnlyList<BankItem> Items, IReadOnlyList<InvalidRow> Unreadable);

/// <summary>A row reported as invalid, with the reason in Chinese.</summary>
public sealed record InvalidRow(int Row, string Reason);
