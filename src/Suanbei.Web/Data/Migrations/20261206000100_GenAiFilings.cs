using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// Generative-AI service filings (备案/登记; one row per version, the 上线备案表 as one JSON column), their linked products,
/// materials, return reasons and append-only audit trail. Written by hand; provider-neutral.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261206000100_GenAiFilings")]
public sealed class GenAiFilings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "GenAiFilings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                OwnerUserId = table.Column<string>(maxLength: 450, nullable: false),
                Revision = table.Column<int>(nullable: false),
                PreviousVersionId = table.Column<Guid>(nullable: true),
                Status = table.Column<int>(nullable: false),
                ConcurrencyVersion = table.Column<int>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                FormJson = table.Column<string>(nullable: false),
                ModelName = table.Column<string>(maxLength: 100, nullable: true),
                Province = table.Column<string>(maxLength: 32, nullable: true),
                Entity = table.Column<string>(maxLength: 200, nullable: true),
                SubmittedAt = table.Column<long>(nullable: true),
                ClockStartedOn = table.Column<DateOnly>(nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                ReturnRounds = table.Column<int>(nullable: false),
                RefusalReason = table.Column<string>(nullable: true),
                Number = table.Column<string>(maxLength: 128, nullable: true),
                ApprovedAt = table.Column<long>(nullable: true),
                Remarks = table.Column<string>(nullable: true),
                ChangeEventDate = table.Column<DateOnly>(nullable: true),
                ChangeDescription = table.Column<string>(nullable: true),
                OpenChangeId = table.Column<Guid>(nullable: true),
                CancelEventDate = table.Column<DateOnly>(nullable: true),
                CancelledAt = table.Column<long>(nullable: true),
                CancelReason = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GenAiFilings", x => x.Id);
                table.ForeignKey(name: "FK_GenAiFilings_AspNetUsers_OwnerUserId", column: x => x.OwnerUserId,
                    principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_GenAiFilings_Subjects_SubjectId", column: x => x.SubjectId, principalTable: "Subjects",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateTable(
            name: "GenAiFilingProducts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                ProductName = table.Column<string>(maxLength: 200, nullable: false),
                ProductForm = table.Column<string>(maxLength: 50, nullable: false),
                FilingId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GenAiFilingProducts", x => x.Id);
                table.ForeignKey(name: "FK_GenAiFilingProducts_GenAiFilings_FilingId", column: x => x.FilingId,
                    principalTable: "GenAiFilings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "GenAiFilingMaterials",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(maxLength: 64, nullable: false),
                MaterialId = table.Column<Guid>(nullable: false),
                FilingId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GenAiFilingMaterials", x => x.Id);
                table.ForeignKey(name: "FK_GenAiFilingMaterials_GenAiFilings_FilingId", column: x => x.FilingId,
                    principalTable: "GenAiFilings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateTable(
            name: "GenAiFilingReturnReasons",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Round = table.Column<int>(nullable: false),
                Field = table.Column<string>(maxLength: 64, nullable: false),
                Reason = table.Column<string>(nullable: false),
                Level = table.Column<int>(nullable: false),
                At = table.Column<long>(nullable: false),
                FilingId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GenAiFilingReturnReasons", x => x.Id);
                table.ForeignKey(name: "FK_GenAiFilingReturnReasons_GenAiFilings_FilingId", column: x => x.FilingId,
                    principalTable: "GenAiFilings", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateTable(
            name: "GenAiFilingAudit",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                At = table.Column<long>(nullable: false),
                ActorId = table.Column<string>(maxLength: 450, nullable: false),
                ActorName = table.Column<string>(maxLength: 256, nullable: false),
                ActorRole = table.Column<int>(nullable: false),
                Action = table.Column<int>(nullable: false),
                From = table.Column<int>(nullable: false),
                To = table.Column<int>(nullable: false),
                Reason = table.Column<string>(nullable: true),
                FilingId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GenAiFilingAudit", x => x.Id);
                table.ForeignKey(name: "FK_GenAiFilingAudit_GenAiFilings_FilingId", column: x => x.FilingId,
                    principalTable: "GenAiFilings", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_GenAiFilings_OwnerUserId", table: "GenAiFilings", column: "OwnerUserId");
        migrationBuilder.CreateIndex(name: "IX_GenAiFilings_SubjectId", table: "GenAiFilings", column: "SubjectId");
        migrationBuilder.CreateIndex(name: "IX_GenAiFilings_EntryId", table: "GenAiFilings", column: "EntryId");
        migrationBuilder.CreateIndex(name: "IX_GenAiFilings_Status", table: "GenAiFilings", column: "Status");
        migrationBuilder.CreateIndex(name: "IX_GenAiFilings_Number", table: "GenAiFilings", column: "Number");
        migrationBuilder.CreateIndex(name: "IX_GenAiFilingProducts_FilingId", table: "GenAiFilingProducts", column: "FilingId");
        migrationBuilder.CreateIndex(name: "IX_GenAiFilingMaterials_FilingId", table: "GenAiFilingMaterials", column: "FilingId");
        migrationBuilder.CreateIndex(name: "IX_GenAiFilingMaterials_MaterialId", table: "GenAiFilingMaterials", column: "MaterialId");
        migrationBuilder.CreateIndex(name: "IX_GenAiFilingReturnReasons_FilingId", table: "GenAiFilingReturnReasons",
            column: "FilingId");
        migrationBuilder.CreateIndex(name: "IX_GenAiFilingAudit_FilingId_Sequence", table: "GenAiFilingAudit",
            columns: ["FilingId", "Sequence"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "GenAiFilingAudit");
        migrationBuilder.DropTable(name: "GenAiFilingReturnReasons");
        migrationBuilder.DropTable(name: "GenAiFilingMaterials");
        migrationBuilder.DropTable(name: "GenAiFilingProducts");
        migrationBuilder.DropTable(name: "GenAiFilings");
    }
}
