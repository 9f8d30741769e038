using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Filings;

/// <summary>
/// The node's copy of each organisation's 算法备案 list (<see cref="IndexModel.Listing"/>: whether its subject is
/// approved, and its filings' list columns), so a filer opening the list asks PostgreSQL nothing. Kept only while
/// <see cref="PostgresListener"/> listens on <see cref="Channel"/>: triggers on the filings and subjects tables announce,
/// inside the changing transaction, the organisation of every changed row, which drops its copy on every node once the
/// commit's notification arrives; this node's own saves drop it at once (<see cref="FilingListChanges"/>). Without a
/// listener (SQLite, connection down) the list is read on every request.
/// </summary>
public sealed class FilingListCache : NotifiedCache<IndexModel.Listing>
{
    /// <summary>The channel the triggers of migration <c>FilingListNotifications</c> notify (named there too).</summary>
    public const string Channel = "suanbei_filings";
}
