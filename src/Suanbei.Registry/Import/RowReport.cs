namespace Suanbei.Registry.Import;

/// <summary>A row the importer could not take, with its row number in the file and the reason (Chinese, for users).</summary>
public sealed record RowReport(int RowNumber, string Reason, string? Content);
