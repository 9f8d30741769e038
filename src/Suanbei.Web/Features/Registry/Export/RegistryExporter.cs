using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Suanbei.Web.Features.Registry.Export;

public enum ExportFormat { Xlsx, Docx, Csv }

/// <summary>
/// Writes rows in the CAC's column layout. Rows are grouped by layout: 角色 lists (deep synthesis), 算法类别 lists, and
/// generative-AI lists each get their own table (xlsx: sheet; docx: table under a heading; csv: a section with its header).
/// </summary>
public static class RegistryExporter
{
    public static readonly string[] RoleHeader = ["序号", "算法名称", "角色", "主体名称", "应用产品", "主要用途", "备案编号", "备注"];
    public static readonly string[] CategoryHeader = ["序号", "算法名称", "算法类别", "主体名称", "应用产品", "主要用途", "备案编号", "备注"];
    public static readonly string[] GenerativeHeader = ["序号", "属地", "模型名称", "备案单位", "备案号", "备案时间", "备案/登记"];

    public sealed record Section(string Title, string[] Header, List<string[]> Rows);

    public static IReadOnlyList<Section> Sections(IEnumerable<RegistryRow> rows)
    {
        var role = new Section("境内深度合成服务算法备案清单", RoleHeader, []);
        var category = new Section("境内互联网信息服务算法备案清单", CategoryHeader, []);
        var generative = new Section("生成式人工智能服务已备案和已登记信息", GenerativeHeader, []);
        foreach (var r in rows)
        {
            if (r.List == RegistryListKind.GenerativeAi)
                generative.Rows.Add([(generative.Rows.Count + 1).ToString(), r.Region ?? "", r.Name, r.Entity, r.Number,
                    r.FiledOn is { } d ? $"{d.Year}/{d.Month}/{d.Day}" : "", r.GenerativeKind == GenerativeAiKind.Registration ? "登记" : "备案"]);
            else if (r.Category is not null && r.Role is null)
                category.Rows.Add(Standard(r, r.Category, category.Rows.Count + 1));
            else
                role.Rows.Add(Standard(r, r.Role ?? "", role.Rows.Count + 1));
        }
        return new[] { role, category, generative }.Where(s => s.Rows.Count > 0).DefaultIfEmpty(role).ToList();
    }

    private static string[] Standard(RegistryRow r, string roleOrCategory, int seq) =>
        [seq.ToString(), r.Name, roleOrCategory, r.Entity, r.ProductsRaw ?? (r.Role == "服务技术支持者" ? "--" : ""), r.Purpose ?? "", r.Number, r.Remark ?? ""];

    public static string ContentType(ExportFormat f) => f switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/csv; charset=utf-8",
    };

    public static string Extension(ExportFormat f) => f switch { ExportFormat.Xlsx => ".xlsx", ExportFormat.Docx => ".docx", _ => ".csv" };

    public static void Write(IEnumerable<RegistryRow> rows, ExportFormat format, Stream output)
    {
        var sections = Sections(rows);
        switch (format)
        {
            case ExportFormat.Xlsx: WriteXlsx(sections, output); break;
            case ExportFormat.Docx: WriteDocx(sections, output); break;
            default: WriteCsv(sections, output); break;
        }
    }

    /// <summary>Writes to a temporary file next to <paramref name="path"/> and renames it into place.</summary>
    public static void WriteFile(IEnumerable<RegistryRow> rows, ExportFormat format, string path)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite))
                Write(rows, format, fs);
            File.Move(temp, full, overwrite: true);
        }
        finally { if (File.Exists(temp)) File.Delete(temp); }
    }

    /// <summary>UTF-8 with BOM so that Excel opens the Chinese text correctly; CRLF line ends; RFC 4180 quoting.</summary>
    private static void WriteCsv(IReadOnlyList<Section> sections, Stream output)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true) { NewLine = "\r\n" };
        var first = true;
        foreach (var s in sections)
        {
            if (!first) w.WriteLine();
            first = false;
            w.WriteLine(string.Join(',', s.Header.Select(Quote)));
            foreach (var r in s.Rows) w.WriteLine(string.Join(',', r.Select(Quote)));
        }
    }

    private static string Quote(string s)
    {
        // A leading = + - @ would be run as a formula by spreadsheet programs; "--" (no products) is kept as published.
        if (s.Length > 0 && s[0] is '=' or '+' or '@' || (s.Length > 1 && s[0] == '-' && s != "--" && !char.IsDigit(s[1]))) s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    private static void WriteXlsx(IReadOnlyList<Section> sections, Stream output)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var sheets = new Sheets();
        uint id = 1;
        foreach (var s in sections)
        {
            var ws = wb.AddNewPart<WorksheetPart>();
            // Streamed with OpenXmlWriter: large exports do not build a DOM.
            using (var writer = OpenXmlWriter.Create(ws))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                uint r = 1;
                WriteRow(writer, r++, s.Header);
                foreach (var row in s.Rows) WriteRow(writer, r++, row);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            sheets.Append(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = id++, Name = s.Title.Length > 31 ? s.Title[..31] : s.Title });
        }
        wb.Workbook.Append(sheets);
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, string[] cells)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = new Cell { CellReference = ColumnName(c) + index, DataType = CellValues.InlineString };
            cell.Append(new InlineString(new Text(cells[c]) { Space = SpaceProcessingModeValues.Preserve }));
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static string ColumnName(int c) => c < 26 ? ((char)('A' + c)).ToString() : ColumnName(c / 26 - 1) + (char)('A' + c % 26);

    private static void WriteDocx(IReadOnlyList<Section> sections, Stream output)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        var body = new W.Body();
        main.Document = new W.Document(body);
        foreach (var s in sections)
        {
            body.Append(new W.Paragraph(
                new W.ParagraphProperties(new W.Justification { Val = W.JustificationValues.Center }),
                new W.Run(new W.RunProperties(new W.Bold()), new W.Text(s.Title))));
            var border = W.BorderValues.Single;
            var table = new W.Table(new W.TableProperties(
                new W.TableBorders(
                    new W.TopBorder { Val = border, Size = 4 }, new W.BottomBorder { Val = border, Size = 4 },
                    new W.LeftBorder { Val = border, Size = 4 }, new W.RightBorder { Val = border, Size = 4 },
                    new W.InsideHorizontalBorder { Val = border, Size = 4 }, new W.InsideVerticalBorder { Val = border, Size = 4 }),
                new W.TableWidth { Type = W.TableWidthUnitValues.Pct, Width = "5000" }));
            table.Append(DocRow(s.Header, header: true));
            foreach (var r in s.Rows) table.Append(DocRow(r, header: false));
            body.Append(table);
            body.Append(new W.Paragraph());
        }
        // Landscape A4: eight columns of Chinese text.
        body.Append(new W.SectionProperties(new W.PageSize { Width = 16838, Height = 11906, Orient = W.PageOrientationValues.Landscape },
            new W.PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
    }

    private static W.TableRow DocRow(string[] cells, bool header)
    {
        var tr = new W.TableRow();
        // The header repeats on every page, as in the CAC attachments.
        if (header) tr.Append(new W.TableRowProperties(new W.TableHeader()));
        foreach (var c in cells)
        {
            var run = new W.Run();
            if (header) run.Append(new W.RunProperties(new W.Bold()));
            run.Append(new W.Text(c) { Space = SpaceProcessingModeValues.Preserve });
            tr.Append(new W.TableCell(new W.Paragraph(run)));
        }
        return tr;
    }
}
