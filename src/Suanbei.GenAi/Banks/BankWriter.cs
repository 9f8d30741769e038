using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Suanbei.GenAi.Banks;

/// <summary>Writes a bank as CSV, TSV, XLSX or JSONL (by extension), atomically: a temporary file renamed into place.</summary>
public static class BankWriter
{
    public static void Write(string path, IEnumerable<BankItem> items)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        Action<string> write = ext switch
        {
            ".xlsx" => temp => WriteXlsx(temp, items),
            ".jsonl" or ".ndjson" => temp => WriteJsonl(temp, items),
            ".tsv" => temp => WriteDelimited(temp, items, '\t'),
            ".csv" => temp => WriteDelimited(temp, items, ','),
            _ => throw new BankFormatException($"导出格式无法识别：{path}（支持 .csv、.tsv、.xlsx、.jsonl）"),
        };
        AtomicFile.Write(path, write);
    }

    private static void WriteDelimited(string path, IEnumerable<BankItem> items, char delimiter)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        string Q(string s) => s.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        w.Write($"id{delimiter}text{delimiter}risk\n");
        foreach (var i in items) w.Write($"{Q(i.Id ?? "")}{delimiter}{Q(i.Text)}{delimiter}{Q(string.Join(';', i.Codes))}\n");
    }

    private static void WriteJsonl(string path, IEnumerable<BankItem> items)
    {
        using var stream = File.Create(path);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var i in items)
        {
            using (var w = new Utf8JsonWriter(stream, options))
            {
                w.WriteStartObject();
                if (i.Id is not null) w.WriteString("id", i.Id);
                w.WriteString("text", i.Text);
                w.WriteString("risk", string.Join(';', i.Codes));
                w.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }
    }

    private static void WriteXlsx(string path, IEnumerable<BankItem> items)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var ws = wb.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        ws.Worksheet = new Worksheet(data);
        wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "题库" }));
        Row Row(params string[] values) => new(values.Select(v => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(v) { Space = SpaceProcessingModeValues.Preserve }),
        }));
        data.AppendChild(Row("id", "text", "risk"));
        foreach (var i in items) data.AppendChild(Row(i.Id ?? "", i.Text, string.Join(';', i.Codes)));
    }
}
