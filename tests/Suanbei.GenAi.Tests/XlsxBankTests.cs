using System.IO.Compression;
using System.Text;
using Suanbei.GenAi.Banks;

namespace Suanbei.GenAi.Tests;

/// <summary>XLSX banks as spreadsheet programs save them (read from the package's XML, not through the OpenXML SDK).</summary>
public class XlsxBankTests
{
    private const string Ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public void Shared_rich_and_inline_strings_numbers_and_gaps_are_read_at_their_columns()
    {
        using var banks = new TestBanks();
        var path = Workbook(banks.Path("bank.xlsx"), "/xl/worksheets/sheet1.xml", $"""
            <worksheet xmlns="{Ns}"><sheetData>
              <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>id</t></is></c></row>
              <row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3" t="inlineStr"><is><r><t>A.1.1;</t></r><r><t>A.2.2</t></r></is></c>
                <c r="D3"><v>17</v></c></row>
              <row r="5"/>
            </sheetData></worksheet>
            """, $"""
            <sst xmlns="{Ns}"><si><t>文本</t></si><si><t>risk</t></si>
              <si><r><t xml:space="preserve">违禁 </t></r><r><rPr><b/></rPr><t>关键词</t></r>
                <rPh sb="0" eb="1"><t>ウ</t></rPh></si></sst>
            """);
        var bank = BankReader.Read(path);
        var item = Assert.Single(bank.Items);
        Assert.Equal((3, "17", "违禁 关键词", "A.1.1;A.2.2"), (item.Row, item.Id, item.Text, string.Join(';', item.Codes)));
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_in_chinese()
    {
        using var banks = new TestBanks();
        var e = Assert.Throws<BankFormatException>(() => BankReader.Read(banks.Write("x.xlsx", "text,risk\n")));
        Assert.Contains("不是有效的 XLSX 工作簿", e.Message);
        var broken = Workbook(banks.Path("broken.xlsx"), "worksheets/sheet1.xml", $"<worksheet xmlns=\"{Ns}\"><sheetData><row>", null);
        Assert.Contains("不是有效的 XLSX 工作簿", Assert.Throws<BankFormatException>(() => BankReader.Read(broken)).Message);
        using (var zip = ZipFile.Open(banks.Path("empty.xlsx"), ZipArchiveMode.Create)) zip.CreateEntry("[Content_Types].xml");
        Assert.Contains("没有工作簿", Assert.Throws<BankFormatException>(() => BankReader.Read(banks.Path("empty.xlsx"))).Message);
    }

    /// <summary>
    /// LibreOffice Calc (a real spreadsheet program, not a hand-made package) converts a CSV bank to XLSX, and the
    /// workbook must read as the CSV does. Calc writes a number cell for the numeric ids, leaves out empty cells and
    /// the empty row, keeps a line break inside a cell, and splits cells that mix Chinese and Latin script into
    /// rich-text runs (one font each) in the shared strings; the test checks that the workbook has these.
    /// </summary>
    [Fact]
    public void A_workbook_saved_by_LibreOffice_Calc_reads_as_the_csv_it_was_made_from()
    {
        using var banks = new TestBanks();
        var csv = banks.Write("bank.csv", "编号,题目,风险\n17,违禁 关键词,A.1.1;A.2.2\n,\"含逗号，\"\"引号\"\"的题目\",A.3.1\n,,\n"
            + "q-3,\"两行\n的题目\",\n3.5,Mixed 中文 text,B.1\n");
        var package = ExternalTool.PackageOf("soffice");
        ExternalTool.Require("soffice");
        // Its own profile folder, so parallel runs do not clash; CSV options: comma, double quote, UTF-8, from row 1.
        var run = ExternalTool.Run("soffice", ["-env:UserInstallation=file://" + banks.Path("lo-profile"), "--headless",
            "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", banks.Dir, csv], timeout: TimeSpan.FromMinutes(5));
        var xlsx = banks.Path("bank.xlsx");
        Assert.True(File.Exists(xlsx), $"LibreOffice wrote no workbook (is {package} installed?): exit {run.ExitCode}, {run.StdErr}");

        string sharedStrings, sheet;
        using (var zip = ZipFile.OpenRead(xlsx))
        {
            string Entry(string name) => new StreamReader(zip.GetEntry(name)!.Open()).ReadToEnd();
            (sharedStrings, sheet) = (Entry("xl/sharedStrings.xml"), Entry("xl/worksheets/sheet1.xml"));
        }
        Assert.Contains("<r><rPr>", sharedStrings);                 // rich-text runs
        Assert.Contains("t=\"n\"><v>17</v>", sheet);               // a number cell
        Assert.DoesNotContain("<row r=\"4\"", sheet);               // the empty row left out
        Assert.DoesNotContain("r=\"A3\"", sheet);                   // an empty cell left out

        var fromCsv = BankReader.Read(csv);
        var fromXlsx = BankReader.Read(xlsx);
        static IEnumerable<(int, string?, string, string)> Rows(BankFile bank) =>
            bank.Items.Select(i => (i.Row, i.Id, i.Text, string.Join(';', i.Codes)));
        Assert.Equal(
        [
            (2, "17", "违禁 关键词", "A.1.1;A.2.2"), (3, null, "含逗号，\"引号\"的题目", "A.3.1"), (5, "q-3", "两行\n的题目", ""),
            (6, "3.5", "Mixed 中文 text", "B.1"),
        ], Rows(fromCsv));
        Assert.Equal(Rows(fromCsv), Rows(fromXlsx));
        Assert.Empty(fromXlsx.Unreadable);
    }

    /// <summary>A minimal package: workbook, its relationships (the sheet at <paramref name="sheetTarget"/>, relative or
    /// absolute as different programs write it), the sheet and the shared strings.</summary>
    private static string Workbook(string path, string sheetTarget, string sheet, string? sharedStrings)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Add(string name, string xml)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            w.Write(xml);
        }
        const string rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Add("xl/workbook.xml", $"""
            <workbook xmlns="{Ns}" xmlns:r="{rels}"><sheets><sheet name="题库" sheetId="1" r:id="rId7"/></sheets></workbook>
            """);
        Add("xl/_rels/workbook.xml.rels", $"""
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId7" Type="{rels}/worksheet" Target="{sheetTarget}"/>
              <Relationship Id="rId8" Type="{rels}/sharedStrings" Target="strings.xml"/>
            </Relationships>
            """);
        Add(sheetTarget.StartsWith('/') ? sheetTarget[1..] : "xl/" + sheetTarget, sheet);
        if (sharedStrings is not null) Add("xl/strings.xml", sharedStrings);
        return path;
    }
}
