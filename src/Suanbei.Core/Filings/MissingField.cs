namespace Suanbei.Core.Filings;

/// <summary>A field that blocks submission, or a field a reviewer returns with a reason: key (stable, used as form id) and Chinese
/// text.</summary>
public sealed record MissingField(string Field, string Message);
