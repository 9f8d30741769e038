using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Registry.Store;

/// <summary>
/// Inserts new rows with parameterised multi-row INSERT commands (about <see cref="ParametersPerCommand"/> parameters
/// each, so a PostgreSQL import makes one round trip per batch rather than per row), in the context's current transaction.
/// Table, columns, parameter names and value conversions all come from the EF model and the provider's type mappings
/// (the same ones SaveChanges uses), so there is no provider-specific SQL; it skips change tracking, whose per-row
/// command preparation is what made a 10,000-row import cost seconds of CPU.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Parameters per INSERT (rows = this / columns). Far below the limits of SQLite (32,766) and PostgreSQL
    /// (65,535), and small on purpose: SQLite looks each parameter name up by a linear scan when binding, so binding
    /// cost grows with the square of the command's size (3,000 parameters made a SQLite import twice as slow).</summary>
    public const int ParametersPerCommand = 512;

    public static async Task<int> InsertAsync<T>(SuanbeiDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T) + " is not in the model");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = type.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var rowsPerCommand = Math.Max(1, ParametersPerCommand / Math.Max(1, columns.Count));

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            DbCommand? full = null;
            var count = 0;
            var pending = new List<T>(rowsPerCommand);
            foreach (var row in rows)
            {
                pending.Add(row);
                if (pending.Count < rowsPerCommand) continue;
                full ??= CreateCommand(db, sql, table, columns, rowsPerCommand);
                count += await ExecuteAsync(full, columns, pending, ct);
                pending.Clear();
            }
            if (full is not null) await full.DisposeAsync();
            if (pending.Count > 0)
            {
                await using var last = CreateCommand(db, sql, table, columns, pending.Count);
                count += await ExecuteAsync(last, columns, pending, ct);
            }
            return count;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private static DbCommand CreateCommand(SuanbeiDbContext db, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        List<IProperty> columns, int rowCount)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var values = new List<string>(rowCount);
        for (var r = 0; r < rowCount; r++)
        {
            var placeholders = new List<string>(columns.Count);
            foreach (var p in columns)
            {
                var name = "p" + command.Parameters.Count;
                command.Parameters.Add(p.GetRelationalTypeMapping().CreateParameter(command,
                    sql.GenerateParameterName(name), null, p.IsNullable));
                placeholders.Add(sql.GenerateParameterNamePlaceholder(name));
            }
            values.Add("(" + string.Join(", ", placeholders) + ")");
        }
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                              $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) " +
                              $"VALUES {string.Join(", ", values)}";
        return command;
    }

    /// <summary>Binds <paramref name="rows"/> (exactly as many as the command has row placeholders) and runs it.</summary>
    private static async Task<int> ExecuteAsync<T>(DbCommand command, List<IProperty> columns, List<T> rows, CancellationToken ct)
    {
        var converters = columns.Select(c => c.GetRelationalTypeMapping().Converter).ToArray();
        var i = 0;
        foreach (var row in rows)
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].PropertyInfo!.GetValue(row);
                if (converters[c] is { } converter && value is not null) value = converter.ConvertToProvider(value);
                command.Parameters[i++].Value = value ?? DBNull.Value;
            }
        return await command.ExecuteNonQueryAsync(ct);
    }
}
