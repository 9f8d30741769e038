using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// Two facts the 算法安全自评估报告 needs and no field collected: 投诉举报渠道 (assessment item 6) and 配合监管机制 (item 7).
/// Nullable: filings made before read as "not entered".
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261205000100_AssessmentFacts")]
public sealed class AssessmentFacts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "ComplaintChannels", table: "AlgorithmFilings", nullable: true);
        migrationBuilder.AddColumn<string>(name: "RegulatorCooperation", table: "AlgorithmFilings", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ComplaintChannels", table: "AlgorithmFilings");
        migrationBuilder.DropColumn(name: "RegulatorCooperation", table: "AlgorithmFilings");
    }
}
