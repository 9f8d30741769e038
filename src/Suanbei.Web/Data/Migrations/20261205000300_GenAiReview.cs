using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// The GB/T 45654 assessment on the web: bank coverage checks kept per owner, and evaluation runs
/// imported for human review with their answers and each reviewer's marks.
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
        migrationBuilder.CreateTable(
            name: "GenAiReviewRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<string>(maxLength: 450, nullable: false),
                Model = table.Column<string>(maxLength: 200, nullable: false),
                Endpoint = table.Column<string>(maxLength: 500, nullable: false),
                Seed = table.Column<int>(nullable: false),
                ImportedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_GenAiReviewRuns", x => x.Id));
        migrationBuilder.CreateTable(
            name: "GenAiReviewItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RunId = table.Column<Guid>(nullable: false),
                Seq = table.Column<int>(nullable: false),
                Bank = table.Column<string>(maxLength: 16, nullable: false),
                Key = table.Column<string>(maxLength: 200, nullable: false),
                Risks = table.Column<string>(maxLength: 200, nullable: false),
                Question = table.Column<string>(nullable: false),
                Answer = table.Column<string>(nullable: false),
                Auto = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GenAiReviewItems", x => x.Id);
                table.ForeignKey(name: "FK_GenAiReviewItems_GenAiReviewRuns_RunId", column: x => x.RunId,
                    principalTable: "GenAiReviewRuns", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "GenAiReviewMarks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RunId = table.Column<Guid>(nullable: false),
                ItemId = table.Column<Guid>(nullable: false),
                Reviewer = table.Column<string>(maxLength: 32, nullable: false),
                Verdict = table.Column<bool>(nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
                MarkedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GenAiReviewMarks", x => x.Id);
                table.ForeignKey(name: "FK_GenAiReviewMarks_GenAiReviewItems_ItemId", column: x => x.ItemId,
                    principalTable: "GenAiReviewItems", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_GenAiReviewItems_RunId_Seq", table: "GenAiReviewItems",
            columns: ["RunId", "Seq"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_GenAiReviewMarks_ItemId_Reviewer", table: "GenAiReviewMarks",
            columns: ["ItemId", "Reviewer"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_GenAiReviewMarks_RunId", table: "GenAiReviewMarks", column: "RunId");
        migrationBuilder.CreateIndex(name: "IX_GenAiReviewRuns_OwnerId_ImportedAt", table: "GenAiReviewRuns",
            columns: ["OwnerId", "ImportedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "GenAiReviewMarks");
        migrationBuilder.DropTable(name: "GenAiReviewItems");
        migrationBuilder.DropTable(name: "GenAiReviewRuns");
        migrationBuilder.DropTable(name: "GenAiBankChecks");
    }
}
