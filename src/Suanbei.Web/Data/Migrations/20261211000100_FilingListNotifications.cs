using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>
/// PostgreSQL only: triggers that announce, inside the transaction that makes them, the changes of an organisation's
/// 算法备案 list on channel <c>suanbei_filings</c> (Features/Filings/FilingListCache keeps each organisation's list on
/// each node while it listens): a filing or subject row names its organisation before and after, a truncate names none,
/// which drops every copy. Triggers rather than the app's saves, so raw SQL and any other writer announce too. SQLite
/// has no listener and reads the list every time.
/// </summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261211000100_FilingListNotifications")]
public sealed class FilingListNotifications : Migration
{
    private const string Channel = "suanbei_filings"; // Data may not name Features: the literal, as migrations freeze

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        migrationBuilder.Sql($$"""
            CREATE FUNCTION suanbei_filings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('{{Channel}}', OLD."OwnerUserId"); END IF;
                IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('{{Channel}}', NEW."OwnerUserId"); END IF;
                RETURN NULL;
            END $$;
            CREATE FUNCTION suanbei_subjects_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('{{Channel}}', OLD."OwnerId"); END IF;
                IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('{{Channel}}', NEW."OwnerId"); END IF;
                RETURN NULL;
            END $$;
            CREATE FUNCTION suanbei_filing_lists_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{{Channel}}', '');
                RETURN NULL;
            END $$;
            CREATE TRIGGER "AlgorithmFilings_announce" AFTER INSERT OR UPDATE OR DELETE ON "AlgorithmFilings"
                FOR EACH ROW EXECUTE FUNCTION suanbei_filings_changed();
            CREATE TRIGGER "Subjects_announce" AFTER INSERT OR UPDATE OR DELETE ON "Subjects"
                FOR EACH ROW EXECUTE FUNCTION suanbei_subjects_changed();
            CREATE TRIGGER "AlgorithmFilings_announce_truncate" AFTER TRUNCATE ON "AlgorithmFilings"
                FOR EACH STATEMENT EXECUTE FUNCTION suanbei_filing_lists_truncated();
            CREATE TRIGGER "Subjects_announce_truncate" AFTER TRUNCATE ON "Subjects"
                FOR EACH STATEMENT EXECUTE FUNCTION suanbei_filing_lists_truncated();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql()) return;
        migrationBuilder.Sql("""
            DROP TRIGGER "AlgorithmFilings_announce" ON "AlgorithmFilings";
            DROP TRIGGER "Subjects_announce" ON "Subjects";
            DROP TRIGGER "AlgorithmFilings_announce_truncate" ON "AlgorithmFilings";
            DROP TRIGGER "Subjects_announce_truncate" ON "Subjects";
            DROP FUNCTION suanbei_filings_changed();
            DROP FUNCTION suanbei_subjects_changed();
            DROP FUNCTION suanbei_filing_lists_truncated();
            """);
    }
}
