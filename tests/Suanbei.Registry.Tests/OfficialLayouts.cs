using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Suanbei.Testing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Suanbei.Registry.Tests;

/// <summary>
/// Builds, in the test run, files that mimic the CAC's published attachments, filled with the real rows of
/// the published lists in the repository. Written independently of the exporters so that importers are not tested against themselves.
/// </summary>
internal static class OfficialLayouts
{
    /// <summary>Deep-synthesis rows in the CAC column order (序号, 算法名称, 角色, 主体名称, 应用产品, 主要用途, 备案编号, 备注).</summary>
    public static List<string[]> DeepSynthesisRows(string period)
    {
        var (h, rows) = RepoPaths.ReadPublishedTsv("deep-synthesis-filings.tsv");
        int I(string n) => Array.IndexOf(h, n);
        return rows.Where(r => r[I("period")] == period)
            .Select(r => new[] { r[I("seq")], r[I("name")], r[I("role")], r[I("entity")],
                r[I("products")], r[I("purpose")], r[I("number")], r[I("remark")] })
            .ToList();
    }

    public static List<string[]> AlgorithmRows(string period)
    {
        var (h, rows) = RepoPaths.ReadPublishedTsv("algorithm-filings.tsv");
        int I(string n) => Array.IndexOf(h, n);
        return rows.Where(r => r[I("period")] == period)
            .Select(r => new[] { r[I("seq")], r[I("name")], r[I("category")], r[I("entity")],
                r[I("products")], r[I("purpose")], r[I("number")], r[I("remark")] })
            .ToList();
    }

    public static readonly string[] DeepSynthesisHeader = ["序号", "算法名称", "角色", "主体名称", "应用产品", "主要用途", "备案编号", "备注"];
    public static readonly string[] AlgorithmHeader = ["序号", "算法名称", "算法类别", "主体名称", "应用产品", "主要用途", "备案编号", "备注"];

    /// <summary>
    /// A Word attachment: a title paragraph, a header row whose cells carry spaces and line breaks, the table split in
    /// two at <paramref name="splitAt"/> (the second part without a header, as after a page break), and 主体名称 cells
    /// merged vertically where consecutive rows share the entity.
    /// </summary>
    public static byte[] Docx(string title, string[] header, IReadOnlyList<string[]> rows,
        int splitAt = -1, bool mergeEntities = true, int entityColumn = 3)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new W.Body();
            main.Document = new W.Document(body);
            body.Append(Para(title));
            body.Append(Para("（按备案时间排序）"));
            var table = NewTable();
            table.Append(Row(header.Select(Spacey).ToArray(), null));
            for (var i = 0; i < rows.Count; i++)
            {
                if (i == splitAt)
                {
                    body.Append(table);
                    body.Append(Para(""));
                    table = NewTable();
                }
                bool[]? continueMerge = null;
                if (mergeEntities && i > 0 && i != splitAt && rows[i][entityColumn] == rows[i - 1][entityColumn])
                {
                    continueMerge = new bool[header.Length];
                    continueMerge[entityColumn] = true;
                }
                table.Append(Row(rows[i], continueMerge));
            }
            body.Append(table);
        }
        return ms.ToArray();
    }

    /// <summary>"主体名称" → "主体\n名称", "序号" → "序 号": the attachments wrap and pad header cells.</summary>
    private static string Spacey(string h) => h.Length switch { 2 => h[0] + " " + h[1], 4 => h[..2] + "\n" + h[2..], _ => " " + h + " " };

    private static W.Paragraph Para(string text) => new(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static W.Table NewTable() =>
        new(new W.TableProperties(new W.TableBorders(new W.TopBorder { Val = W.BorderValues.Single, Size = 4 })));

    private static W.TableRow Row(string[] cells, bool[]? continueMerge)
    {
        var tr = new W.TableRow();
        for (var c = 0; c < cells.Length; c++)
        {
            var tc = new W.TableCell();
            var props = new W.TableCellProperties();
            if (continueMerge?[c] == true)
            {
                props.Append(new W.VerticalMerge());
                tc.Append(props, new W.Paragraph());
            }
            else
            {
                var lines = cells[c].Split('\n');
                var p = new W.Paragraph();
                for (var l = 0; l < lines.Length; l++)
                {
                    var run = new W.Run();
                    if (l > 0) run.Append(new W.Break());
                    run.Append(new W.Text(lines[l]) { Space = SpaceProcessingModeValues.Preserve });
                    p.Append(run);
                }
                if (continueMerge is null && c == 3) props.Append(new W.VerticalMerge { Val = W.MergedCellValues.Restart });
                tc.Append(props, p);
            }
            tr.Append(tc);
        }
        return tr;
    }

    /// <summary>An .xlsx sheet: a merged title row, the header, then the rows (shared strings, as Excel writes them).</summary>
    public static byte[] Xlsx(string title, string[] header, IReadOnlyList<string[]> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>();
            int S(string s)
            {
                if (!index.TryGetValue(s, out var i))
                {
                    i = index.Count;
                    index[s] = i;
                    sst.SharedStringTable.Append(new SharedStringItem(new Text(s)));
                }
                return i;
            }
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var r = 1u;
            data.Append(XRow(r++, [title], S));
            data.Append(XRow(r++, header, S));
            foreach (var row in rows) data.Append(XRow(r++, row, S));
            ws.Worksheet = new Worksheet(data, new MergeCells(new MergeCell { Reference = $"A1:{(char)('A' + header.Length - 1)}1" }));
            wb.Workbook.Append(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "清单" }));
        }
        return ms.ToArray();
    }

    private static Row XRow(uint index, string[] cells, Func<string, int> shared)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < cells.Length; c++)
        {
            if (cells[c].Length == 0) continue; // Excel leaves empty cells out; the reader must use the references
            var cell = new Cell { CellReference = $"{(char)('A' + c)}{index}" };
            if (int.TryParse(cells[c], out _)) cell.CellValue = new CellValue(cells[c]);
            else { cell.DataType = CellValues.SharedString; cell.CellValue = new CellValue(shared(cells[c]).ToString()); }
            row.Append(cell);
        }
        return row;
    }

    public static byte[] Csv(string[] header, IEnumerable<string[]> rows, bool bom = true)
    {
        var sb = new StringBuilder();
        static string Q(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        sb.Append(string.Join(',', header.Select(Q))).Append("\r\n");
        foreach (var r in rows) sb.Append(string.Join(',', r.Select(Q))).Append("\r\n");
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        return bom ? [.. Encoding.UTF8.GetPreamble(), .. body] : body;
    }

    public static byte[] Json(string[] keys, IEnumerable<string[]> rows) =>
        JsonSerializer.SerializeToUtf8Bytes(rows.Select(r => keys.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList(),
            new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
            });
}
