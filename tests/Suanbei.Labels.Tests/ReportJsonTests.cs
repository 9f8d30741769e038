using System.Buffers;
using System.Text;

namespace Suanbei.Labels.Tests;

/// <summary>The verify line as UTF-8 into a caller's buffer (the C library) and as a string (the CLI, the web API) are
/// the same bytes, through writers reused per thread that carry nothing from one line to the next.</summary>
public class ReportJsonTests
{
    private static VerificationReport Report(params string[] ids) => Verifier.Verify("png",
        new ContainerReadResult([.. ids.Select(id => new FoundLabel("png/iTXt/XMP", Fixtures.Label(id).ToJson()))]));

    [Fact]
    public void The_utf8_line_and_the_string_line_are_the_same_bytes_call_after_call()
    {
        var many = Report("a-1", "长的编号-" + new string('x', 300), "c-3");
        var one = Report("文件-1");
        foreach (var (file, report) in new[] { ("多.png", many), ("one.png", one), ("多.png", many), ("", one) })
        {
            var line = ReportJson.ToJsonLine(file, report);
            var output = new ArrayBufferWriter<byte>();
            output.Write("prefix|"u8);
            ReportJson.WriteJsonLine(output, file, report);
            Assert.Equal("prefix|" + line, Encoding.UTF8.GetString(output.WrittenSpan));
            Assert.StartsWith("{\"file\":\"" + file + "\"", line);
            Assert.EndsWith("]}", line);
        }
    }

    [Fact]
    public void A_line_that_failed_halfway_leaves_nothing_in_the_next()
    {
        var broken = new VerificationReport("png", Verdict.Compliant, [new VerifiedLabel("p", "{}", null!, true)], []);
        Assert.ThrowsAny<Exception>(() => ReportJson.ToJsonLine("a.png", broken));
        var good = Report("b-2");
        var expected = ReportJson.Serialize(w => ReportJson.WriteReport(w, "b.png", good));
        Assert.Equal(expected, ReportJson.ToJsonLine("b.png", good));
    }
}
