using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// Webhooks belong to an organisation instead of an account. Each existing endpoint moves to the organisation whose
/// events it received: until now an account's webhook heard every event of each organisation the account writes in
/// (管理成员 or 编辑), so when that is exactly one organisation, the endpoint goes there; otherwise nothing tells which
/// one the integration was for, and it goes to the account's personal organisation (its id is the account's; an
/// account that has not signed in since organisations existed gets it with that id on its next request). The account
/// stays on record as the endpoint's creator. Webhook calls in the outbox get the organisation of their endpoint (or,
/// for a deleted endpoint, of its account the same way), so the delivery log keeps every row. Secrets are not touched:
/// they stay encrypted as they are. New: pausing an endpoint, and the change record (WebhookChanges).
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261209000100_OrganisationWebhooks")]
public sealed class OrganisationWebhooks : Migration
{
    /// <summary>The organisation an account's webhook moves to, as SQL over the account id <paramref name="account"/>.</summary>
    private static string OrganisationOf(string account) => $"""
        CASE WHEN (SELECT COUNT(*) FROM "OrganisationMembers" m WHERE m."UserId" = {account} AND m."Role" IN (0, 1)) = 1
             THEN (SELECT m."OrganisationId" FROM "OrganisationMembers" m WHERE m."UserId" = {account} AND m."Role" IN (0, 1))
             ELSE {account} END
        """;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "OrganisationId", table: "WebhookEndpoints", maxLength: 450, nullable: false,
            defaultValue: "");
        migrationBuilder.Sql($"""
            UPDATE "WebhookEndpoints" SET "OrganisationId" = {OrganisationOf("\"WebhookEndpoints\".\"AccountId\"")}
            """);
        migrationBuilder.DropIndex(name: "IX_WebhookEndpoints_AccountId", table: "WebhookEndpoints");
        migrationBuilder.RenameColumn(name: "AccountId", table: "WebhookEndpoints", newName: "CreatedBy");
        migrationBuilder.AddColumn<long>(name: "DisabledAt", table: "WebhookEndpoints", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_WebhookEndpoints_OrganisationId", table: "WebhookEndpoints", column: "OrganisationId");

        migrationBuilder.AddColumn<string>(name: "OrganisationId", table: "OutboxMessages", maxLength: 450, nullable: true);
        // The outbox names an endpoint by its id in the "N" format; the providers store a Guid differently.
        var endpointKey = migrationBuilder.IsSqlite() ? "lower(replace(e.\"Id\", '-', ''))" : "replace(e.\"Id\"::text, '-', '')";
        migrationBuilder.Sql($"""
            UPDATE "OutboxMessages" SET "OrganisationId" = COALESCE(
                (SELECT e."OrganisationId" FROM "WebhookEndpoints" e WHERE {endpointKey} = "OutboxMessages"."Target"),
                {OrganisationOf("\"OutboxMessages\".\"AccountId\"")})
            WHERE "Channel" = 2
            """);
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_OrganisationId_CreatedAt", table: "OutboxMessages",
            columns: ["OrganisationId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "WebhookChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OrganisationId = table.Column<string>(maxLength: 450, nullable: false),
                EndpointId = table.Column<Guid>(nullable: false),
                Url = table.Column<string>(maxLength: 500, nullable: false),
                Action = table.Column<int>(nullable: false),
                ActorUserId = table.Column<string>(maxLength: 450, nullable: false),
                ActorName = table.Column<string>(maxLength: 400, nullable: false),
                Detail = table.Column<string>(maxLength: 1100, nullable: true),
                At = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_WebhookChanges", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_WebhookChanges_OrganisationId_At", table: "WebhookChanges",
            columns: ["OrganisationId", "At"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "WebhookChanges");
        migrationBuilder.DropIndex(name: "IX_OutboxMessages_OrganisationId_CreatedAt", table: "OutboxMessages");
        migrationBuilder.DropColumn(name: "OrganisationId", table: "OutboxMessages");
        migrationBuilder.DropIndex(name: "IX_WebhookEndpoints_OrganisationId", table: "WebhookEndpoints");
        migrationBuilder.DropColumn(name: "DisabledAt", table: "WebhookEndpoints");
        migrationBuilder.DropColumn(name: "OrganisationId", table: "WebhookEndpoints");
        migrationBuilder.RenameColumn(name: "CreatedBy", table: "WebhookEndpoints", newName: "AccountId");
        migrationBuilder.CreateIndex(name: "IX_WebhookEndpoints_AccountId", table: "WebhookEndpoints", column: "AccountId");
    }
}
