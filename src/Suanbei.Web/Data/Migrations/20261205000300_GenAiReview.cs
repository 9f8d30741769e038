using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// The GB/T 45654 assessment on the web: bank coverage checks kept per owner.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261205000300_GenAiReview")]
public sealed class GenAiReview : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "GenAiBankChecks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<string>(maxLength: 450, nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                Format = table.Column<string>(maxLength: 8, nullable: false),
                Items = table.Column<int>(nullable: false),
                Ok = table.Column<bool>(nullable: false),
                ReportJson = table.Column<string>(nullable: false),
                CheckedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_GenAiBankChecks", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_GenAiBankChecks_OwnerId_CheckedAt", table: "GenAiBankChecks",
            columns: ["OwnerId", "CheckedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "GenAiBankChecks");
    }
}
