using System.Text;
using Suanbei.Core;
using Suanbei.Core.Files;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;

namespace Suanbei.Registry.Export;

/// <summary>
/// Writes rows in the CAC's column layout. Rows are grouped by layout: 角色 lists (deep synthesis), 算法类别 lists, and
/// generative-AI lists each get their own table (xlsx: sheet; docx: table under a heading; csv: a section with its header).
/// </summary>
public static class RegistryExporter
{
    public static readonly string[] RoleHeader = ["序号", "算法名称", "角色", "主体名称", "应用产品", "主要用途", "备案编号", "备注"];
    public static readonly string[] CategoryHeader = ["序号", "算法名称", "算法类别", "主体名称", "应用产品", "主要用途", "备案编号", "备注"];
    public static readonly string[] GenerativeHeader = ["序号", "属地", "模型名称", "备案单位", "备案号", "备案时间", "备案/登记"];

    private static readonly string SupporterRole = DisplayNames.Of(FilingRole.TechnicalSupporter);

    public sealed record Section(string Title, string[] Header, List<string[]> Rows);

    public static IReadOnlyList<Section> Sections(IEnumerable<RegistryRow> rows)
    {
        var sections = Layouts.Select(l => new Section(l.Title, l.Header, [])).ToArray();
        foreach (var r in rows)
        {
            var s = SectionOf(r);
            sections[s].Rows.Add(Cells(r, s, sections[s].Rows.Count + 1));
        }
        return sections.Where(s => s.Rows.Count > 0).DefaultIfEmpty(sections[0]).ToList();
    }

    private static string[] Standard(RegistryRow r, string roleOrCategory, int seq) =>
        [seq.ToString(), r.Name, roleOrCategory, r.Entity, r.ProductsRaw ?? (r.Role == SupporterRole ? PublishedProducts.None : ""),
        r.Purpose ?? "", r.Number, r.Remark ?? ""];

    public static string ContentType(ExportFormat f) => f switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/csv; charset=utf-8",
    };

    public static string Extension(ExportFormat f) => f switch { ExportFormat.Xlsx => ".xlsx", ExportFormat.Docx => ".docx", _ => ".csv" };

    public static void Write(IEnumerable<RegistryRow> rows, ExportFormat format, Stream output)
    {
        var list = rows as IReadOnlyCollection<RegistryRow> ?? rows.ToList();
        WriteAsync(() => list.ToAsyncEnumerable(), format, output).GetAwaiter().GetResult();
    }

    /// <summary>Which table a row goes to: 0 角色 lists, 1 算法类别 lists, 2 generative-AI lists (as <see cref="Sections"/>).</summary>
    private static int SectionOf(RegistryRow r) =>
        r.List == RegistryListKind.GenerativeAi ? 2 : r.Category is not null && r.Role is null ? 1 : 0;

    private static readonly (string Title, string[] Header)[] Layouts =
    [
        ("境内深度合成服务算法备案清单", RoleHeader), ("境内互联网信息服务算法备案清单", CategoryHeader), ("生成式人工智能服务已备案和已登记信息", GenerativeHeader),
    ];

    private static string[] Cells(RegistryRow r, int section, int seq) => section switch
    {
        2 => [seq.ToString(), r.Region ?? "", r.Name, r.Entity, r.Number, r.FiledOn is { } d ? $"{d.Year}/{d.Month}/{d.Day}" : "",
            r.GenerativeKind == GenerativeAiKind.Registration ? "登记" : "备案"],
        1 => Standard(r, r.Category!, seq),
        _ => Standard(r, r.Role ?? "", seq),
    };

    /// <summary>
    /// Streams the rows into the file: each row is written as it is read, one pass over <paramref name="rows"/> per
    /// table (the source is asked again for each), so memory stays flat whatever the number of rows. OOXML packages are
    /// written in the package's write-only streaming mode (System.IO.Packaging buffers every part in memory otherwise).
    /// </summary>
    public static async Task WriteAsync(Func<IAsyncEnumerable<RegistryRow>> rows, ExportFormat format, Stream output,
        CancellationToken ct = default)
    {
        switch (format)
        {
            case ExportFormat.Xlsx: await WriteXlsxAsync(rows, output, ct); break;
            case ExportFormat.Docx: await WriteDocxAsync(rows, output, ct); break;
            default: await WriteCsvAsync(rows, output, ct); break;
        }
    }

    /// <summary>Calls <paramref name="begin"/> before the first row of a table, <paramref name="row"/> for each row and
    /// <paramref name="end"/> after its last; an export with no rows at all still gets the first table's header.</summary>
    private static async Task ForEachSectionAsync(Func<IAsyncEnumerable<RegistryRow>> rows, CancellationToken ct,
        Action<int> begin, Action<string[]> row, Action<int> end)
    {
        var any = false;
        var seen = new bool[Layouts.Length];
        for (var section = 0; section < Layouts.Length; section++)
        {
            if (section > 0 && !seen[section]) continue; // the first pass saw every row: no second pass for an empty table
            var seq = 0;
            await foreach (var r in rows().WithCancellation(ct))
            {
                var of = SectionOf(r);
                seen[of] = true;
                if (of != section) continue;
                if (seq == 0) begin(section);
                row(Cells(r, section, ++seq));
            }
            if (seq > 0) { end(section); any = true; }
        }
        if (!any) { begin(0); end(0); }
    }

    /// <summary>UTF-8 with BOM so that Excel opens the Chinese text correctly; CRLF line ends; RFC 4180 quoting.</summary>
    private static async Task WriteCsvAsync(Func<IAsyncEnumerable<RegistryRow>> rows, Stream output, CancellationToken ct)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true)
        { NewLine = "\r\n" };
        var first = true;
        await ForEachSectionAsync(rows, ct,
            begin: s =>
            {
                if (!first) w.WriteLine();
                first = false;
                w.WriteLine(string.Join(',', Layouts[s].Header.Select(Quote)));
            },
            row: cells => w.WriteLine(string.Join(',', cells.Select(Quote))),
            end: _ => { });
    }

    /// <summary>Writes to a temporary file next to <paramref name="path"/> and renames it into place.</summary>
    public static void WriteFile(IEnumerable<RegistryRow> rows, ExportFormat format, string path)
    {
        var full = Path.GetFullPath(path);
        OutputPaths.RequireReplaceable(full);
        var temp = Path.Combine(Path.GetDirectoryName(full)!,
            "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite))
                Write(rows, format, fs);
            File.Move(temp, full, overwrite: true);
        }
        finally { if (File.Exists(temp)) File.Delete(temp); }
    }

    private static string Quote(string s)
    {
        // A leading = + - @ would be run as a formula by spreadsheet programs; "--" (no products) is kept as published.
        var formula = s.Length > 0 && s[0] is '=' or '+' or '@'
            || (s.Length > 1 && s[0] == '-' && s != PublishedProducts.None && !char.IsDigit(s[1]));
        if (formula) s = "'" + s;
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    // OOXML is written directly as a streamed ZIP (ZipArchiveMode.Create) with XmlWriter: the OpenXML SDK needs a
    // readable package, and System.IO.Packaging then keeps every part in memory until the end.
    private const string SpreadsheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string WordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string OfficeDocumentRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

    private static System.Xml.XmlWriter Part(System.IO.Compression.ZipArchive zip, string name) =>
        System.Xml.XmlWriter.Create(zip.CreateEntry(name, System.IO.Compression.CompressionLevel.Fastest).Open(),
            new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = true });

    /// <summary>Text without the characters XML 1.0 cannot carry (controls other than tab/CR/LF, lone surrogates).</summary>
    private static string XmlText(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
            if (System.Xml.XmlConvert.IsXmlChar(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    private static void ContentTypes(System.IO.Compression.ZipArchive zip, IEnumerable<(string Part, string Type)> overrides)
    {
        using var x = Part(zip, "[Content_Types].xml");
        x.WriteStartElement("Types", "http://schemas.openxmlformats.org/package/2006/content-types");
        x.WriteStartElement("Default");
        x.WriteAttributeString("Extension", "rels");
        x.WriteAttributeString("ContentType", "application/vnd.openxmlformats-package.relationships+xml");
        x.WriteEndElement();
        x.WriteStartElement("Default");
        x.WriteAttributeString("Extension", "xml"); x.WriteAttributeString("ContentType", "application/xml");
        x.WriteEndElement();
        foreach (var (part, type) in overrides)
        {
            x.WriteStartElement("Override"); x.WriteAttributeString("PartName", part);
            x.WriteAttributeString("ContentType", type); x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    private static void Relationships(System.IO.Compression.ZipArchive zip, string name,
        IEnumerable<(string Id, string Type, string Target)> rels)
    {
        using var x = Part(zip, name);
        x.WriteStartElement("Relationships", PackageRelNs);
        foreach (var (id, type, target) in rels)
        {
            x.WriteStartElement("Relationship", PackageRelNs);
            x.WriteAttributeString("Id", id); x.WriteAttributeString("Type", type); x.WriteAttributeString("Target", target);
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }

    private static async Task WriteXlsxAsync(Func<IAsyncEnumerable<RegistryRow>> rows, Stream output, CancellationToken ct)
    {
        using var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
        var sheets = new List<string>();
        System.Xml.XmlWriter? x = null;
        var r = 0;
        void Row(string[] cells)
        {
            r++;
            x!.WriteStartElement("row", SpreadsheetNs);
            x.WriteAttributeString("r", r.ToString());
            for (var c = 0; c < cells.Length; c++)
            {
                x.WriteStartElement("c", SpreadsheetNs);
                x.WriteAttributeString("r", ColumnName(c) + r);
                x.WriteAttributeString("t", "inlineStr");
                x.WriteStartElement("is", SpreadsheetNs);
                x.WriteStartElement("t", SpreadsheetNs);
                x.WriteAttributeString("xml", "space", null, "preserve");
                x.WriteString(XmlText(cells[c]));
                x.WriteEndElement(); x.WriteEndElement(); x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        await ForEachSectionAsync(rows, ct,
            begin: s =>
            {
                sheets.Add(Layouts[s].Title.Length > 31 ? Layouts[s].Title[..31] : Layouts[s].Title);
                x = Part(zip, $"xl/worksheets/sheet{sheets.Count}.xml");
                x.WriteStartElement("worksheet", SpreadsheetNs);
                x.WriteStartElement("sheetData", SpreadsheetNs);
                r = 0;
                Row(Layouts[s].Header);
            },
            row: Row,
            end: _ =>
            {
                x!.WriteEndElement();
                x.WriteEndElement();
                x.Dispose();
            });
        using (var wb = Part(zip, "xl/workbook.xml"))
        {
            wb.WriteStartElement("workbook", SpreadsheetNs);
            wb.WriteAttributeString("xmlns", "r", null, RelNs);
            wb.WriteStartElement("sheets", SpreadsheetNs);
            for (var i = 0; i < sheets.Count; i++)
            {
                wb.WriteStartElement("sheet", SpreadsheetNs);
                wb.WriteAttributeString("name", sheets[i]);
                wb.WriteAttributeString("sheetId", (i + 1).ToString());
                wb.WriteAttributeString("id", RelNs, $"rId{i + 1}");
                wb.WriteEndElement();
            }
            wb.WriteEndElement();
            wb.WriteEndElement();
        }
        Relationships(zip, "xl/_rels/workbook.xml.rels",
            sheets.Select((_, i) => ($"rId{i + 1}",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
                $"worksheets/sheet{i + 1}.xml")));
        Relationships(zip, "_rels/.rels", [("rId1", OfficeDocumentRel, "xl/workbook.xml")]);
        ContentTypes(zip, sheets.Select((_, i) => ($"/xl/worksheets/sheet{i + 1}.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"))
            .Prepend(("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")));
    }

    private static string ColumnName(int c) => c < 26 ? ((char)('A' + c)).ToString() : ColumnName(c / 26 - 1) + (char)('A' + c % 26);

    private static async Task WriteDocxAsync(Func<IAsyncEnumerable<RegistryRow>> rows, Stream output, CancellationToken ct)
    {
        using var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
        using (var x = Part(zip, "word/document.xml"))
        {
            void E(string name, params (string Name, string Value)[] attributes)
            {
                x.WriteStartElement("w", name, WordNs);
                foreach (var (n, v) in attributes) x.WriteAttributeString("w", n, WordNs, v);
            }
            void Empty(string name, params (string Name, string Value)[] attributes) { E(name, attributes); x.WriteEndElement(); }
            void Paragraph(string text, bool bold, bool center)
            {
                E("p");
                if (center) { E("pPr"); Empty("jc", ("val", "center")); x.WriteEndElement(); }
                E("r");
                if (bold) { E("rPr"); Empty("b"); x.WriteEndElement(); }
                E("t"); x.WriteAttributeString("xml", "space", null, "preserve"); x.WriteString(XmlText(text)); x.WriteEndElement();
                x.WriteEndElement(); x.WriteEndElement();
            }
            void Row(string[] cells, bool header)
            {
                E("tr");
                // The header repeats on every page, as in the CAC attachments.
                if (header) { E("trPr"); Empty("tblHeader"); x.WriteEndElement(); }
                foreach (var c in cells) { E("tc"); Paragraph(c, header, false); x.WriteEndElement(); }
                x.WriteEndElement();
            }
            E("document");
            E("body");
            await ForEachSectionAsync(rows, ct,
                begin: s =>
                {
                    Paragraph(Layouts[s].Title, bold: true, center: true);
                    E("tbl");
                    E("tblPr");
                    E("tblW", ("w", "5000"), ("type", "pct")); x.WriteEndElement();
                    E("tblBorders");
                    foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
                        Empty(side, ("val", "single"), ("sz", "4"));
                    x.WriteEndElement();
                    x.WriteEndElement();
                    E("tblGrid");
                    foreach (var _ in Layouts[s].Header) Empty("gridCol", ("w", (14570 / Layouts[s].Header.Length).ToString()));
                    x.WriteEndElement();
                    Row(Layouts[s].Header, header: true);
                },
                row: cells => Row(cells, header: false),
                end: _ =>
                {
                    x.WriteEndElement(); // tbl
                    E("p"); x.WriteEndElement();
                });
            // Landscape A4: eight columns of Chinese text.
            E("sectPr");
            Empty("pgSz", ("w", "16838"), ("h", "11906"), ("orient", "landscape"));
            Empty("pgMar", ("top", "1134"), ("right", "1134"), ("bottom", "1134"), ("left", "1134"),
                ("header", "720"), ("footer", "720"), ("gutter", "0"));
            x.WriteEndElement();
            x.WriteEndElement(); // body
            x.WriteEndElement(); // document
        }
        Relationships(zip, "_rels/.rels", [("rId1", OfficeDocumentRel, "word/document.xml")]);
        ContentTypes(zip, [("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")]);
    }
}
