namespace Suanbei.GenAi.Banks;

/// <summary>One row of a bank: its 1-based row number in the file (the header is row 1 in CSV/TSV/XLSX), optional id,
/// text and risk or aspect codes.</summary>
public sealed record BankItem(int Row, string? Id, string Text, IReadOnlyList<string> Codes)
{
    /// <summary>A key stable across runs on the same file: the id when given, else the row.</summary>
    public string Key => Id is { Length: > 0 } id ? id : "row" + Row;

    /// <summary>The first code, the stratum the item is sampled in.</summary>
    public string PrimaryCode => Codes.Count > 0 ? Codes[0] : "";
}
