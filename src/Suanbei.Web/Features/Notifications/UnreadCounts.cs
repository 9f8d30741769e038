using Microsoft.EntityFrameworkCore;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Notifications;

/// <summary>
/// The node's copy of each account's unread-notification count (the layout shows it on every page), kept only while
/// <see cref="PostgresListener"/> listens on PostgreSQL: every change of an account's notifications announces the
/// account on <see cref="Channel"/>, which drops the copy on every node. Without a listener (SQLite, connection down)
/// nothing is kept and the layout counts in the database as before.
/// </summary>
public sealed class UnreadCounts : NotifiedCache<int>
{
    public const string Channel = "suanbei_notifications";

    /// <summary>
    /// Tells every node (this one at once) that the account's notifications changed. On PostgreSQL the notification
    /// is sent with the caller's transaction when there is one, else at once.
    /// </summary>
    public async Task AnnounceAsync(SuanbeiDbContext db, string accountId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {accountId})", ct);
        Changed(accountId);
    }
}
