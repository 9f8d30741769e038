using System.Text;
using System.Text.Json;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Suanbei.Registry.Import;

/// <summary>
/// One line of a source file as cells. <see cref="Table"/> changes when a new table/sheet starts;
/// <see cref="IsContext"/> marks text outside tables (titles, notes) used to infer the list, period and batch.
/// </summary>
internal sealed record RawRow(int Table, int RowNumber, string[] Cells, bool IsContext = false);

/// <summary>Limits that keep readers of untrusted files bounded.</summary>
internal static class ReadLimits
{
    public const int MaxRows = 500_000;
    public const int MaxColumns = 64;
    public const int MaxCellChars = 20_000;

    public static string Clip(string s) => s.Length > MaxCellChars ? s[..MaxCellChars] : s;
}

/// <summary>Reads the tables of a Word document: paragraphs outside tables are context; merged cells are expanded.</summary>
internal static class DocxTableReader
{
    public static IEnumerable<RawRow> Read(Stream stream)
    {
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart?.Document?.Body;
        if (body is null) yield break;
        var table = 0;
        var rowNumber = 0;
        foreach (var element in body.ChildElements)
        {
            if (element is W.Paragraph p)
            {
                var text = CellText(p).Trim();
                if (text.Length > 0) yield return new RawRow(table, 0, [ReadLimits.Clip(text)], IsContext: true);
            }
            else if (element is W.Table t)
            {
                table++;
                rowNumber = 0;
                var above = new Dictionary<int, string>(); // grid column → text of the last cell, for vertical merges
                foreach (var tr in t.Elements<W.TableRow>())
                {
                    rowNumber++;
                    if (rowNumber > ReadLimits.MaxRows) yield break;
                    var cells = new List<string>();
                    var col = 0;
                    foreach (var tc in tr.Elements<W.TableCell>())
                    {
                        var props = tc.TableCellProperties;
                        var span = Math.Clamp(props?.GridSpan?.Val?.Value ?? 1, 1, ReadLimits.MaxColumns);
                        var vMerge = props?.VerticalMerge;
                        string text;
                        // A vMerge without "restart" continues the cell above: the value belongs to this row too.
                        if (vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == W.MergedCellValues.Continue))
                            text = above.GetValueOrDefault(col, "");
                        else
                            text = ReadLimits.Clip(string.Join("\n", tc.Elements<W.Paragraph>().Select(CellText)).Trim());
                        for (var i = 0; i < span && cells.Count < ReadLimits.MaxColumns; i++)
                        {
                            // A horizontally merged cell's text goes to its first grid column.
                            var value = i == 0 ? text : "";
                            cells.Add(value);
                            above[col + i] = i == 0 ? text : "";
                        }
                        col += span;
                    }
                    yield return new RawRow(table, rowNumber, cells.ToArray());
                }
            }
        }
    }

    private static string CellText(OpenXmlElement paragraph)
    {
        var sb = new StringBuilder();
        foreach (var e in paragraph.Descendants())
        {
            switch (e)
            {
                case W.Text t: sb.Append(t.Text); break;
                case W.Break: case W.CarriageReturn: sb.Append('\n'); break;
                case W.TabChar: sb.Append('\t'); break;
            }
            if (sb.Length > ReadLimits.MaxCellChars) break;
        }
        return sb.ToString();
    }
}

/// <summary>Reads every worksheet of an .xlsx workbook row by row (SAX), then applies merged ranges.</summary>
internal static class XlsxTableReader
{
    public static IEnumerable<RawRow> Read(Stream stream)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart;
        if (wb?.Workbook?.Sheets is null) yield break;
        var shared = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>()
            .Select(i => ReadLimits.Clip(i.InnerText)).ToArray() ?? [];
        var table = 0;
        foreach (var sheet in wb.Workbook.Sheets.Elements<Sheet>())
        {
            if (sheet.Id?.Value is not { } id || wb.GetPartById(id) is not WorksheetPart part) continue;
            table++;
            var rows = new SortedDictionary<int, string[]>();
            var merges = new List<string>();
            using (var reader = OpenXmlReader.Create(part))
            {
                while (reader.Read())
                {
                    if (reader.ElementType == typeof(Row) && reader.IsStartElement)
                    {
                        var row = (Row)reader.LoadCurrentElement()!;
                        var index = (int)(row.RowIndex?.Value ?? (uint)(rows.Count == 0 ? 1 : rows.Keys.Last() + 1));
                        if (rows.Count >= ReadLimits.MaxRows) break;
                        rows[index] = ReadCells(row, shared);
                    }
                    else if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement)
                    {
                        var mc = (MergeCell)reader.LoadCurrentElement()!;
                        if (mc.Reference?.Value is { } r && merges.Count < 100_000) merges.Add(r);
                    }
                }
            }
            ApplyMerges(rows, merges);
            foreach (var (index, cells) in rows) yield return new RawRow(table, index, cells);
        }
    }

    private static string[] ReadCells(Row row, string[] shared)
    {
        var cells = new List<string>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            var col = cell.CellReference?.Value is { } r ? ColumnIndex(r) : next;
            if (col < 0 || col >= ReadLimits.MaxColumns) { next++; continue; }
            while (cells.Count < col) cells.Add("");
            string value;
            var raw = cell.CellValue?.Text ?? "";
            if (cell.DataType?.Value == CellValues.SharedString)
                value = int.TryParse(raw, out var si) && si >= 0 && si < shared.Length ? shared[si] : "";
            else if (cell.DataType?.Value == CellValues.InlineString)
                value = cell.InlineString?.InnerText ?? "";
            else value = raw;
            if (cells.Count == col) cells.Add(ReadLimits.Clip(value)); else cells[col] = ReadLimits.Clip(value);
            next = col + 1;
        }
        return cells.ToArray();
    }

    /// <summary>"AB12" → 27 (0-based column), or -1.</summary>
    internal static int ColumnIndex(string reference)
    {
        var col = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') { col = col * 26 + (c - 'A' + 1); letters++; }
            else if (c is >= 'a' and <= 'z') { col = col * 26 + (c - 'a' + 1); letters++; }
            else break;
            if (letters > 3) return -1;
        }
        return letters == 0 ? -1 : col - 1;
    }

    private static void ApplyMerges(SortedDictionary<int, string[]> rows, List<string> merges)
    {
        foreach (var m in merges)
        {
            var parts = m.Split(':');
            if (parts.Length != 2) continue;
            if (!TryCell(parts[0], out var c1, out var r1) || !TryCell(parts[1], out var c2, out var r2)) continue;
            if (c2 < c1 || r2 < r1 || r2 - r1 > ReadLimits.MaxRows) continue;
            var value = rows.TryGetValue(r1, out var first) && c1 < first.Length ? first[c1] : "";
            // Vertical merges repeat the value (e.g. one 主体名称 for several rows); horizontal ones keep it in the first column.
            if (c1 != c2) continue;
            for (var r = r1 + 1; r <= r2; r++)
            {
                if (!rows.TryGetValue(r, out var cells)) continue;
                if (c1 >= cells.Length)
                {
                    Array.Resize(ref cells, c1 + 1);
                    for (var i = 0; i < cells.Length; i++) cells[i] ??= "";
                    rows[r] = cells;
                }
                if (cells[c1].Length == 0) cells[c1] = value;
            }
        }
    }

    private static bool TryCell(string reference, out int col, out int row)
    {
        col = ColumnIndex(reference);
        var digits = new string(reference.SkipWhile(char.IsLetter).ToArray());
        return int.TryParse(digits, out row) & col >= 0;
    }
}

/// <summary>CSV (RFC 4180 quoting) or TSV; leading lines starting with '#' are context (the shared TSV layout).</summary>
internal static class DelimitedTableReader
{
    public static IEnumerable<RawRow> Read(Stream stream, char? delimiter = null)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var rowNumber = 0;
        char? sep = delimiter;
        var inHeaderComments = true;
        while (true)
        {
            var line = reader.ReadLine();
            if (line is null) yield break;
            rowNumber++;
            if (rowNumber > ReadLimits.MaxRows) yield break;
            if (inHeaderComments && line.StartsWith('#'))
            {
                yield return new RawRow(1, rowNumber, [ReadLimits.Clip(line.TrimStart('#').Trim())], IsContext: true);
                continue;
            }
            inHeaderComments = false;
            sep ??= line.Contains('\t') ? '\t' : ',';
            var cells = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            var startRow = rowNumber;
            while (true)
            {
                if (i >= line.Length) { cells.Add(ReadLimits.Clip(field.ToString())); break; }
                if (field.Length == 0 && line[i] == '"')
                {
                    // Quoted field, possibly spanning lines.
                    i++;
                    while (true)
                    {
                        if (i >= line.Length)
                        {
                            var more = reader.ReadLine();
                            if (more is null || field.Length > ReadLimits.MaxCellChars) { line = ""; i = 0; break; }
                            rowNumber++;
                            field.Append('\n');
                            line = more; i = 0;
                            continue;
                        }
                        if (line[i] == '"')
                        {
                            if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                            i++;
                            break;
                        }
                        field.Append(line[i++]);
                    }
                    // Anything between the closing quote and the delimiter is kept as text.
                    while (i < line.Length && line[i] != sep) field.Append(line[i++]);
                    continue;
                }
                if (line[i] == sep)
                {
                    cells.Add(ReadLimits.Clip(field.ToString()));
                    field.Clear();
                    i++;
                    if (cells.Count >= ReadLimits.MaxColumns) break;
                    if (i >= line.Length) { cells.Add(""); break; }
                    continue;
                }
                field.Append(line[i++]);
            }
            yield return new RawRow(1, startRow, cells.ToArray());
        }
    }
}

/// <summary>
/// A JSON array of objects (or an object holding one such array) whose keys are column names, Chinese or English.
/// The header is the union of keys in order of first appearance.
/// </summary>
internal static class JsonTableReader
{
    public static IEnumerable<RawRow> Read(Stream stream)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream,
                new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"JSON 格式错误：{e.Message}");
        }
        using (doc)
        {
            var array = doc.RootElement;
            if (array.ValueKind == JsonValueKind.Object)
            {
                var inner = array.EnumerateObject().FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Array);
                if (inner.Value.ValueKind != JsonValueKind.Array) throw new InvalidDataException("JSON 中没有条目数组");
                array = inner.Value;
            }
            if (array.ValueKind != JsonValueKind.Array) throw new InvalidDataException("JSON 顶层应为条目数组");

            var keys = new List<string>();
            var keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) continue;
                foreach (var p in item.EnumerateObject())
                    if (!keyIndex.ContainsKey(p.Name) && keys.Count < ReadLimits.MaxColumns)
                    { keyIndex[p.Name] = keys.Count; keys.Add(p.Name); }
            }
            yield return new RawRow(1, 0, keys.ToArray());
            var n = 0;
            foreach (var item in array.EnumerateArray())
            {
                n++;
                if (n > ReadLimits.MaxRows) yield break;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    // Kept as a one-cell row so that the mapper reports it instead of losing it.
                    yield return new RawRow(1, n, [ReadLimits.Clip(item.GetRawText())]);
                    continue;
                }
                var cells = new string[keys.Count];
                Array.Fill(cells, "");
                foreach (var p in item.EnumerateObject())
                {
                    if (!keyIndex.TryGetValue(p.Name, out var k)) continue;
                    cells[k] = ReadLimits.Clip(p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString() ?? "",
                        JsonValueKind.Null or JsonValueKind.Undefined => "",
                        JsonValueKind.Array => string.Join("、",
                            p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
                        _ => p.Value.GetRawText(),
                    });
                }
                yield return new RawRow(1, n, cells);
            }
        }
    }
}
