using System.CommandLine;
using System.Text.Json;
using Suanbei.Core;
using Suanbei.Core.Identifiers;

namespace Suanbei.Cli.Commands;

/// <summary>
/// <c>suanbei number check|decode</c>: 算法备案编号 (reference §4) and generative-AI service numbers
/// (Beijing-WenXinYiYan-20230821, Beijing-BianYing-20240428S0001). A number with a Latin letter is read as the latter.
/// </summary>
internal static class NumberCommands
{
    public static Command Create()
    {
        var group = new Command("number", "备案编号（算法备案与生成式人工智能服务备案/登记）：检查与解析");
        group.Subcommands.Add(Check());
        group.Subcommands.Add(Decode());
        return group;
    }

    // Exit 0 iff every number is well-formed and its check digit matches; 1 otherwise.
    private static Command Check()
    {
        var numbers =
            new Argument<string[]>("numbers") { Description = "一个或多个备案编号，如 网信算备110108823483901230031号", Arity = ArgumentArity.OneOrMore };
        var json = CommonOptions.Json();
        var data = RegistryLookup.Data();
        var db = RegistryLookup.Db();
        var command = new Command("check", "检查备案编号的格式与校验位（有公示清单库时同时给出收录状态）；全部有效时退出码为0，否则为1") { numbers, json, data, db };
        command.SetAction(parseResult =>
        {
            var allValid = true;
            foreach (var number in parseResult.GetValue(numbers)!)
            {
                var registry = RegistryLookup.Find(parseResult, data, db, number);
                if (IsGenerativeAi(number))
                {
                    var g = GenerativeAiNumber.Decode(number);
                    allValid &= g.Valid;
                    if (parseResult.GetValue(json)) WriteJson(g, registry);
                    else if (g.Valid) Console.WriteLine($"有效  {g.Number}{InRegistry(registry)}");
                    else Console.WriteLine($"有问题  {Display(number)}：{string.Join("；", g.Problems)}");
                    continue;
                }
                var info = FilingNumber.Decode(number);
                allValid &= info.Valid;
                if (parseResult.GetValue(json)) WriteJson(info, registry);
                else if (info.Valid) Console.WriteLine($"有效  {info.Number}{InRegistry(registry)}");
                else Console.WriteLine($"有问题  {Display(number)}：{string.Join("；", info.Problems)}{InRegistry(registry)}");
            }
            return allValid ? 0 : 1;
        });
        return command;
    }

    // Prints the decoded fields; exit 0 when the number is valid, 1 otherwise (the fields are printed either way).
    private static Command Decode()
    {
        var number = new Argument<string>("number") { Description = "备案编号，如 网信算备110108823483901230031号" };
        var json = CommonOptions.Json();
        var data = RegistryLookup.Data();
        var db = RegistryLookup.Db();
        var command =
            new Command("decode", "解析备案编号：算法备案编号的行政区划、主体代码、算法类型、年份、序号、校验位；生成式人工智能服务编号的类别、属地、模型名称、日期、序号（有公示清单库时同时给出收录状态）") { number, json,
            data, db };
        command.SetAction(parseResult =>
        {
            var registry = RegistryLookup.Find(parseResult, data, db, parseResult.GetValue(number));
            if (IsGenerativeAi(parseResult.GetValue(number)))
            {
                var g = GenerativeAiNumber.Decode(parseResult.GetValue(number));
                if (parseResult.GetValue(json)) WriteJson(g, registry);
                else
                {
                    WriteTable(g);
                    if (registry is not null) Console.WriteLine($"公示清单  {RegistryLookup.Describe(registry)}");
                }
                return g.Valid ? 0 : 1;
            }
            var info = FilingNumber.Decode(parseResult.GetValue(number));
            if (parseResult.GetValue(json)) WriteJson(info, registry);
            else
            {
                WriteTable(info);
                if (registry is not null) Console.WriteLine($"公示清单  {RegistryLookup.Describe(registry)}");
            }
            return info.Valid ? 0 : 1;
        });
        return command;
    }

    /// <summary>The documented JSON shape: number, region, entity, typeCode, typeName, year, sequence, checkDigit, valid, then
    /// extras.</summary>
    private static void WriteJson(FilingNumberInfo info, RegistryLookup.Status? registry = null) => CliJson.WriteLine(w =>
    {
        w.WriteString("number", info.Number);
        w.WriteStringOrNull("region", info.Region);
        w.WriteStringOrNull("entity", info.Entity);
        w.WriteStringOrNull("typeCode", info.TypeCode);
        w.WriteStringOrNull("typeName", info.TypeName);
        w.WriteNumberOrNull("year", info.Year);
        w.WriteNumberOrNull("sequence", info.Sequence);
        w.WriteNumberOrNull("checkDigit", info.CheckDigit);
        w.WriteBoolean("valid", info.Valid);
        w.WriteStringOrNull("province", info.ProvinceName);
        w.WriteBoolean("wellFormed", info.WellFormed);
        w.WriteBoolean("checkDigitMatches", info.CheckDigitMatches);
        w.WriteStartArray("problems");
        foreach (var p in info.Problems) w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteString("scheme", "algorithm");
        RegistryLookup.WriteJson(w, registry); // only when a registry exists
    });

    private static bool IsGenerativeAi(string? number) =>
        GenerativeAiNumber.Normalise(number) is var s && !s.StartsWith(FilingNumber.Prefix, StringComparison.Ordinal)
            && s.Any(char.IsAsciiLetter);

    /// <summary>The documented JSON shape: number, scheme, kind, province, name, date, sequence, valid, then extras.</summary>
    private static void WriteJson(GenerativeAiNumberInfo info, RegistryLookup.Status? registry) => CliJson.WriteLine(w =>
    {
        w.WriteString("number", info.Number);
        w.WriteString("scheme", "genai");
        w.WriteStringOrNull("kind", info.Kind is { } k ? DisplayNames.Of(k) : null);
        w.WriteStringOrNull("province", info.Place);
        w.WriteStringOrNull("name", info.Name);
        w.WriteStringOrNull("date", info.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumberOrNull("sequence", info.Sequence);
        w.WriteBoolean("valid", info.Valid);
        w.WriteStringOrNull("pinyin", info.Pinyin);
        w.WriteStringOrNull("note", info.Note);
        w.WriteStartArray("problems");
        foreach (var p in info.Problems) w.WriteStringValue(p);
        w.WriteEndArray();
        RegistryLookup.WriteJson(w, registry);
    });

    private static void WriteTable(GenerativeAiNumberInfo info)
    {
        Row("备案编号", Display(info.Number));
        Row("类　　别", info.Kind is { } k ? $"生成式人工智能服务{DisplayNames.Of(k)}" : null);
        Row("属　　地", info.Place is null ? info.Pinyin : $"{info.Place}（{info.Pinyin}）");
        Row("模型名称", info.Name);
        Row("日　　期", info.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Row("序　　号", info.Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row("结　　论", info.Valid ? "有效" : "有问题");
        if (info.Note is not null) Row("说　　明", info.Note);
        foreach (var problem in info.Problems) Row("问　　题", problem);

        static void Row(string label, string? value) => Console.WriteLine($"{label}  {value ?? "—"}");
    }

    private static void WriteTable(FilingNumberInfo info)
    {
        // Labels are all four CJK characters wide (padded with the ideographic space) so the values line up.
        Row("备案编号", Display(info.Number));
        Row("行政区划", info.Region is null ? null : $"{info.Region}（{info.ProvinceName ?? "未知省份"}）");
        Row("主体代码", info.Entity);
        Row("算法类型", info.TypeCode is null ? null : $"{info.TypeCode} {info.TypeName ?? "未知类型"}");
        Row("年　　份", info.Year?.ToString());
        Row("序　　号", info.Sequence?.ToString());
        Row("校 验 位", info.CheckDigit is null ? null
            : $"{info.CheckDigit}（{(info.CheckDigitMatches ? "符合已公布编号的规律" : FilingNumber.CheckDigitMismatch)}）");
        Row("结　　论", info.Valid ? "有效" : "有问题");
        foreach (var problem in info.Problems) Row("问　　题", problem);

        static void Row(string label, string? value) => Console.WriteLine($"{label}  {value ?? "—"}");
    }

    private static string InRegistry(RegistryLookup.Status? registry) =>
        registry is null ? "" : "  " + RegistryLookup.Describe(registry);

    private static string Display(string? number) => string.IsNullOrWhiteSpace(number) ? "（空）" : number.Trim();
}
