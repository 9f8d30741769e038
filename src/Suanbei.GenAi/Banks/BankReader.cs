using System.Text;
using System.Text.Json;
using System.Xml;

namespace Suanbei.GenAi.Banks;

/// <summary>
/// Reads a bank from CSV, TSV, XLSX or JSONL (by extension): one item per row with <c>text</c>, <c>risk</c> (codes
/// separated by <c>;</c>) and optional <c>id</c>. Tabular files need a header row naming the columns.
/// </summary>
public static class BankReader
{
    // Column names accepted in a header row, English first; Chinese as spreadsheets exported by hand name them.
    private static readonly string[] TextNames = ["text", "文本", "题目", "问题", "关键词", "内容"];
    private static readonly string[] RiskNames = ["risk", "risks", "风险", "风险类别", "类别", "方面"];
    private static readonly string[] IdNames = ["id", "编号", "序号"];

    public static BankFile Read(string path)
    {
        if (!File.Exists(path)) throw new BankFormatException($"题库文件不存在：{path}");
        try
        {
            var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
            return ext switch
            {
                ".xlsx" => FromRows(path, XlsxSheetReader.Rows(path)),
                ".jsonl" or ".ndjson" => Jsonl(path),
                ".tsv" or ".tab" => FromRows(path, DelimitedRows(path, '\t')),
                ".csv" or ".txt" => FromRows(path, DelimitedRows(path, ',')),
                _ => throw new BankFormatException($"题库文件格式无法识别：{path}（支持 .csv、.tsv、.xlsx、.jsonl）"),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BankFormatException($"无法读取题库文件 {path}：{e.Message}");
        }
        catch (Exception e) when (e is InvalidDataException or XmlException)
        {
            throw new BankFormatException($"题库文件 {path} 不是有效的 XLSX 工作簿：{e.Message}");
        }
    }

    /// <summary>Splits a risk cell into codes: <c>;</c>, <c>；</c>, <c>,</c> or spaces between codes.</summary>
    public static IReadOnlyList<string> SplitCodes(string? cell) => (cell ?? "")
        .Split([';', '；', ',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(c => c.ToUpperInvariant())
        .ToList();

    private static BankFile FromRows(string path, IEnumerable<(int Row, List<string> Cells)> rows)
    {
        using var e = rows.GetEnumerator();
        if (!e.MoveNext()) return new BankFile(path, [], []);
        var header = e.Current.Cells.Select(h => h.Trim().TrimStart('\ufeff').ToLowerInvariant()).ToList();
        int Find(string[] names) => header.FindIndex(h => names.Contains(h));
        var (text, risk, id) = (Find(TextNames), Find(RiskNames), Find(IdNames));
        if (text < 0)
            throw new BankFormatException(
                $"题库文件 {path} 的第 1 行（表头）没有 text 列（可用列名：{string.Join("、", TextNames)}）；现有列：{string.Join("、", header)}");
        if (risk < 0)
            throw new BankFormatException(
                $"题库文件 {path} 的第 1 行（表头）没有 risk 列（可用列名：{string.Join("、", RiskNames)}）；现有列：{string.Join("、", header)}");
        var items = new List<BankItem>();
        while (e.MoveNext())
        {
            var (row, cells) = e.Current;
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            string Cell(int i) => i >= 0 && i < cells.Count ? cells[i] : "";
            var itemId = Cell(id).Trim();
            items.Add(new BankItem(row, itemId.Length > 0 ? itemId : null, Cell(text).Trim(), SplitCodes(Cell(risk))));
        }
        return new BankFile(path, items, []);
    }

    private static BankFile Jsonl(string path)
    {
        var items = new List<BankItem>();
        var bad = new List<InvalidRow>();
        var row = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            row++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var o = doc.RootElement;
                if (o.ValueKind != JsonValueKind.Object) { bad.Add(new InvalidRow(row, "不是 JSON 对象")); continue; }
                var text = o.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
                IReadOnlyList<string> codes = !o.TryGetProperty("risk", out var r) ? []
                    : r.ValueKind == JsonValueKind.Array
                        ? r.EnumerateArray().Select(x => x.ToString().Trim().ToUpperInvariant()).Where(x => x.Length > 0).ToList()
                        : SplitCodes(r.ToString());
                string? id = o.TryGetProperty("id", out var i) && i.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    ? i.ToString() : null;
                items.Add(new BankItem(row, string.IsNullOrWhiteSpace(id) ? null : id, text.Trim(), codes));
            }
            catch (JsonException ex)
            {
                bad.Add(new InvalidRow(row, $"JSON 格式错误：{ex.Message}"));
            }
        }
        return new BankFile(path, items, bad);
    }

    /// <summary>RFC 4180 rows: quoted fields may hold the delimiter, quotes ("") and line breaks.</summary>
    internal static IEnumerable<(int Row, List<string> Cells)> DelimitedRows(string path, char delimiter)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var row = 0;
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); cell.Append('"'); }
                    else quoted = false;
                }
                else cell.Append(ch);
            }
            else if (ch == '"' && cell.Length == 0) quoted = true;
            else if (ch == delimiter) { cells.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n')
            {
                cells.Add(cell.ToString()); cell.Clear();
                yield return (++row, cells);
                cells = []; any = false;
            }
            else cell.Append(ch);
        }
        if (any) { cells.Add(cell.ToString()); yield return (++row, cells); }
    }
}
