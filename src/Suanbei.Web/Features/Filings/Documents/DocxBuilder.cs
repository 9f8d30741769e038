using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Suanbei.Web.Features.Filings.Documents;

/// <summary>
/// A minimal Word document writer over DocumentFormat.OpenXml: title, headings, paragraphs, tables, with Chinese
/// fonts declared for East Asian text (LibreOffice/Word substitute an installed CJK font when these are missing).
/// </summary>
public sealed class DocxBuilder
{
    private const string CjkFont = "SimSun";
    // A4 width less the left and right margins of ToBytes, in twentieths of a point.
    private const int TextWidthTwips = 11906 - 1800 - 1800;
    private readonly List<OpenXmlElement> _body = [];

    public DocxBuilder Title(string text) => Add(Para(text, bold: true, size: 36, center: true));
    public DocxBuilder Heading(string text) => Add(Para(text, bold: true, size: 28));
    public DocxBuilder SubHeading(string text) => Add(Para(text, bold: true, size: 24));

    /// <summary>Adds a paragraph per line of <paramref name="text"/>; empty text becomes the given placeholder, marked as
    /// missing.</summary>
    public DocxBuilder Text(string? text, string missing = "（备案中未填写，请补充）")
    {
        if (string.IsNullOrWhiteSpace(text)) return Add(Para(missing, italic: true));
        foreach (var line in text.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Length > 0)) Add(Para(line.Trim()));
        return this;
    }

    public DocxBuilder Field(string label, string? value) =>
        Add(Para($"{label}：{(string.IsNullOrWhiteSpace(value) ? "（未填写）" : value.Trim())}"));

    /// <summary>A bordered table across the text width; <paramref name="widths"/>, when given, are the columns' shares in
    /// percent (otherwise Word and LibreOffice make them equal).</summary>
    public DocxBuilder Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<int>? widths = null)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        if (widths is not null)
        {
            var twips = widths.Select(w => TextWidthTwips * w / 100).ToList();
            table.Append(new TableGrid(twips.Select(t => new GridColumn { Width = t.ToString() })));
        }
        table.Append(Row(header, bold: true, widths));
        foreach (var r in rows) table.Append(Row(r, bold: false, widths));
        _body.Add(table);
        _body.Add(Para(""));
        return this;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold, IReadOnlyList<int>? widths)
    {
        var row = new TableRow();
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = new TableCell();
            if (widths is not null && i < widths.Count)
                cell.Append(new TableCellProperties(new TableCellWidth
                { Width = (TextWidthTwips * widths[i] / 100).ToString(), Type = TableWidthUnitValues.Dxa }));
            cell.Append(Para(cells[i], bold: bold));
            row.Append(cell);
        }
        return row;
    }

    private DocxBuilder Add(OpenXmlElement e) { _body.Add(e); return this; }

    private static Paragraph Para(string text, bool bold = false, bool italic = false, int size = 21, bool center = false)
    {
        var runProps = new RunProperties(
            new RunFonts { Ascii = CjkFont, HighAnsi = CjkFont, EastAsia = CjkFont, Hint = FontTypeHintValues.EastAsia },
            new FontSize { Val = size.ToString() }, new FontSizeComplexScript { Val = size.ToString() });
        if (bold) runProps.Append(new Bold());
        if (italic) runProps.Append(new Italic());
        var p = new Paragraph();
        if (center) p.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        p.Append(new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    /// <summary>The document as DOCX bytes, with core properties (title, creator) set.</summary>
    public byte[] ToBytes(string title, string creator)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(_body.Select(e => e.CloneNode(true))
                .Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
                    new PageMargin { Top = 1440, Bottom = 1440, Left = 1800, Right = 1800 }))));
            var props = doc.AddCoreFilePropertiesPart();
            using (var w = new StreamWriter(props.GetStream(FileMode.Create)))
                w.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
                    """<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" """ +
                    """xmlns:dc="http://purl.org/dc/elements/1.1/">""" +
                    $"""<dc:title>{System.Security.SecurityElement.Escape(title)}</dc:title>""" +
                    $"""<dc:creator>{System.Security.SecurityElement.Escape(creator)}</dc:creator></cp:coreProperties>""");
        }
        return ms.ToArray();
    }
}
