using DocumentFormat.OpenXml.Packaging;
using Suanbei.Registry;
using Suanbei.Registry.Export;
using Suanbei.Registry.Import;
using Suanbei.Testing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Suanbei.Registry.Tests;

public class ExporterTests
{
    private static List<RegistryRow> AllListedRows() =>
        new[] { "deep-synthesis-filings.tsv", "algorithm-filings.tsv", "generative-ai-filings.tsv" }
            .SelectMany(f => RegistryImporter.ImportFile(RepoPaths.PublishedList(f)).Rows).ToList();

    private static object Key(RegistryRow r) =>
        (r.List, r.Name, r.Role, r.Category, r.Entity, r.ProductsRaw,
        r.Purpose, r.Number, r.Remark, r.Region, r.FiledOn, r.GenerativeKind,
        string.Join(";", r.Products.Select(p => p.Name + "|" + p.Form)));

    [Theory]
    [InlineData(ExportFormat.Xlsx)]
    [InlineData(ExportFormat.Docx)]
    [InlineData(ExportFormat.Csv)]
    public void Export_round_trips_through_the_importer(ExportFormat format)
    {
        var rows = AllListedRows();
        Assert.Equal(236 + 239 + 221, rows.Count);
        var dir = Directory.CreateTempSubdirectory("suanbei-export-");
        try
        {
            var path = Path.Combine(dir.FullName, "result" + RegistryExporter.Extension(format));
            RegistryExporter.WriteFile(rows, format, path);
            Assert.Single(Directory.GetFiles(dir.FullName)); // no temporary file left behind
            var back = RegistryImporter.ImportFile(path);
            Assert.Null(back.FileError);
            Assert.Empty(back.Reported);
            Assert.Equal(rows.Select(Key).OrderBy(k => k.ToString()), back.Rows.Select(Key).OrderBy(k => k.ToString()));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Docx_export_is_a_real_word_table_with_the_cac_header()
    {
        var rows = RegistryImporter.ImportFile(RepoPaths.PublishedList("deep-synthesis-filings.tsv")).Rows;
        using var ms = new MemoryStream();
        RegistryExporter.Write(rows, ExportFormat.Docx, ms);
        ms.Position = 0;
        using var doc = WordprocessingDocument.Open(ms, false);
        var table = Assert.Single(doc.MainDocumentPart!.Document.Body!.Elements<W.Table>());
        var trs = table.Elements<W.TableRow>().ToList();
        Assert.Equal(rows.Count + 1, trs.Count);
        Assert.Equal(RegistryExporter.RoleHeader, trs[0].Elements<W.TableCell>().Select(c => c.InnerText));
        Assert.NotNull(trs[0].TableRowProperties?.GetFirstChild<W.TableHeader>());
    }

    [Fact]
    public void Csv_export_starts_with_a_bom_and_neutralises_formulas()
    {
        var row = new RegistryRow
        {
            RowNumber = 1, List = RegistryListKind.DeepSynthesis, Name = "=HYPERLINK(\"x\")", Role = "服务提供者",
            Entity = "某公司", Number = "网信算备110108823483901230031号", ProductsRaw = "--"
        };
        using var ms = new MemoryStream();
        RegistryExporter.Write([row], ExportFormat.Csv, ms);
        var bytes = ms.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("序号,算法名称,角色,主体名称,应用产品,主要用途,备案编号,备注\r\n", text);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text);
        Assert.Contains(",--,", text);
    }
}
