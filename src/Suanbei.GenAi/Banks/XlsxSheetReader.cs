using System.IO.Compression;
using System.Xml;

namespace Suanbei.GenAi.Banks;

/// <summary>
/// The rows of an XLSX workbook's first sheet, read straight from the package's XML parts (ZIP + XmlReader): the cells'
/// shown text, shared and inline strings resolved, each row at its column positions. Reading a bank needs no more, and
/// unlike the OpenXML SDK this compiles ahead of time without trim warnings (the Native AOT scan program reads banks).
/// </summary>
internal static class XlsxSheetReader
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Each row's 1-based number and its cells (missing cells before a given one are empty strings).</summary>
    public static IEnumerable<(int Row, List<string> Cells)> Rows(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var workbook = zip.GetEntry("xl/workbook.xml") ?? throw new BankFormatException($"题库文件 {path} 没有工作簿");
        var sheetId = FirstSheetRelationship(workbook) ?? throw new BankFormatException($"题库文件 {path} 没有工作表");
        var targets = RelationshipTargets(zip.GetEntry("xl/_rels/workbook.xml.rels"));
        var sheet = targets.TryGetValue(sheetId, out var target) ? zip.GetEntry(PartName(target.Target)) : null;
        if (sheet is null) throw new BankFormatException($"题库文件 {path} 没有工作表");
        var sharedPart = targets.Values.FirstOrDefault(t => t.Type.EndsWith("/sharedStrings", StringComparison.Ordinal));
        var shared = SharedStrings(zip.GetEntry(sharedPart.Target is { } s ? PartName(s) : "xl/sharedStrings.xml"));

        using var stream = sheet.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit });
        var rowNumber = 0;
        while (xml.ReadToFollowing("row", Main))
        {
            rowNumber = int.TryParse(xml.GetAttribute("r"), out var r) ? r : rowNumber + 1;
            var cells = new List<string>();
            if (!xml.IsEmptyElement)
            {
                var depth = xml.Depth;
                while (xml.Read() && xml.Depth > depth)
                {
                    if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c" || xml.NamespaceURI != Main) continue;
                    var column = ColumnIndex(xml.GetAttribute("r"));
                    while (column >= 0 && cells.Count < column) cells.Add("");
                    cells.Add(CellText(xml, xml.GetAttribute("t"), shared));
                }
            }
            yield return (rowNumber, cells);
        }
    }

    /// <summary>The cell's value (<c>v</c>), a shared string by its index, or the text of an inline string; the reader
    /// ends on the cell's end.</summary>
    private static string CellText(XmlReader xml, string? type, List<string> shared)
    {
        string? value = null;
        var text = "";
        if (!xml.IsEmptyElement)
        {
            var depth = xml.Depth;
            while (xml.Read() && xml.Depth > depth)
            {
                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != Main) continue;
                if (xml.LocalName == "v") value = xml.ReadElementContentAsString();
                else if (xml.LocalName == "is") text = StringItemText(xml);
                if (xml.Depth <= depth) break;
            }
        }
        if (type == "s") return int.TryParse(value, out var s) && s >= 0 && s < shared.Count ? shared[s] : value ?? "";
        if (type == "inlineStr") return text;
        return value ?? text;
    }

    /// <summary>The text of a string item (<c>si</c> or <c>is</c>): its <c>t</c> elements, rich-text runs included,
    /// phonetic guides left out; the reader ends on the item's end.</summary>
    private static string StringItemText(XmlReader xml)
    {
        if (xml.IsEmptyElement) return "";
        var depth = xml.Depth;
        var text = new System.Text.StringBuilder();
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != Main) continue;
            if (xml.LocalName == "rPh" || xml.LocalName == "phoneticPr") xml.Skip();
            else if (xml.LocalName == "t") text.Append(xml.ReadElementContentAsString());
            if (xml.Depth <= depth) break;
        }
        return text.ToString();
    }

    private static List<string> SharedStrings(ZipArchiveEntry? entry)
    {
        var strings = new List<string>();
        if (entry is null) return strings;
        using var stream = entry.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (xml.ReadToFollowing("si", Main)) strings.Add(StringItemText(xml));
        return strings;
    }

    private static string? FirstSheetRelationship(ZipArchiveEntry workbook)
    {
        using var stream = workbook.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return xml.ReadToFollowing("sheet", Main) ? xml.GetAttribute("id", Relationships) : null;
    }

    private static Dictionary<string, (string Target, string Type)> RelationshipTargets(ZipArchiveEntry? rels)
    {
        var targets = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (rels is null) return targets;
        using var stream = rels.Open();
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (xml.ReadToFollowing("Relationship", PackageRelationships))
            if (xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                targets[id] = (target, xml.GetAttribute("Type") ?? "");
        return targets;
    }

    /// <summary>A relationship target of the workbook as a ZIP entry name: relative to <c>xl/</c>, or absolute.</summary>
    private static string PartName(string target) => target.StartsWith('/') ? target[1..] : "xl/" + target;

    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return -1;
        var n = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch)) break;
            n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        }
        return n - 1;
    }
}
