using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// A generative-AI filing's material may link the assessment toolkit instead of an uploaded file: each link row says
/// where it comes from (0 upload, 1 bank version, 2 review run) and, for a bank version, which bank (its kind code).
/// Rows kept before are uploads. 备案 numbers dated from 2024-04-28 carry a sequence counted apart from the 登记 one, so
/// the issued numbers' sequence is unique per kind as well.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261207000100_GenAiToolkitLinksAndFilingSequence")]
public sealed class GenAiToolkitLinksAndFilingSequence : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Source", table: "GenAiFilingMaterials", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<string>(name: "Part", table: "GenAiFilingMaterials", maxLength: 16, nullable: false,
            defaultValue: "");
        migrationBuilder.DropIndex(name: "IX_IssuedGenerativeAiNumbers_Province_Year_Sequence", table: "IssuedGenerativeAiNumbers");
        migrationBuilder.CreateIndex(name: "IX_IssuedGenerativeAiNumbers_Kind_Province_Year_Sequence", table: "IssuedGenerativeAiNumbers",
            columns: ["Kind", "Province", "Year", "Sequence"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_IssuedGenerativeAiNumbers_Kind_Province_Year_Sequence", table: "IssuedGenerativeAiNumbers");
        migrationBuilder.CreateIndex(name: "IX_IssuedGenerativeAiNumbers_Province_Year_Sequence", table: "IssuedGenerativeAiNumbers",
            columns: ["Province", "Year", "Sequence"], unique: true);
        migrationBuilder.DropColumn(name: "Part", table: "GenAiFilingMaterials");
        migrationBuilder.DropColumn(name: "Source", table: "GenAiFilingMaterials");
    }
}
