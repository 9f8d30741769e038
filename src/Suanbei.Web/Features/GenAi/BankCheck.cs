namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// One uploaded bank checked against the GB/T 45654 quotas, kept for its owner: the validation as JSON
/// (<see cref="Suanbei.GenAi.Banks.BankReport"/>), not the file, so a re-check means a new upload.
/// </summary>
public sealed class BankCheck
{
    public Guid Id { get; private set; }
    public string OwnerId { get; private set; } = "";
    /// <summary>The bank kind's code (<c>keywords</c>, <c>content</c>, <c>refuse</c>, <c>answer</c>).</summary>
    public string Kind { get; private set; } = "";
    public string FileName { get; private set; } = "";
    /// <summary>The format found in the content (CSV, TSV, XLSX, JSONL), not the one the name claims.</summary>
    public string Format { get; private set; } = "";
    public int Items { get; private set; }
    public bool Ok { get; private set; }
    public string ReportJson { get; private set; } = "";
    public DateTimeOffset CheckedAt { get; private set; }

    private BankCheck() { }

    public BankCheck(string ownerId, string kind, string fileName, string format, int items, bool ok, string reportJson,
        DateTimeOffset checkedAt)
    {
        Id = Guid.NewGuid();
        OwnerId = ownerId;
        Kind = kind;
        FileName = fileName;
        Format = format;
        Items = items;
        Ok = ok;
        ReportJson = reportJson;
        CheckedAt = checkedAt;
    }
}
