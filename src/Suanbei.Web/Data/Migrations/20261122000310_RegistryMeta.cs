using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// The registry's change counter (Features/Registry/Store RegistryMeta): one row (created by the first change), bumped with every registry
/// change, read
/// by the in-memory search index of each process to know when to reload. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261122000310_RegistryMeta")]
public sealed class RegistryMetaTable : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RegistryMeta",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                Stamp = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RegistryMeta", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "RegistryMeta");
}
