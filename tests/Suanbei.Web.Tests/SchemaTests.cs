using Suanbei.Web.Tests.Support;

namespace Suanbei.Web.Tests;

/// <summary>The hand-written migrations create every table and column of the EF model, on both providers.</summary>
public abstract class SchemaTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    [Fact]
    public async Task Migrated_database_has_every_table_and_column_of_the_model()
    {
        var (missing, code) = await app.WithDb(async db =>
        {
            var m = await SchemaCheck.FindMissingAsync(db);
            return (m, m.Count == 0 ? "" : SchemaCheck.SuggestMigrationCode(db, m));
        });
        Assert.True(missing.Count == 0,
            "The migrations lack: " + string.Join("; ", missing.Select(
                m => m.WholeTable ? $"table {m.Table}" : $"{m.Table}({string.Join(", ", m.Columns)})")) +
            "\nAdd a hand-written migration in src/Suanbei.Web/Data/Migrations with:\n" + code);
    }
}

public sealed class SchemaTestsSqlite(SqliteApp app) : SchemaTests<SqliteApp>(app);
public sealed class SchemaTestsPostgres(PostgresApp app) : SchemaTests<PostgresApp>(app);
