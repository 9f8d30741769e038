using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Suanbei.Web.Data;

namespace Suanbei.Web.Features.Registry.Store;

/// <summary>
/// Inserts new rows with one parameterised INSERT command per table, reused for every row (its statement is prepared once), in the context's current transaction.
/// Table, columns, parameter names and value conversions all come from the EF model and the provider's type mappings
/// (the same ones SaveChanges uses), so there is no provider-specific SQL; it skips change tracking, whose per-row
/// command preparation is what made a 10,000-row import cost seconds of CPU.
/// </summary>
internal static class BulkInsert
{
    public static async Task<int> InsertAsync<T>(SuanbeiDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T) + " is not in the model");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = type.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var bound = new List<(IProperty Property, DbParameter Parameter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter)>();
            var placeholders = new List<string>();
            foreach (var p in columns)
            {
                var mapping = p.GetRelationalTypeMapping();
                var name = "p" + bound.Count;
                var parameter = mapping.CreateParameter(command, sql.GenerateParameterName(name), null, p.IsNullable);
                command.Parameters.Add(parameter);
                bound.Add((p, parameter, mapping.Converter));
                placeholders.Add(sql.GenerateParameterNamePlaceholder(name));
            }
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
                                  $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) " +
                                  $"VALUES ({string.Join(", ", placeholders)})";
            var count = 0;
            foreach (var row in rows)
            {
                foreach (var (property, parameter, converter) in bound)
                {
                    var value = property.PropertyInfo!.GetValue(row);
                    if (converter is not null && value is not null) value = converter.ConvertToProvider(value);
                    parameter.Value = value ?? DBNull.Value;
                }
                count += await command.ExecuteNonQueryAsync(ct);
            }
            return count;
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }
}
