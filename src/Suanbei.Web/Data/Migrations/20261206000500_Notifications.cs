using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// Notifications: the in-app centre, the outbox of e-mails and webhook calls with their attempts (the delivery log),
/// and each account's webhooks. The unique indexes make an event reach a recipient once per channel.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261206000500_Notifications")]
public sealed class Notifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AccountId = table.Column<string>(maxLength: 450, nullable: false),
                EventKey = table.Column<string>(maxLength: 200, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(nullable: false),
                Link = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                ReadAt = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_Notifications", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_Notifications_AccountId_EventKey", table: "Notifications",
            columns: ["AccountId", "EventKey"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_Notifications_AccountId_CreatedAt", table: "Notifications",
            columns: ["AccountId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EventKey = table.Column<string>(maxLength: 200, nullable: false),
                Channel = table.Column<int>(nullable: false),
                Target = table.Column<string>(maxLength: 320, nullable: false),
                AccountId = table.Column<string>(maxLength: 450, nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(nullable: false),
                Link = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<long>(nullable: false),
                LeaseUntil = table.Column<long>(nullable: true),
                LeaseOwner = table.Column<string>(maxLength: 100, nullable: true),
                DeliveredAt = table.Column<long>(nullable: true),
                LastStatusCode = table.Column<int>(nullable: true),
                LastError = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_EventKey_Channel_Target", table: "OutboxMessages",
            columns: ["EventKey", "Channel", "Target"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_Status_NextAttemptAt", table: "OutboxMessages",
            columns: ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex(name: "IX_OutboxMessages_AccountId_CreatedAt", table: "OutboxMessages",
            columns: ["AccountId", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "DeliveryAttempts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MessageId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                At = table.Column<long>(nullable: false),
                Succeeded = table.Column<bool>(nullable: false),
                StatusCode = table.Column<int>(nullable: true),
                Error = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DeliveryAttempts", x => x.Id);
                table.ForeignKey(name: "FK_DeliveryAttempts_OutboxMessages_MessageId", column: x => x.MessageId,
                    principalTable: "OutboxMessages", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_DeliveryAttempts_MessageId_Number", table: "DeliveryAttempts",
            columns: ["MessageId", "Number"]);

        migrationBuilder.CreateTable(
            name: "WebhookEndpoints",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AccountId = table.Column<string>(maxLength: 450, nullable: false),
                Url = table.Column<string>(maxLength: 500, nullable: false),
                Secret = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_WebhookEndpoints", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_WebhookEndpoints_AccountId", table: "WebhookEndpoints", column: "AccountId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "DeliveryAttempts");
        migrationBuilder.DropTable(name: "OutboxMessages");
        migrationBuilder.DropTable(name: "Notifications");
        migrationBuilder.DropTable(name: "WebhookEndpoints");
    }
}
