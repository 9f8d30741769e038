using Suanbei.Core.Filings;

namespace Suanbei.Core.GenerativeAi;

/// <summary>A product of the account the service runs in; name and form are a snapshot for the public entry.</summary>
public sealed class GenerativeAiProductLink
{
    private GenerativeAiProductLink() { } // EF
    internal GenerativeAiProductLink(Guid productId, string name, string form)
    {
        Id = Guid.NewGuid();
        ProductId = productId;
        ProductName = name.Trim();
        ProductForm = form.Trim();
    }

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public string ProductName { get; private set; } = "";
    public string ProductForm { get; private set; } = "";
    public string Display => $"{ProductName}（{ProductForm}）";
}

/// <summary>
/// A material (安全自评估报告 …) by its key in Data/rules/genai-filing.json: an uploaded file, or a link to a stored bank
/// version (one per <see cref="Part"/>, the bank kind) or a review run of the assessment toolkit, by
/// <see cref="Source"/>.
/// </summary>
public sealed class GenerativeAiMaterialLink
{
    private GenerativeAiMaterialLink() { } // EF
    internal GenerativeAiMaterialLink(string key, Guid materialId, GenerativeAiMaterialSource source = GenerativeAiMaterialSource.Upload,
        string part = "")
    {
        Id = Guid.NewGuid();
        Key = key;
        MaterialId = materialId;
        Source = source;
        Part = part;
    }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = "";
    /// <summary>The uploaded material's id, or the linked bank version's or review run's id (by <see cref="Source"/>).</summary>
    public Guid MaterialId { get; private set; }
    public GenerativeAiMaterialSource Source { get; private set; }
    /// <summary>The bank kind code of a linked bank version (<c>keywords</c>, <c>content</c> …); empty otherwise.</summary>
    public string Part { get; private set; } = "";
}

/// <summary>A reviewer's reason for returning one field, kept per round.</summary>
public sealed class GenerativeAiReturnReason : IAppendOnly
{
    private GenerativeAiReturnReason() { } // EF
    internal GenerativeAiReturnReason(int round, FieldReason reason, GenerativeAiStatus level, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        Round = round;
        Field = reason.Field;
        Reason = reason.Reason.Trim();
        Level = level;
        At = at;
    }

    public Guid Id { get; private set; }
    public int Round { get; private set; }
    public string Field { get; private set; } = "";
    public string Reason { get; private set; } = "";
    /// <summary>The status the filing was in when returned (已提交, 属地初审 or 国家复审): which office sent it back.</summary>
    public GenerativeAiStatus Level { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>One line of a generative-AI filing's audit trail (table GenAiFilingAudit).</summary>
public sealed class GenerativeAiAuditEntry : AuditEntry<GenerativeAiAction, GenerativeAiStatus>
{
    private GenerativeAiAuditEntry() { } // EF
    internal GenerativeAiAuditEntry(int sequence, DateTimeOffset at, Actor actor, GenerativeAiAction action,
        GenerativeAiStatus from, GenerativeAiStatus to, string? reason) : base(sequence, at, actor, action, from, to, reason) { }
}
