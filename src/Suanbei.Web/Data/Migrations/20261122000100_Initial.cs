using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// Identity, API tokens, materials, subjects and products. Written by hand (no EF design tools here): provider-neutral
/// MigrationBuilder calls, no column types, no raw SQL. To write the next one, add your entity + configuration, run the
/// schema test (tests/Suanbei.Web.Tests SchemaTests) — it fails and prints the MigrationBuilder code for what is missing —
/// and paste it into a new class like this one with the next id (20261122000200_* filing, 20261122000300_* registry).
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261122000100_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                MustChangePassword = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<long>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    // Identity's claim tables use generated integer keys; each provider reads only its own annotation.
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(name: "FK_AspNetRoleClaims_AspNetRoles_RoleId", column: x => x.RoleId, principalTable: "AspNetRoles",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                Prefix = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                LastUsedAt = table.Column<long>(nullable: true),
                RevokedAt = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiTokens", x => x.Id);
                table.ForeignKey(name: "FK_ApiTokens_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    // Identity's claim tables use generated integer keys; each provider reads only its own annotation.
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(name: "FK_AspNetUserClaims_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(name: "FK_AspNetUserLogins_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(name: "FK_AspNetUserRoles_AspNetRoles_RoleId", column: x => x.RoleId, principalTable: "AspNetRoles",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey(name: "FK_AspNetUserRoles_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(name: "FK_AspNetUserTokens_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Materials",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<string>(maxLength: 450, nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 100, nullable: false),
                Size = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Materials", x => x.Id);
                table.ForeignKey(name: "FK_Materials_AspNetUsers_OwnerId", column: x => x.OwnerId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Subjects",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<string>(maxLength: 450, nullable: false),
                Status = table.Column<int>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                SubmittedAt = table.Column<long>(nullable: true),
                ApprovedAt = table.Column<long>(nullable: true),
                ChangeEventDate = table.Column<DateOnly>(nullable: true),
                ChangeDueDate = table.Column<DateOnly>(nullable: true),
                ChangeDueDateEstimated = table.Column<bool>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: true),
                CreditCode = table.Column<string>(maxLength: 18, nullable: true),
                Kind = table.Column<int>(nullable: false),
                RegionCode = table.Column<string>(maxLength: 6, nullable: true),
                Address = table.Column<string>(maxLength: 200, nullable: true),
                Website = table.Column<string>(maxLength: 200, nullable: true),
                MonthlyActiveUsers = table.Column<long>(nullable: true),
                CertificateType = table.Column<string>(maxLength: 200, nullable: true),
                CertificateAddress = table.Column<string>(maxLength: 200, nullable: true),
                CertificateValidity = table.Column<string>(maxLength: 200, nullable: true),
                LegalRepName = table.Column<string>(maxLength: 200, nullable: true),
                LegalRepIdType = table.Column<string>(maxLength: 200, nullable: true),
                LegalRepIdNumber = table.Column<string>(maxLength: 200, nullable: true),
                OfficerName = table.Column<string>(maxLength: 200, nullable: true),
                OfficerIdType = table.Column<string>(maxLength: 200, nullable: true),
                OfficerIdNumber = table.Column<string>(maxLength: 200, nullable: true),
                OfficerMobile = table.Column<string>(maxLength: 200, nullable: true),
                OfficerEmail = table.Column<string>(maxLength: 200, nullable: true),
                BusinessLicenceScanId = table.Column<Guid>(nullable: true),
                LegalRepIdScanId = table.Column<Guid>(nullable: true),
                OfficerIdScanId = table.Column<Guid>(nullable: true),
                OfficerEmploymentProofId = table.Column<Guid>(nullable: true),
                OfficerCommitmentId = table.Column<Guid>(nullable: true),
                FilingCommitmentId = table.Column<Guid>(nullable: true),
                ResponsibilityReportId = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Subjects", x => x.Id);
                table.ForeignKey(name: "FK_Subjects_AspNetUsers_OwnerId", column: x => x.OwnerId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Products",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<string>(maxLength: 450, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Form = table.Column<int>(nullable: false),
                AccessAddress = table.Column<string>(maxLength: 200, nullable: true),
                Status = table.Column<int>(nullable: false),
                Audience = table.Column<int>(nullable: false),
                MonthlyActiveUsers = table.Column<long>(nullable: true),
                DailyActiveUsers = table.Column<long>(nullable: true),
                TotalUsers = table.Column<long>(nullable: true),
                IcpNumber = table.Column<string>(maxLength: 100, nullable: true),
                RequiresRealName = table.Column<bool>(nullable: false),
                HasPriorLicence = table.Column<bool>(nullable: false),
                PriorLicenceDescription = table.Column<string>(maxLength: 200, nullable: true),
                PersonalisedPushCanBeTurnedOff = table.Column<bool>(nullable: false),
                PersonalisedPushDescription = table.Column<string>(maxLength: 2000, nullable: true),
                MinorsProtection = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Products", x => x.Id);
                table.ForeignKey(name: "FK_Products_Subjects_SubjectId", column: x => x.SubjectId, principalTable: "Subjects",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SubjectDecisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectId = table.Column<Guid>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                ByUserId = table.Column<string>(maxLength: 450, nullable: false),
                At = table.Column<long>(nullable: false),
                Reasons = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SubjectDecisions", x => x.Id);
                table.ForeignKey(name: "FK_SubjectDecisions_Subjects_SubjectId", column: x => x.SubjectId, principalTable: "Subjects",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProductAccessSteps",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProductAccessSteps", x => x.Id);
                table.ForeignKey(name: "FK_ProductAccessSteps_Products_ProductId", column: x => x.ProductId, principalTable: "Products",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ProductFunctions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProductId = table.Column<Guid>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProductFunctions", x => x.Id);
                table.ForeignKey(name: "FK_ProductFunctions_Products_ProductId", column: x => x.ProductId, principalTable: "Products",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_ApiTokens_TokenHash", table: "ApiTokens", column: "TokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_ApiTokens_UserId", table: "ApiTokens", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_AspNetRoleClaims_RoleId", table: "AspNetRoleClaims", column: "RoleId");
        migrationBuilder.CreateIndex(name: "RoleNameIndex", table: "AspNetRoles", column: "NormalizedName", unique: true);
        migrationBuilder.CreateIndex(name: "IX_AspNetUserClaims_UserId", table: "AspNetUserClaims", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUserLogins_UserId", table: "AspNetUserLogins", column: "UserId");
        migrationBuilder.CreateIndex(name: "IX_AspNetUserRoles_RoleId", table: "AspNetUserRoles", column: "RoleId");
        migrationBuilder.CreateIndex(name: "EmailIndex", table: "AspNetUsers", column: "NormalizedEmail");
        migrationBuilder.CreateIndex(name: "UserNameIndex", table: "AspNetUsers", column: "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Materials_OwnerId", table: "Materials", column: "OwnerId");
        migrationBuilder.CreateIndex(name: "IX_Materials_Sha256", table: "Materials", column: "Sha256");
        migrationBuilder.CreateIndex(name: "IX_ProductAccessSteps_ProductId", table: "ProductAccessSteps", column: "ProductId");
        migrationBuilder.CreateIndex(name: "IX_ProductFunctions_ProductId", table: "ProductFunctions", column: "ProductId");
        migrationBuilder.CreateIndex(name: "IX_Products_OwnerId", table: "Products", column: "OwnerId");
        migrationBuilder.CreateIndex(name: "IX_Products_SubjectId", table: "Products", column: "SubjectId");
        migrationBuilder.CreateIndex(name: "IX_SubjectDecisions_SubjectId", table: "SubjectDecisions", column: "SubjectId");
        migrationBuilder.CreateIndex(name: "IX_Subjects_CreditCode", table: "Subjects", column: "CreditCode");
        migrationBuilder.CreateIndex(name: "IX_Subjects_OwnerId", table: "Subjects", column: "OwnerId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_Subjects_Status", table: "Subjects", column: "Status");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ProductFunctions");
        migrationBuilder.DropTable(name: "ProductAccessSteps");
        migrationBuilder.DropTable(name: "SubjectDecisions");
        migrationBuilder.DropTable(name: "Products");
        migrationBuilder.DropTable(name: "Subjects");
        migrationBuilder.DropTable(name: "Materials");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "ApiTokens");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
