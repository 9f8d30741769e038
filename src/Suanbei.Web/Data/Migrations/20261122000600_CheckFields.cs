using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// The data the pre-submission check needs beyond the filing itself: a product's ICP holder, expiry and business scope,
/// and what the filer reads off the signed 承诺书 and 工作证明. All nullable: existing rows mean "not entered".
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261122000600_CheckFields")]
public sealed class CheckFields : Migration
{
    private static readonly string[] SubjectColumns =
        ["CommitmentSignerName", "CommitmentSignerIdNumber", "EmploymentName", "EmploymentEmployer", "EmploymentPost", "EmploymentTenure"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "IcpHolder", table: "Products", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "IcpExpiresOn", table: "Products", nullable: true);
        migrationBuilder.AddColumn<string>(name: "IcpBusinessScope", table: "Products", maxLength: 2000, nullable: true);
        foreach (var column in SubjectColumns)
            migrationBuilder.AddColumn<string>(name: column, table: "Subjects", maxLength: 200, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "IcpHolder", table: "Products");
        migrationBuilder.DropColumn(name: "IcpExpiresOn", table: "Products");
        migrationBuilder.DropColumn(name: "IcpBusinessScope", table: "Products");
        foreach (var column in SubjectColumns)
            migrationBuilder.DropColumn(name: column, table: "Subjects");
    }
}
