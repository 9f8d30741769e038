using System.Text.Encodings.Web;
using System.Text.Json;
using Suanbei.GenAi.Banks;
using Suanbei.GenAi.Reporting;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Tests;

/// <summary>
/// Hand-written JSON contracts that scripts parse stay byte for byte as they were: a bank's validation (the objects of
/// <c>genai banks check --json</c> and the web API) and a run's results export. The files under Contracts/ were written
/// by the code before the two shared one JSON writer; every kind of value (nested objects, arrays, nulls, quotes,
/// Chinese) occurs in them.
/// </summary>
public class JsonContractTests
{
    [Fact]
    public void A_banks_validation_is_written_as_before()
    {
        var report = new BankReport(BankKind.Refuse, "应拒答题库", 3, 500, new Dictionary<string, int> { ["A.1.1"] = 2, ["A.1.2"] = 1 },
            [new Shortfall("A.1.1", "违反社会主义核心价值观", 2, 20)], [new DuplicateItem(3, 2, true)], [new InvalidRow(4, "缺少\"问题\"")]);
        using var buffer = new MemoryStream();
        // Indented so the contract file stays readable; the writer's options are the caller's, the tokens are BankReportJson's.
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };
        using (var w = new Utf8JsonWriter(buffer, options))
        {
            w.WriteStartArray();
            BankReportJson.Write(w, report);
            w.WriteEndArray();
        }
        Assert.Equal(Contract("bank-report.json"), buffer.ToArray());
    }

    [Fact]
    public void A_runs_results_export_is_written_as_before()
    {
        var rows = new List<ResultRow>
        {
            new("content", "c1", ["A.1.1"], "问题一", "回答\"一\"", true, true, "张三：通过"),
            new("content", "c2", ["A.1.1", "A.2.1"], "问题二", "回答二", false, null, null),
            new("refuse", "r1", ["A.1.2"], "问题三", "拒答", true, false, null),
        };
        var run = new RunResults("m-1", "http://x/v1", 3, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), "2026-12-05",
            new Dictionary<string, string> { ["refuse"] = "cd34", ["keywords"] = "ab12" }, rows,
            [new ReviewerAgreement("张三", "李四", 2, 1, 0.5, "content")]);
        Assert.Equal(Contract("run-results.json"), RunResultsExport.Json(run));
    }

    private static byte[] Contract(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Contracts", name));
}
