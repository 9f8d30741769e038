namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// One uploaded version of a named bank, checked against the GB/T 45654 quotas and kept for its owner: who uploaded it
/// and when, its version number within the name, the validation as JSON (<see cref="Suanbei.GenAi.Banks.BankReport"/>)
/// and its items as JSON (for the diff between versions), not the file itself.
/// </summary>
public sealed class BankCheck
{
    public const int MaxNameLength = 100;

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
    /// <summary>The bank's name: uploads under the same name and kind are its versions 1, 2, ….</summary>
    public string BankName { get; private set; } = "";
    public int Version { get; private set; }
    /// <summary>The account that uploaded this version, by its sign-in name.</summary>
    public string UploadedBy { get; private set; } = "";
    /// <summary>The items (<see cref="Suanbei.GenAi.Banks.BankItem"/>) as a JSON array; null for checks kept before versions.</summary>
    public string? ItemsJson { get; private set; }

    private BankCheck() { }

    public BankCheck(string ownerId, string kind, string fileName, string format, int items, bool ok, string reportJson,
        DateTimeOffset checkedAt, string bankName = "", int version = 1, string uploadedBy = "", string? itemsJson = null)
    {
        BankName = bankName;
        Version = version;
        UploadedBy = uploadedBy;
        ItemsJson = itemsJson;
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
