using Microsoft.EntityFrameworkCore;

namespace Suanbei.Web.Data;

/// <summary>
/// Tells a conflict with a concurrent request (optimistic-concurrency miss, or a unique index another request filled
/// first, e.g. the same audit-trail sequence number) from other database errors, the same way on SQLite and PostgreSQL.
/// Such conflicts are answered as 409 with <see cref="Message"/>, never as a server error.
/// </summary>
public static class DbConflicts
{
    public const string Message = "该记录刚刚已被他人同时处理，本次操作未生效；请刷新页面查看最新状态后重试。";

    public static bool IsConflict(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateConcurrencyException) return true;
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } sqlite
                && (sqlite.SqliteExtendedErrorCode is 2067 or 1555)) return true; // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
            if (e is Npgsql.PostgresException { SqlState: "23505" or "40001" }) return true; // unique_violation, serialization_failure
        }
        return false;
    }

    /// <summary>Saves; a conflict becomes a <see cref="Suanbei.Core.DomainException"/> with <see cref="Message"/> (409 in the API, a notice
    /// on pages).</summary>
    public static async Task SaveOrConflictAsync(this DbContext db, CancellationToken ct = default)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (Exception e) when (IsConflict(e)) { throw new Suanbei.Core.DomainException(Message); }
    }
}
