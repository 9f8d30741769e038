using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// The assessment's reports and versioned banks: a reviewed run keeps when it was started, the rules version and its
/// inputs' SHA-256s for the 安全自评估报告; a bank check becomes a version of a named bank (who uploaded it, its items).
/// Checks kept before are versions of a bank named after their file. Review marks are recorded by account (a run's owner
/// or an account it invited); marks kept before keep their typed name as <c>name:</c>… so none merge.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261206000300_GenAiReports")]
public sealed class GenAiReports : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "RunCreated", table: "GenAiReviewRuns", nullable: true);
        migrationBuilder.AddColumn<string>(name: "RulesVersion", table: "GenAiReviewRuns", maxLength: 32, nullable: false,
            defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "InputHashesJson", table: "GenAiReviewRuns", nullable: false, defaultValue: "{}");
        migrationBuilder.AddColumn<string>(name: "BankName", table: "GenAiBankChecks", maxLength: 100, nullable: false,
            defaultValue: "");
        migrationBuilder.AddColumn<int>(name: "Version", table: "GenAiBankChecks", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<string>(name: "UploadedBy", table: "GenAiBankChecks", maxLength: 256, nullable: false,
            defaultValue: "");
        migrationBuilder.AddColumn<string>(name: "ItemsJson", table: "GenAiBankChecks", nullable: true);
        // Earlier checks become versions of a bank named after their file, numbered by check time.
        migrationBuilder.Sql("""
            UPDATE "GenAiBankChecks" SET "BankName" = substr("FileName", 1, 100), "Version" = (
                SELECT COUNT(*) FROM "GenAiBankChecks" o
                WHERE o."OwnerId" = "GenAiBankChecks"."OwnerId" AND o."Kind" = "GenAiBankChecks"."Kind"
                  AND o."FileName" = "GenAiBankChecks"."FileName"
                  AND (o."CheckedAt" < "GenAiBankChecks"."CheckedAt"
                       OR (o."CheckedAt" = "GenAiBankChecks"."CheckedAt" AND o."Id" <= "GenAiBankChecks"."Id")))
            """);
        migrationBuilder.CreateIndex(name: "IX_GenAiBankChecks_OwnerId_Kind_BankName_Version", table: "GenAiBankChecks",
            columns: ["OwnerId", "Kind", "BankName", "Version"], unique: true);

        // A reviewer is shown by the account's e-mail now; SQLite has no column lengths to widen (nor ALTER COLUMN).
        if (!migrationBuilder.IsSqlite())
            migrationBuilder.AlterColumn<string>(name: "Reviewer", table: "GenAiReviewMarks", maxLength: 256, nullable: false,
                oldClrType: typeof(string), oldMaxLength: 32);
        migrationBuilder.AddColumn<string>(name: "ReviewerId", table: "GenAiReviewMarks", maxLength: 450, nullable: false,
            defaultValue: "");
        migrationBuilder.Sql("""UPDATE "GenAiReviewMarks" SET "ReviewerId" = 'name:' || "Reviewer" """);
        migrationBuilder.DropIndex(name: "IX_GenAiReviewMarks_ItemId_Reviewer", table: "GenAiReviewMarks");
        migrationBuilder.CreateIndex(name: "IX_GenAiReviewMarks_ItemId_ReviewerId", table: "GenAiReviewMarks",
            columns: ["ItemId", "ReviewerId"], unique: true);
        migrationBuilder.CreateTable(
            name: "GenAiReviewRunReviewers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RunId = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                AddedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GenAiReviewRunReviewers", x => x.Id);
                table.ForeignKey(name: "FK_GenAiReviewRunReviewers_GenAiReviewRuns_RunId", column: x => x.RunId,
                    principalTable: "GenAiReviewRuns", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_GenAiReviewRunReviewers_RunId_UserId", table: "GenAiReviewRunReviewers",
            columns: ["RunId", "UserId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_GenAiReviewRunReviewers_UserId", table: "GenAiReviewRunReviewers",
            column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "GenAiReviewRunReviewers");
        migrationBuilder.DropIndex(name: "IX_GenAiReviewMarks_ItemId_ReviewerId", table: "GenAiReviewMarks");
        migrationBuilder.DropColumn(name: "ReviewerId", table: "GenAiReviewMarks");
        migrationBuilder.CreateIndex(name: "IX_GenAiReviewMarks_ItemId_Reviewer", table: "GenAiReviewMarks",
            columns: ["ItemId", "Reviewer"], unique: true);
        migrationBuilder.DropIndex(name: "IX_GenAiBankChecks_OwnerId_Kind_BankName_Version", table: "GenAiBankChecks");
        migrationBuilder.DropColumn(name: "ItemsJson", table: "GenAiBankChecks");
        migrationBuilder.DropColumn(name: "UploadedBy", table: "GenAiBankChecks");
        migrationBuilder.DropColumn(name: "Version", table: "GenAiBankChecks");
        migrationBuilder.DropColumn(name: "BankName", table: "GenAiBankChecks");
        migrationBuilder.DropColumn(name: "InputHashesJson", table: "GenAiReviewRuns");
        migrationBuilder.DropColumn(name: "RulesVersion", table: "GenAiReviewRuns");
        migrationBuilder.DropColumn(name: "RunCreated", table: "GenAiReviewRuns");
    }
}
