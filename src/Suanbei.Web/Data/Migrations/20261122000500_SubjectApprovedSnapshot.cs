using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// Subjects remember the name and region code a reviewer last approved, so a subject change in progress is not shown
/// on public entries or used for new filing numbers before its approval. Existing approved subjects are backfilled
/// from their current values (the best record there is).
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261122000500_SubjectApprovedSnapshot")]
public sealed class SubjectApprovedSnapshot : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "ApprovedName", table: "Subjects", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>(name: "ApprovedRegionCode", table: "Subjects", maxLength: 6, nullable: true);
        // Plain SQL that means the same on SQLite and PostgreSQL.
        migrationBuilder.Sql(
            "UPDATE \"Subjects\" SET \"ApprovedName\" = \"Name\", " +
            "\"ApprovedRegionCode\" = \"RegionCode\" WHERE \"ApprovedAt\" IS NOT NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ApprovedName", table: "Subjects");
        migrationBuilder.DropColumn(name: "ApprovedRegionCode", table: "Subjects");
    }
}
