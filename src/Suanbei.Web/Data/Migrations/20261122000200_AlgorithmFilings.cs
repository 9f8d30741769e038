using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// Algorithm filings (one row per version), their labeling, linked products, return reasons and append-only audit trail,
/// the subjects' entity codes and every filing number ever issued. The unique indexes on IssuedFilingNumbers
/// (number; entity + type + year + sequence; one number per entry) and SubjectEntityCodes (entity code) are what make
/// numbers unique under concurrent publication. Written by hand from the schema test's suggestion; provider-neutral.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261122000200_AlgorithmFilings")]
public sealed class AlgorithmFilings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "IssuedFilingNumbers",
            columns: table => new
            {
                Number = table.Column<string>(maxLength: 32, nullable: false),
                EntityCode = table.Column<string>(maxLength: 7, nullable: false),
                TypeCode = table.Column<string>(maxLength: 2, nullable: false),
                Year = table.Column<int>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                IssuedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IssuedFilingNumbers", x => x.Number);
            });

        migrationBuilder.CreateTable(
            name: "SubjectEntityCodes",
            columns: table => new
            {
                SubjectId = table.Column<Guid>(nullable: false),
                EntityCode = table.Column<string>(maxLength: 7, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SubjectEntityCodes", x => x.SubjectId);
            });

        migrationBuilder.CreateTable(
            name: "AlgorithmFilings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                OwnerUserId = table.Column<string>(maxLength: 450, nullable: false),
                Kind = table.Column<int>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                PreviousVersionId = table.Column<Guid>(nullable: true),
                Status = table.Column<int>(nullable: false),
                ConcurrencyVersion = table.Column<int>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: true),
                Type = table.Column<int>(nullable: true),
                Domain = table.Column<string>(maxLength: 100, nullable: true),
                LaunchDate = table.Column<DateOnly>(nullable: true),
                Role = table.Column<int>(nullable: true),
                MainPurpose = table.Column<string>(maxLength: 500, nullable: true),
                SelfAssessmentReportId = table.Column<Guid>(nullable: true),
                DisclosureDocumentId = table.Column<Guid>(nullable: true),
                Summary = table.Column<string>(nullable: true),
                Scenarios = table.Column<string>(nullable: true),
                InputModalities = table.Column<int>(nullable: false),
                OutputModalities = table.Column<int>(nullable: false),
                DataSources = table.Column<string>(nullable: true),
                UsesBiometricData = table.Column<bool>(nullable: true),
                UsesIdentityData = table.Column<bool>(nullable: true),
                ModelAndTrainingData = table.Column<string>(nullable: true),
                Strategy = table.Column<string>(nullable: true),
                RisksAndSafeguards = table.Column<string>(nullable: true),
                ModerationFlow = table.Column<string>(nullable: true),
                LogRetentionMonths = table.Column<int>(nullable: true),
                DisclosurePrinciple = table.Column<string>(nullable: true),
                DisclosureMechanism = table.Column<string>(nullable: true),
                DisclosureScenarios = table.Column<string>(nullable: true),
                DisclosurePurpose = table.Column<string>(nullable: true),
                ServiceMode = table.Column<int>(nullable: true),
                ServiceModeDescription = table.Column<string>(nullable: true),
                SubmittedAt = table.Column<long>(nullable: true),
                ClockStartedOn = table.Column<DateOnly>(nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                ReturnRounds = table.Column<int>(nullable: false),
                RefusalReason = table.Column<string>(nullable: true),
                FilingNumber = table.Column<string>(maxLength: 32, nullable: true),
                PublishedAt = table.Column<long>(nullable: true),
                PublicityEndsOn = table.Column<DateOnly>(nullable: true),
                FiledAt = table.Column<long>(nullable: true),
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
                table.PrimaryKey("PK_AlgorithmFilings", x => x.Id);
                table.ForeignKey(name: "FK_AlgorithmFilings_AspNetUsers_OwnerUserId", column: x => x.OwnerUserId,
                    principalTable: "AspNetUsers", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_AlgorithmFilings_Subjects_SubjectId", column: x => x.SubjectId, principalTable: "Subjects",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AlgorithmFilingAudit",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                At = table.Column<long>(nullable: false),
                ActorUserId = table.Column<string>(maxLength: 450, nullable: false),
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
                table.PrimaryKey("PK_AlgorithmFilingAudit", x => x.Id);
                table.ForeignKey(name: "FK_AlgorithmFilingAudit_AlgorithmFilings_FilingId", column: x => x.FilingId,
                    principalTable: "AlgorithmFilings", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AlgorithmFilingLabeling",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Modality = table.Column<int>(nullable: false),
                ExplicitMethod = table.Column<string>(nullable: true),
                ImplicitMethod = table.Column<string>(nullable: true),
                ExampleMaterialId = table.Column<Guid>(nullable: true),
                FilingId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AlgorithmFilingLabeling", x => x.Id);
                table.ForeignKey(name: "FK_AlgorithmFilingLabeling_AlgorithmFilings_FilingId", column: x => x.FilingId,
                    principalTable: "AlgorithmFilings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AlgorithmFilingProducts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                ProductName = table.Column<string>(maxLength: 200, nullable: false),
                ProductForm = table.Column<string>(maxLength: 50, nullable: false),
                FunctionIds = table.Column<string>(maxLength: 4000, nullable: false),
                FilingId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AlgorithmFilingProducts", x => x.Id);
                table.ForeignKey(name: "FK_AlgorithmFilingProducts_AlgorithmFilings_FilingId", column: x => x.FilingId,
                    principalTable: "AlgorithmFilings", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AlgorithmFilingReturnReasons",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Round = table.Column<int>(nullable: false),
                Field = table.Column<string>(maxLength: 64, nullable: false),
                Reason = table.Column<string>(nullable: false),
                At = table.Column<long>(nullable: false),
                FilingId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AlgorithmFilingReturnReasons", x => x.Id);
                table.ForeignKey(name: "FK_AlgorithmFilingReturnReasons_AlgorithmFilings_FilingId", column: x => x.FilingId,
                    principalTable: "AlgorithmFilings", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_AlgorithmFilingAudit_FilingId_Sequence", table: "AlgorithmFilingAudit",
            columns: new[] { "FilingId", "Sequence" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_AlgorithmFilingLabeling_FilingId", table: "AlgorithmFilingLabeling", column: "FilingId");
        migrationBuilder.CreateIndex(name: "IX_AlgorithmFilingProducts_FilingId", table: "AlgorithmFilingProducts", column: "FilingId");
        migrationBuilder.CreateIndex(name: "IX_AlgorithmFilingReturnReasons_FilingId", table: "AlgorithmFilingReturnReasons",
            column: "FilingId");
        migrationBuilder.CreateIndex(name: "IX_AlgorithmFilings_EntryId", table: "AlgorithmFilings", column: "EntryId");
        migrationBuilder.CreateIndex(name: "IX_AlgorithmFilings_FilingNumber", table: "AlgorithmFilings", column: "FilingNumber");
        migrationBuilder.CreateIndex(name: "IX_AlgorithmFilings_OwnerUserId", table: "AlgorithmFilings", column: "OwnerUserId");
        migrationBuilder.CreateIndex(name: "IX_AlgorithmFilings_Status", table: "AlgorithmFilings", column: "Status");
        migrationBuilder.CreateIndex(name: "IX_AlgorithmFilings_SubjectId", table: "AlgorithmFilings", column: "SubjectId");
        migrationBuilder.CreateIndex(name: "IX_IssuedFilingNumbers_EntityCode_TypeCode_Year_Sequence", table: "IssuedFilingNumbers",
            columns: new[] { "EntityCode", "TypeCode", "Year", "Sequence" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_IssuedFilingNumbers_EntryId", table: "IssuedFilingNumbers", column: "EntryId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_IssuedFilingNumbers_SubjectId", table: "IssuedFilingNumbers", column: "SubjectId");
        migrationBuilder.CreateIndex(name: "IX_SubjectEntityCodes_EntityCode", table: "SubjectEntityCodes", column: "EntityCode",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AlgorithmFilingReturnReasons");
        migrationBuilder.DropTable(name: "AlgorithmFilingProducts");
        migrationBuilder.DropTable(name: "AlgorithmFilingLabeling");
        migrationBuilder.DropTable(name: "AlgorithmFilingAudit");
        migrationBuilder.DropTable(name: "AlgorithmFilings");
        migrationBuilder.DropTable(name: "SubjectEntityCodes");
        migrationBuilder.DropTable(name: "IssuedFilingNumbers");
    }
}
