using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// Organisations (a filing subject's workspace or a consultancy), their members, e-mail invitations, consultancy
/// consents, and the provinces reviewers are scoped to. No data is rewritten: an account's personal organisation has
/// the account's id and is created on its first request, so every existing <c>OwnerId</c> stays valid.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261206000400_Organisations")]
public sealed class Organisations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Organisations",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 450, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Kind = table.Column<int>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Organisations", x => x.Id));
        migrationBuilder.CreateTable(
            name: "OrganisationMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<string>(maxLength: 450, nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Role = table.Column<int>(nullable: false),
                JoinedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OrganisationMembers", x => x.Id);
                table.ForeignKey(name: "FK_OrganisationMembers_Organisations_OrganisationId", column: x => x.OrganisationId,
                    principalTable: "Organisations", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_OrganisationMembers_OrganisationId_UserId", table: "OrganisationMembers",
            columns: ["OrganisationId", "UserId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_OrganisationMembers_UserId", table: "OrganisationMembers", column: "UserId");
        migrationBuilder.CreateTable(
            name: "ConsultancyConsents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClientId = table.Column<string>(maxLength: 450, nullable: false),
                ConsultancyId = table.Column<string>(maxLength: 450, nullable: false),
                GrantedBy = table.Column<string>(maxLength: 450, nullable: false),
                GrantedAt = table.Column<long>(nullable: false),
                RevokedBy = table.Column<string>(maxLength: 450, nullable: true),
                RevokedAt = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ConsultancyConsents", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_ConsultancyConsents_ClientId", table: "ConsultancyConsents", column: "ClientId");
        migrationBuilder.CreateIndex(name: "IX_ConsultancyConsents_ConsultancyId", table: "ConsultancyConsents", column: "ConsultancyId");
        migrationBuilder.CreateTable(
            name: "OrganisationInvitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<string>(maxLength: 450, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                Role = table.Column<int>(nullable: false),
                InvitedBy = table.Column<string>(maxLength: 450, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                ExpiresAt = table.Column<long>(nullable: false),
                AcceptedAt = table.Column<long>(nullable: true),
                AcceptedBy = table.Column<string>(maxLength: 450, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OrganisationInvitations", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_OrganisationInvitations_TokenHash", table: "OrganisationInvitations", column: "TokenHash",
            unique: true);
        migrationBuilder.CreateIndex(name: "IX_OrganisationInvitations_OrganisationId", table: "OrganisationInvitations",
            column: "OrganisationId");
        migrationBuilder.CreateTable(
            name: "ReviewerProvinces",
            columns: table => new
            {
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                ProvinceCode = table.Column<string>(maxLength: 2, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ReviewerProvinces", x => new { x.UserId, x.ProvinceCode }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ReviewerProvinces");
        migrationBuilder.DropTable(name: "OrganisationInvitations");
        migrationBuilder.DropTable(name: "ConsultancyConsents");
        migrationBuilder.DropTable(name: "OrganisationMembers");
        migrationBuilder.DropTable(name: "Organisations");
    }
}
