using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// Every generative-AI number ever issued (备案 and 登记). The unique indexes (the number ignoring case; 属地 + year + 登记
/// sequence) are what keep numbers unique under concurrent issuing. Written by hand; provider-neutral.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261206000200_GenerativeAiNumbers")]
public sealed class GenerativeAiNumbers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IssuedGenerativeAiNumbers",
            columns: table => new
            {
                Number = table.Column<string>(maxLength: 200, nullable: false),
                NumberKey = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<int>(nullable: false),
                Province = table.Column<string>(maxLength: 32, nullable: false),
                Year = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                IssuedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_IssuedGenerativeAiNumbers", x => x.Number));
        migrationBuilder.CreateIndex(name: "IX_IssuedGenerativeAiNumbers_NumberKey", table: "IssuedGenerativeAiNumbers",
            column: "NumberKey", unique: true);
        migrationBuilder.CreateIndex(name: "IX_IssuedGenerativeAiNumbers_Province_Year_Sequence", table: "IssuedGenerativeAiNumbers",
            columns: ["Province", "Year", "Sequence"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable(name: "IssuedGenerativeAiNumbers");
}
