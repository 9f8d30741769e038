using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// PostgreSQL only: triggers that announce, inside the transaction that makes them, the changes of what an account may
/// act for, on channel <c>suanbei_memberships</c> (Features/Organisations/MembershipCache keeps those choices on each
/// node while it listens; the two-node membership test fails if the names part). A membership
/// row names its account (before and after, for a move); a mandate or an organisation changed or deleted names no
/// account, which drops every account's copy. Triggers rather than the app's saves, so bulk deletes, the accounts
/// table's cascades and any other writer announce too. SQLite has no listener and reads the memberships every time.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261209000200_MembershipNotifications")]
public sealed class MembershipNotifications : Migration
{
    private const string Function = "suanbei_memberships_changed";
    private const string Channel = "suanbei_memberships"; // Data may not name Features: the literal, as migrations freeze

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        migrationBuilder.Sql($$"""
            CREATE FUNCTION {{Function}}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_LEVEL = 'ROW' THEN
                    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('{{Channel}}', OLD."UserId"); END IF;
                    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('{{Channel}}', NEW."UserId"); END IF;
                ELSE
                    PERFORM pg_notify('{{Channel}}', '');
                END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER "OrganisationMembers_announce" AFTER INSERT OR UPDATE OR DELETE ON "OrganisationMembers"
                FOR EACH ROW EXECUTE FUNCTION {{Function}}();
            CREATE TRIGGER "OrganisationMembers_announce_truncate" AFTER TRUNCATE ON "OrganisationMembers"
                FOR EACH STATEMENT EXECUTE FUNCTION {{Function}}();
            CREATE TRIGGER "ConsultancyConsents_announce" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ConsultancyConsents"
                FOR EACH STATEMENT EXECUTE FUNCTION {{Function}}();
            CREATE TRIGGER "Organisations_announce" AFTER UPDATE OR DELETE OR TRUNCATE ON "Organisations"
                FOR EACH STATEMENT EXECUTE FUNCTION {{Function}}();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        migrationBuilder.Sql($"""
            DROP TRIGGER "OrganisationMembers_announce" ON "OrganisationMembers";
            DROP TRIGGER "OrganisationMembers_announce_truncate" ON "OrganisationMembers";
            DROP TRIGGER "ConsultancyConsents_announce" ON "ConsultancyConsents";
            DROP TRIGGER "Organisations_announce" ON "Organisations";
            DROP FUNCTION {Function}();
            """);
    }
}
