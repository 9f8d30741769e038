using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Suanbei.Registry.Import;

/// <summary>The columns of the published lists, whatever their header spelling.</summary>
internal enum Column
{
    Seq, Name, Role, Category, Entity, Products, Purpose, Number, Remark,
    Region, Date, Kind, Period, Batch, ListName, NoticeDate, NoticeId, Cancel,
}

/// <summary>Header spellings → column, in one place: the CAC's Chinese headers and the shared TSV's English names.</summary>
internal static class ColumnNames
{
    private static readonly Dictionary<string, Column> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        ["序号"] = Column.Seq, ["seq"] = Column.Seq, ["no"] = Column.Seq, ["no."] = Column.Seq,
        ["算法名称"] = Column.Name, ["name"] = Column.Name, ["模型名称"] = Column.Name, ["应用/功能名称"] = Column.Name,
        ["应用名称"] = Column.Name, ["功能名称"] = Column.Name, ["服务名称"] = Column.Name,
        ["角色"] = Column.Role, ["role"] = Column.Role, ["填报角色"] = Column.Role,
        ["算法类别"] = Column.Category, ["category"] = Column.Category, ["算法类型"] = Column.Category,
        ["主体名称"] = Column.Entity, ["entity"] = Column.Entity, ["备案单位"] = Column.Entity, ["登记单位"] = Column.Entity, ["备案主体"] = Column.Entity,
        ["应用产品"] = Column.Products, ["products"] = Column.Products, ["product"] = Column.Products, ["关联产品"] = Column.Products,
        ["主要用途"] = Column.Purpose, ["purpose"] = Column.Purpose, ["用途"] = Column.Purpose,
        ["备案编号"] = Column.Number, ["number"] = Column.Number, ["code"] = Column.Number, ["备案号"] = Column.Number,
        ["上线编号"] = Column.Number, ["登记编号"] = Column.Number, ["算法备案编号"] = Column.Number,
        ["备注"] = Column.Remark, ["remark"] = Column.Remark, ["remarks"] = Column.Remark,
        ["属地"] = Column.Region, ["region"] = Column.Region,
        ["备案时间"] = Column.Date, ["登记时间"] = Column.Date, ["date"] = Column.Date, ["备案日期"] = Column.Date, ["登记日期"] = Column.Date,
        ["kind"] = Column.Kind, ["备案/登记"] = Column.Kind,
        ["period"] = Column.Period, ["期次"] = Column.Period,
        ["batch"] = Column.Batch, ["批次"] = Column.Batch,
        ["list_name"] = Column.ListName, ["清单名称"] = Column.ListName,
        ["notice_date"] = Column.NoticeDate, ["公告日期"] = Column.NoticeDate,
        ["notice_id"] = Column.NoticeId, ["公告"] = Column.NoticeId,
        ["cancel"] = Column.Cancel, ["注销时间"] = Column.Cancel, ["注销日期"] = Column.Cancel, ["注销月份"] = Column.Cancel,
    };

    /// <summary>Header cells may carry spaces, full-width spaces, newlines and a trailing colon.</summary>
    public static string NormaliseHeader(string cell)
    {
        var sb = new StringBuilder(cell.Length);
        foreach (var c in cell)
            if (!char.IsWhiteSpace(c) && c != '\u200B' && c != '\uFEFF') sb.Append(c == '／' ? '/' : c);
        return sb.ToString().TrimEnd(':', '：');
    }

    public static Column? Match(string cell) => Map.TryGetValue(NormaliseHeader(cell), out var c) ? c : null;

    /// <summary>The column positions when the row is a header (at least 3 known columns, one of them the name or number).</summary>
    public static Dictionary<Column, int>? TryHeader(string[] cells)
    {
        var found = new Dictionary<Column, int>();
        for (var i = 0; i < cells.Length; i++)
            if (Match(cells[i]) is { } c && !found.ContainsKey(c)) found[c] = i;
        return found.Count >= 3 && (found.ContainsKey(Column.Name) || found.ContainsKey(Column.Number)) ? found : null;
    }
}

/// <summary>What the text around the tables (title, file name) says about the list.</summary>
internal sealed partial class ListContext
{
    public string? Period;
    public string? Batch;
    public string? ListName;
    public RegistryListKind? Kind;
    public GenerativeAiKind? GenerativeKind;

    [GeneratedRegex(@"(?<y>20\d{2})\s*年\s*(?<m>\d{1,2})\s*月")]
    private static partial Regex YearMonth();
    [GeneratedRegex(@"(?<y>20\d{2})[-_.](?<m>\d{1,2})(?!\d)")]
    private static partial Regex IsoYearMonth();
    [GeneratedRegex(@"第[一二三四五六七八九十百零〇\d]+批")]
    private static partial Regex BatchPattern();
    // The list's title inside a longer line: "境内深度合成服务算法备案清单 rows as published…" → the title alone.
    [GeneratedRegex(@"[^\s#]*?(?:清单|信息)(?:（[^）]*）|\([^)]*\))?")]
    private static partial Regex ListTitle();

    public void Absorb(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var ym = YearMonth().Match(text);
        if (!ym.Success) ym = IsoYearMonth().Match(text);
        if (ym.Success && Period is null)
        {
            var m = int.Parse(ym.Groups["m"].Value);
            if (m is >= 1 and <= 12) Period = $"{ym.Groups["y"].Value}-{m:00}";
        }
        var b = BatchPattern().Match(text);
        if (b.Success) Batch ??= b.Value;
        var kind = KindFromTitle(text);
        if (kind is not null)
        {
            Kind ??= kind;
            if (ListTitle().Match(text) is { Success: true, Length: > 0 } title) ListName ??= title.Value;
        }
        if (text.Contains("已登记") && !text.Contains("已备案")) GenerativeKind = GenerativeAiKind.Registration;
    }

    public static RegistryListKind? KindFromTitle(string text) =>
        text.Contains("注销") ? RegistryListKind.Cancellation
        : text.Contains("深度合成") ? RegistryListKind.DeepSynthesis
        : text.Contains("生成式人工智能") ? RegistryListKind.GenerativeAi
        : text.Contains("互联网信息服务算法") ? RegistryListKind.Algorithm
        : null;
}

/// <summary>Turns raw rows into registry rows or reports; one instance per file.</summary>
internal sealed class RowMapper(ImportOptions options, ListContext context)
{
    private Dictionary<Column, int>? _header;
    private string[]? _headerCells;
    private int _table = -1;
    private GenerativeAiKind? _tableGenerativeKind;
    private bool _afterBlank;

    public List<RegistryRow> Rows { get; } = [];
    public List<RowReport> Reported { get; } = [];
    public List<string> Notes { get; } = [];
    public bool SawHeader => _headerCells is not null;

    public void Accept(RawRow raw)
    {
        if (raw.IsContext) { context.Absorb(raw.Cells[0]); return; }
        if (raw.Table != _table)
        {
            _table = raw.Table;
            _tableGenerativeKind = null;
            // A new table repeats the header, or continues the previous table across a page break without one.
            if (ColumnNames.TryHeader(raw.Cells) is { } h) { SetHeader(h, raw.Cells); return; }
        }
        if (raw.Cells.All(string.IsNullOrWhiteSpace)) { _afterBlank = true; return; } // blank line: no data to lose
        var afterBlank = _afterBlank;
        _afterBlank = false;

        if (ColumnNames.TryHeader(raw.Cells) is { } header)
        {
            if (_headerCells is null) { SetHeader(header, raw.Cells); return; }
            if (SameHeader(raw.Cells)) { Notes.Add($"第{raw.RowNumber}行：重复的表头（跨页），已跳过"); return; }
            if (afterBlank)
            {
                // A blank line then a header: the next section of a file with several tables (as the exporter writes CSV).
                _tableGenerativeKind = null;
                SetHeader(header, raw.Cells);
                Notes.Add($"第{raw.RowNumber}行：新表格的表头");
                return;
            }
            // A header inside the data: a sub-table (e.g. the 登记 table of a generative-AI list) stored as a row.
            var isRegistration = raw.Cells.Any(c => ColumnNames.NormaliseHeader(c) is "登记单位" or "上线编号" or "登记时间");
            Reported.Add(new RowReport(raw.RowNumber, isRegistration
                ? "该行是“登记”子表的表头，不是条目；其后各行按登记信息读取"
                : "该行是表头（子表开始），不是条目", Preview(raw.Cells)));
            var merged = new Dictionary<Column, int>(_header!);
            foreach (var (col, idx) in header) merged[col] = idx;
            _header = merged;
            if (isRegistration) _tableGenerativeKind = GenerativeAiKind.Registration;
            return;
        }

        if (_header is not { } tableHeader)
        {
            // Title lines above the header (e.g. an xlsx title row) describe the list.
            if (raw.Cells.Count(c => !string.IsNullOrWhiteSpace(c)) == 1)
            { context.Absorb(raw.Cells.First(c => !string.IsNullOrWhiteSpace(c))); return; }
            Reported.Add(new RowReport(raw.RowNumber, "表头之前的数据行：未找到表头（序号、算法名称、主体名称、备案编号…）", Preview(raw.Cells)));
            return;
        }
        Map(raw, tableHeader);
    }

    private void SetHeader(Dictionary<Column, int> header, string[] cells)
    {
        _header = header;
        _headerCells = cells.Select(ColumnNames.NormaliseHeader).ToArray();
        if (cells.Any(c => ColumnNames.NormaliseHeader(c) is "登记单位" or "上线编号" or "登记时间"))
            _tableGenerativeKind = GenerativeAiKind.Registration;
    }

    private bool SameHeader(string[] cells) =>
        _headerCells is not null && cells.Select(ColumnNames.NormaliseHeader).SequenceEqual(_headerCells);

    private static string Preview(string[] cells)
    {
        var s = string.Join(" | ", cells.Select(c => c.Trim()));
        return s.Length > 200 ? s[..200] + "…" : s;
    }

    private string Get(string[] cells, Column c) =>
        _header!.TryGetValue(c, out var i) && i < cells.Length ? CleanText(cells[i]) : "";

    /// <summary>Trims, joins line breaks inside a cell, collapses runs of spaces.</summary>
    internal static string CleanText(string s)
    {
        if (s.Length == 0) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var ch in s.Trim())
        {
            var c = ch is '\r' or '\n' or '\t' or '\u00A0' ? ' ' : ch;
            if (c == ' ' && sb.Length > 0 && sb[^1] == ' ') continue;
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>Maps a data row; <paramref name="header"/> is the table's header (rows before a header never get here).</summary>
    private void Map(RawRow raw, Dictionary<Column, int> header)
    {
        var cells = raw.Cells;
        var problems = new List<string>();

        var name = Get(cells, Column.Name);
        var entity = Get(cells, Column.Entity);
        var numberRaw = Get(cells, Column.Number);
        var number = RegistryNumbers.Normalise(numberRaw);
        var scheme = RegistryNumbers.Classify(number);

        var isCancellation = options.ListKind == RegistryListKind.Cancellation || context.Kind == RegistryListKind.Cancellation
            || header.ContainsKey(Column.Cancel) || header.ContainsKey(Column.NoticeDate);

        if (number.Length == 0) problems.Add("缺少备案编号");
        else if (scheme == RegistryNumberScheme.Unknown) problems.Add($"备案编号格式不正确：“{numberRaw}”");
        if (name.Length == 0 && !isCancellation) problems.Add("缺少算法名称");
        if (entity.Length == 0 && !isCancellation) problems.Add("缺少主体名称");
        if (problems.Count > 0)
        {
            // Spreadsheets leave trailing empty cells out, so a short row is only a problem when it lacks a required field.
            if (cells.Length < _headerCells!.Length) problems.Add($"列数不足（{cells.Length} 列，表头有 {_headerCells.Length} 列）");
            Reported.Add(new RowReport(raw.RowNumber, string.Join("；", problems), Preview(cells)));
            return;
        }

        var warnings = new List<string>();
        if (scheme == RegistryNumberScheme.Algorithm
            && Suanbei.Core.Identifiers.FilingNumber.Decode(number) is { CheckDigitMatches: false } info)
            warnings.AddRange(info.Problems.Count > 0 ? info.Problems : [Suanbei.Core.Identifiers.FilingNumber.CheckDigitMismatch]);
        int? seq = null;
        var seqText = Get(cells, Column.Seq);
        if (seqText.Length > 0)
        {
            if (int.TryParse(seqText.TrimEnd('.', '、'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)) seq = s;
            else warnings.Add($"序号不是数字：“{seqText}”");
        }

        // 角色 and 算法类别 share a column in cancellation notices; a value ending in 类 is a category.
        var role = Get(cells, Column.Role);
        var category = Get(cells, Column.Category);
        if (role.EndsWith('类') && category.Length == 0) (category, role) = (role, "");

        var listName = Get(cells, Column.ListName) is { Length: > 0 } ln ? ln : options.ListName ?? context.ListName;
        var period = NormalisePeriod(Get(cells, Column.Period)) ?? options.Period;
        if (period is null && listName is not null) { var lc = new ListContext(); lc.Absorb(listName); period = lc.Period; }
        period ??= context.Period;
        var batch = Get(cells, Column.Batch) is { Length: > 0 } b ? b : options.Batch ?? context.Batch;

        RegistryListKind kind;
        if (isCancellation) kind = RegistryListKind.Cancellation;
        else if (scheme is RegistryNumberScheme.GenerativeAiFiling or RegistryNumberScheme.GenerativeAiRegistration)
            kind = RegistryListKind.GenerativeAi;
        else if (category.Length > 0) kind = RegistryListKind.Algorithm;
        else if (role.Length > 0) kind = RegistryListKind.DeepSynthesis;
        else kind = options.ListKind ?? context.Kind ?? RegistryListKind.DeepSynthesis;

        GenerativeAiKind? genKind = null;
        DateOnly? filedOn = null;
        if (kind == RegistryListKind.GenerativeAi)
        {
            var kindText = Get(cells, Column.Kind);
            genKind = kindText.Contains("登记") ? GenerativeAiKind.Registration
                : kindText.Contains("备案") ? GenerativeAiKind.Filing
                : _tableGenerativeKind ?? context.GenerativeKind
                  ?? (scheme == RegistryNumberScheme.GenerativeAiRegistration ? GenerativeAiKind.Registration : GenerativeAiKind.Filing);
            var dateText = Get(cells, Column.Date);
            if (dateText.Length > 0)
            {
                filedOn = ParseDate(dateText);
                if (filedOn is null) warnings.Add($"备案时间无法识别：“{dateText}”");
            }
            if ((genKind == GenerativeAiKind.Registration) != (scheme == RegistryNumberScheme.GenerativeAiRegistration))
                warnings.Add(genKind == GenerativeAiKind.Registration ? "登记信息的编号不是 …S0001 形式" : "备案信息的编号是登记（…S0001）形式");
        }

        DateOnly? cancelledOn = null;
        string? cancelledText = null;
        if (kind == RegistryListKind.Cancellation)
        {
            cancelledText = Get(cells, Column.Cancel) is { Length: > 0 } ct ? ct : null;
            var noticeDate = Get(cells, Column.NoticeDate);
            cancelledOn = (noticeDate.Length > 0 ? ParseDate(noticeDate) : null)
                ?? (cancelledText is not null ? ParseDate(cancelledText) : null)
                ?? options.CancelledOn;
            if (cancelledOn is null && period is not null && DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", out var firstOfMonth))
                cancelledOn = firstOfMonth;
            if (cancelledOn is null) warnings.Add("注销日期不明");
            else period ??= cancelledOn.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }

        var productsRaw = Get(cells, Column.Products);
        var parsed = ProductParser.Parse(productsRaw);

        Rows.Add(new RegistryRow
        {
            RowNumber = raw.RowNumber,
            List = kind,
            Period = period,
            Batch = batch,
            ListName = listName,
            Seq = seq,
            Name = name,
            Role = role.Length > 0 ? role : null,
            Category = category.Length > 0 ? category : null,
            Entity = entity,
            ProductsRaw = productsRaw.Length > 0 ? productsRaw : null,
            Products = parsed.Products,
            ProductsTruncated = parsed.Truncated,
            Purpose = Get(cells, Column.Purpose) is { Length: > 0 } p ? p : null,
            Number = number,
            Remark = Get(cells, Column.Remark) is { Length: > 0 } r ? r : null,
            Region = Get(cells, Column.Region) is { Length: > 0 } rg ? rg : null,
            FiledOn = filedOn,
            GenerativeKind = genKind,
            CancelledOn = cancelledOn,
            CancelledText = cancelledText,
            Notice = Get(cells, Column.NoticeId) is { Length: > 0 } n ? n : options.Notice,
            Warnings = warnings,
        });
    }

    private static string? NormalisePeriod(string text)
    {
        if (text.Length == 0) return null;
        var lc = new ListContext();
        lc.Absorb(text);
        return lc.Period;
    }

    /// <summary>2023/8/31, 2023-08-31, 2023年8月31日, 2023.8.31, an Excel serial day, or 2025年7月 (first of the month).</summary>
    internal static DateOnly? ParseDate(string text)
    {
        var t = text.Trim();
        string[] formats = ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd",
                           "yyyy/M/d H:mm:ss", "yyyy-M-d H:mm:ss", "yyyy-MM-ddTHH:mm:ss"];
        if (DateTime.TryParseExact(t, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
            return DateOnly.FromDateTime(dt);
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 20000 and < 80000)
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        if (DateTime.TryParseExact(t, ["yyyy年M月", "yyyy-MM", "yyyy/M"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return DateOnly.FromDateTime(month);
        return null;
    }
}
