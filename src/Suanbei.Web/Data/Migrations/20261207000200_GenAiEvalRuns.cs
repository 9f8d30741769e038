using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Suanbei.Web.Data.Migrations;

/// <summary>Evaluations started from the web: settings, bank versions, the encrypted API key, status and progress.</summary>
[DbContext(typeof(SuanbeiDbContext))]
[Migration("20261207000200_GenAiEvalRuns")]
public sealed class GenAiEvalRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "GenAiEvalRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                OwnerId = table.Column<string>(maxLength: 450, nullable: false),
                StartedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                Endpoint = table.Column<string>(maxLength: 500, nullable: false),
                Model = table.Column<string>(maxLength: 200, nullable: false),
                SystemPrompt = table.Column<string>(maxLength: 4000, nullable: true),
                Temperature = table.Column<double>(nullable: true),
                Concurrency = table.Column<int>(nullable: false),
                Seed = table.Column<int>(nullable: false),
                SampleContent = table.Column<int>(nullable: false),
                SampleRefuse = table.Column<int>(nullable: false),
                SampleAnswer = table.Column<int>(nullable: false),
                ContentBankId = table.Column<Guid>(nullable: false),
                RefuseBankId = table.Column<Guid>(nullable: false),
                AnswerBankId = table.Column<Guid>(nullable: false),
                KeywordBankId = table.Column<Guid>(nullable: false),
                ApiKeyProtected = table.Column<string>(nullable: true),
                ApiKeyEnv = table.Column<string>(maxLength: 128, nullable: true),
                Status = table.Column<int>(nullable: false),
                Done = table.Column<int>(nullable: false),
                Total = table.Column<int>(nullable: false),
                Requests = table.Column<long>(nullable: false),
                Retries = table.Column<long>(nullable: false),
                Errors = table.Column<int>(nullable: false),
                Rate = table.Column<double>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                Error = table.Column<string>(maxLength: 2000, nullable: true),
                ReviewRunId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_GenAiEvalRuns", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_GenAiEvalRuns_OwnerId_CreatedAt", table: "GenAiEvalRuns",
            columns: ["OwnerId", "CreatedAt"]);
        migrationBuilder.CreateIndex(name: "IX_GenAiEvalRuns_Status", table: "GenAiEvalRuns", column: "Status");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "GenAiEvalRuns");
}
