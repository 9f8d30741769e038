using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// The public registry (Features/Registry): entries (one per filing number), their listings (each published list or
/// publication by this system, with its 备注) and the parsed (product, form) pairs. Hand-written, provider-neutral.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261122000300_Registry")]
public sealed class Registry : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RegistryEntries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Number = table.Column<string>(maxLength: 100, nullable: false),
                Scheme = table.Column<int>(nullable: false),
                List = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 500, nullable: false),
                Role = table.Column<string>(maxLength: 50, nullable: true),
                Category = table.Column<string>(maxLength: 50, nullable: true),
                Entity = table.Column<string>(maxLength: 500, nullable: false),
                ProductsRaw = table.Column<string>(nullable: true),
                ProductsTruncated = table.Column<bool>(nullable: false),
                Purpose = table.Column<string>(nullable: true),
                Region = table.Column<string>(maxLength: 50, nullable: true),
                RegionCode = table.Column<string>(maxLength: 6, nullable: true),
                Province = table.Column<string>(maxLength: 50, nullable: true),
                TypeCode = table.Column<string>(maxLength: 2, nullable: true),
                AlgorithmType = table.Column<int>(nullable: true),
                Year = table.Column<int>(nullable: true),
                FiledOn = table.Column<DateOnly>(nullable: true),
                GenerativeKind = table.Column<int>(nullable: true),
                CheckDigitMatches = table.Column<bool>(nullable: false),
                Status = table.Column<int>(nullable: false),
                CancelledOn = table.Column<DateOnly>(nullable: true),
                CancelledNotice = table.Column<string>(maxLength: 200, nullable: true),
                InOfficialList = table.Column<bool>(nullable: false),
                FiledHere = table.Column<bool>(nullable: false),
                FirstPeriod = table.Column<string>(maxLength: 7, nullable: true),
                LatestPeriod = table.Column<string>(maxLength: 7, nullable: true),
                UpdatedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RegistryEntries", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "RegistrySearch",
            columns: table => new
            {
                EntryId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RegistrySearch", x => x.EntryId);
                table.ForeignKey(name: "FK_RegistrySearch_RegistryEntries_EntryId", column: x => x.EntryId,
                    principalTable: "RegistryEntries", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RegistryListings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                List = table.Column<int>(nullable: false),
                ListingKey = table.Column<string>(maxLength: 600, nullable: false),
                Period = table.Column<string>(maxLength: 7, nullable: true),
                Batch = table.Column<string>(maxLength: 50, nullable: true),
                ListName = table.Column<string>(maxLength: 300, nullable: true),
                Seq = table.Column<int>(nullable: true),
                Name = table.Column<string>(maxLength: 500, nullable: false),
                RoleOrCategory = table.Column<string>(maxLength: 50, nullable: true),
                ProductsRaw = table.Column<string>(nullable: true),
                Purpose = table.Column<string>(nullable: true),
                Remark = table.Column<string>(nullable: true),
                CancelledOn = table.Column<DateOnly>(nullable: true),
                Notice = table.Column<string>(maxLength: 200, nullable: true),
                SourceFile = table.Column<string>(maxLength: 300, nullable: true),
                ImportedAt = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RegistryListings", x => x.Id);
                table.ForeignKey(name: "FK_RegistryListings_RegistryEntries_EntryId", column: x => x.EntryId,
                    principalTable: "RegistryEntries", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RegistryProducts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 300, nullable: false),
                Form = table.Column<string>(maxLength: 20, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RegistryProducts", x => x.Id);
                table.ForeignKey(name: "FK_RegistryProducts_RegistryEntries_EntryId", column: x => x.EntryId,
                    principalTable: "RegistryEntries", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(name: "IX_RegistryEntries_Entity", table: "RegistryEntries", column: "Entity");
        migrationBuilder.CreateIndex(name: "IX_RegistryEntries_LatestPeriod", table: "RegistryEntries", column: "LatestPeriod");
        migrationBuilder.CreateIndex(name: "IX_RegistryEntries_Number", table: "RegistryEntries", column: "Number", unique: true);
        migrationBuilder.CreateIndex(name: "IX_RegistryEntries_Province", table: "RegistryEntries", column: "Province");
        migrationBuilder.CreateIndex(name: "IX_RegistryEntries_Status", table: "RegistryEntries", column: "Status");
        migrationBuilder.CreateIndex(name: "IX_RegistryListings_EntryId_ListingKey", table: "RegistryListings",
            columns: new[] { "EntryId", "ListingKey" }, unique: true);
        migrationBuilder.CreateIndex(name: "IX_RegistryListings_Period", table: "RegistryListings", column: "Period");
        migrationBuilder.CreateIndex(name: "IX_RegistryProducts_EntryId", table: "RegistryProducts", column: "EntryId");
        migrationBuilder.CreateIndex(name: "IX_RegistryProducts_Form", table: "RegistryProducts", column: "Form");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "RegistrySearch");
        migrationBuilder.DropTable(name: "RegistryProducts");
        migrationBuilder.DropTable(name: "RegistryListings");
        migrationBuilder.DropTable(name: "RegistryEntries");
    }
}
