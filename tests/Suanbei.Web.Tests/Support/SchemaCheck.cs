using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;
using Suanbei.Web.Data;

namespace Suanbei.Web.Tests.Support;

/// <summary>
/// Compares the EF model with the migrated database: every table and column of the model must exist and accept reads
/// (provider-neutral: one SELECT per table with every column). When something is missing, <see cref="SuggestMigrationCode"/>
/// prints MigrationBuilder code for the missing tables, columns and indexes — paste it into a new hand-written migration.
/// </summary>
public static class SchemaCheck
{
    public sealed record Missing(string Table, IReadOnlyList<string> Columns, bool WholeTable);

    public static async Task<List<Missing>> FindMissingAsync(SuanbeiDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var result = new List<Missing>();
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in db.Model.GetRelationalModel().Tables)
            {
                var columns = table.Columns.Select(c => c.Name).ToList();
                if (await CanSelectAsync(conn, sql, table.Name, columns)) continue;
                if (!await CanSelectAsync(conn, sql, table.Name, [])) { result.Add(new(table.Name, columns, true)); continue; }
                var missing = new List<string>();
                foreach (var c in columns)
                    if (!await CanSelectAsync(conn, sql, table.Name, [c])) missing.Add(c);
                result.Add(new(table.Name, missing, false));
            }
        }
        finally { await db.Database.CloseConnectionAsync(); }
        return result;
    }

    private static async Task<bool> CanSelectAsync(DbConnection conn, ISqlGenerationHelper sql, string table, IReadOnlyList<string> columns)
    {
        await using var cmd = conn.CreateCommand();
        var list = columns.Count == 0 ? "1" : string.Join(", ", columns.Select(sql.DelimitIdentifier));
        cmd.CommandText = $"SELECT {list} FROM {sql.DelimitIdentifier(table)} WHERE 1 = 0";
        try { await using var r = await cmd.ExecuteReaderAsync(); return true; }
        catch (DbException) { return false; }
    }

    /// <summary>MigrationBuilder calls (provider-neutral: no column types) that create what <paramref name="missing"/> lists.</summary>
    public static string SuggestMigrationCode(SuanbeiDbContext db, IReadOnlyList<Missing> missing)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var ops = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model);
        var wholeTables = missing.Where(m => m.WholeTable).Select(m => m.Table).ToHashSet();
        var sb = new StringBuilder();
        foreach (var op in ops)
        {
            if (op is CreateTableOperation t && wholeTables.Contains(t.Name)) sb.Append(CreateTable(t));
            else if (op is CreateIndexOperation i && wholeTables.Contains(i.Table)) sb.Append(CreateIndex(i));
        }
        foreach (var m in missing.Where(m => !m.WholeTable))
        {
            var table = ops.OfType<CreateTableOperation>().First(t => t.Name == m.Table);
            foreach (var c in table.Columns.Where(c => m.Columns.Contains(c.Name)))
                sb.AppendLine(
                    $"migrationBuilder.AddColumn<{TypeName(c.ClrType)}>(name: \"{c.Name}\", table: \"{m.Table}\"{ColumnArgs(c)});");
        }
        return sb.ToString();
    }

    private static string CreateTable(CreateTableOperation t)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"migrationBuilder.CreateTable(\n    name: \"{t.Name}\",\n    columns: table => new\n    {{");
        foreach (var c in t.Columns)
            sb.AppendLine($"        {c.Name} = table.Column<{TypeName(c.ClrType)}>({ColumnArgs(c).TrimStart(',', ' ')}),");
        sb.AppendLine("    },\n    constraints: table =>\n    {");
        if (t.PrimaryKey is { } pk) sb.AppendLine($"        table.PrimaryKey(\"{pk.Name}\", x => {Columns(pk.Columns)});");
        foreach (var fk in t.ForeignKeys)
            sb.AppendLine(
                $"        table.ForeignKey(name: \"{fk.Name}\", column: x => {Columns(fk.Columns)}, principalTable: " +
                $"\"{fk.PrincipalTable}\", " +
                          $"principalColumn: \"{fk.PrincipalColumns![0]}\", onDelete: ReferentialAction.{fk.OnDelete});");
        sb.AppendLine("    });\n");
        return sb.ToString();
    }

    private static string CreateIndex(CreateIndexOperation i) =>
        i.Columns.Length == 1
            ? $"migrationBuilder.CreateIndex(name: \"{i.Name}\", table: \"{i.Table}\", column: " +
                $"\"{i.Columns[0]}\"{(i.IsUnique ? ", unique: true" : "")});\n"
            : $"migrationBuilder.CreateIndex(name: \"{i.Name}\", table: \"{i.Table}\", columns: new[] {{ " +
                $"{string.Join(", ", i.Columns.Select(c => $"\"{c}\""))} }}{(i.IsUnique ? ", unique: true" : "")});\n";

    private static string Columns(string[] columns) =>
        columns.Length == 1 ? "x." + columns[0] : "new { " + string.Join(", ", columns.Select(c => "x." + c)) + " }";

    private static string ColumnArgs(ColumnOperation c) =>
        (c.MaxLength is { } max ? $", maxLength: {max}" : "") + $", nullable: {(c.IsNullable ? "true" : "false")}";

    private static string TypeName(Type t) => t == typeof(string) ? "string" : t == typeof(int) ? "int" : t == typeof(long) ? "long"
        : t == typeof(bool) ? "bool" : t == typeof(Guid) ? "Guid" : t == typeof(DateOnly) ? "DateOnly" : t == typeof(double) ? "double"
        : t == typeof(byte[]) ? "byte[]" : t == typeof(decimal) ? "decimal" : t.Name;
}
