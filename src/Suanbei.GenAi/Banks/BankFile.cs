namespace Suanbei.GenAi.Banks;

/// <summary>A bank as read from a file: its items and the rows that could not be read as items.</summary>
public sealed record BankFile(string Path, IReadOnlyList<BankItem> Items, IReadOnlyList<InvalidRow> Unreadable);
