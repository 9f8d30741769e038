using System.Text;
using Suanbei.Core;
using Suanbei.Core.Identifiers;
using Suanbei.Registry;
using Suanbei.Registry.Import;
using Suanbei.Testing;

namespace Suanbei.Registry.Tests;

public class ImporterTests
{
    private static ImportResult Import(byte[] bytes, string name, ImportOptions? o = null) =>
        RegistryImporter.Import(new MemoryStream(bytes), name, o);

    private static void AssertSameRows(IReadOnlyList<string[]> expected, ImportResult result, int roleColumn = 2)
    {
        Assert.Null(result.FileError);
        Assert.Empty(result.Reported);
        Assert.Equal(expected.Count, result.Rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var r = result.Rows[i];
            Assert.Equal(int.Parse(e[0]), r.Seq);
            Assert.Equal(e[1].Trim(), r.Name);
            Assert.Equal(e[2].Trim(), roleColumn == 2 ? (r.Role ?? r.Category) : r.Category);
            Assert.Equal(e[3].Trim(), r.Entity);
            Assert.Equal(e[4].Trim(), r.ProductsRaw ?? "");
            Assert.Equal(e[5].Trim(), r.Purpose ?? "");
            Assert.Equal(RegistryNumbers.Normalise(e[6]), r.Number);
            Assert.Equal(e[7].Trim(), r.Remark ?? "");
        }
    }

    [Fact]
    public void Shared_tsv_files_import_in_full_with_only_the_embedded_header_reported()
    {
        var deep = RegistryImporter.ImportFile(RepoPaths.PublishedList("deep-synthesis-filings.tsv"));
        Assert.Equal(RegistryFileFormat.Tsv, deep.Format);
        Assert.Empty(deep.Reported);
        Assert.Equal(236, deep.Rows.Count);
        Assert.All(deep.Rows, r => Assert.Equal(RegistryListKind.DeepSynthesis, r.List));
        Assert.Equal(129, deep.Rows.Count(r => r.Batch == "第三批" && r.Period == "2024-01"));
        var doubao = deep.Rows.Single(r => r.Number == "网信算备110108823483901230031号");
        Assert.Equal("豆包大模型算法", doubao.Name);
        Assert.Contains(new ProductRef("飞书", "APP"), doubao.Products);
        Assert.StartsWith("2024年8月，变更内容", doubao.Remark);
        // The list's title is taken from the leading comment line, not the whole line.
        Assert.All(deep.Rows, r => Assert.Equal("境内深度合成服务算法备案清单", r.ListName));

        var algo = RegistryImporter.ImportFile(RepoPaths.PublishedList("algorithm-filings.tsv"));
        Assert.Empty(algo.Reported);
        Assert.Equal(239, algo.Rows.Count);
        Assert.All(algo.Rows, r => { Assert.Equal(RegistryListKind.Algorithm, r.List); Assert.NotNull(r.Category); });
        Assert.Equal(70, algo.Rows.Count(r => r.Period == "2022-10"));

        var gen = RegistryImporter.ImportFile(RepoPaths.PublishedList("generative-ai-filings.tsv"));
        // The 2024-08 登记 sub-table header stored as data is reported, not imported.
        var header = Assert.Single(gen.Reported);
        Assert.Contains("登记", header.Reason);
        Assert.Contains("上线编号", header.Content);
        Assert.Equal(221, gen.Rows.Count);
        Assert.All(gen.Rows, r => Assert.Equal(RegistryListKind.GenerativeAi, r.List));
        Assert.Equal(26, gen.Rows.Count(r => r.GenerativeKind == GenerativeAiKind.Registration));
        Assert.All(gen.Rows.Where(r => r.GenerativeKind == GenerativeAiKind.Registration), r => Assert.Matches(@"S\d{4}$", r.Number));
        var wenxin = gen.Rows.First(r => r.Number == "Beijing-WenXinYiYan-20230821");
        Assert.Equal(new DateOnly(2023, 8, 31), wenxin.FiledOn);
        Assert.Equal("北京市", wenxin.Region);
        Assert.All(gen.Rows, r => Assert.NotNull(r.FiledOn));

        var cancel = RegistryImporter.ImportFile(RepoPaths.PublishedList("cancellations.tsv"));
        Assert.Empty(cancel.Reported);
        Assert.Equal(57, cancel.Rows.Count);
        Assert.All(cancel.Rows, r => { Assert.Equal(RegistryListKind.Cancellation, r.List); Assert.NotNull(r.CancelledOn); });
        Assert.Equal(new DateOnly(2025, 7, 14), cancel.Rows[0].CancelledOn);
        Assert.Equal("2025年7月", cancel.Rows[0].CancelledText);
        // 角色 and 算法类别 share the column in the notices.
        Assert.Equal(11, cancel.Rows.Count(r => r.Category is not null));
    }

    [Fact]
    public void Every_generative_ai_number_fits_its_scheme()
    {
        var (h, rows) = RepoPaths.ReadPublishedTsv("generative-ai-filings.tsv");
        int I(string n) => Array.IndexOf(h, n);
        foreach (var r in rows.Where(r => r[I("seq")] != "序号"))
        {
            var parsed = RegistryNumbers.TryParseGenerative(RegistryNumbers.Normalise(r[I("number")]));
            Assert.True(parsed is not null, r[I("number")]);
            Assert.Equal(r[I("kind")], DisplayNames.Of(parsed!.Kind!.Value));
        }
    }

    [Theory]
    [InlineData("Beijing-WenXinYiYan-20230821")]
    [InlineData("Beijing-BianYing-20240428S0001")]
    [InlineData("Xanadu-WenXinYiYan-20230821")] // not a known 属地
    [InlineData("Beijing-TengXun-202404280000")] // sequence 0000
    [InlineData("Beijing-TengXun--20240428")] // empty name part
    [InlineData("Beijing-WenXinYiYan-20230230")] // no such day
    public void The_registry_reads_generative_ai_numbers_by_cores_rule(string number)
    {
        var core = GenerativeAiNumber.Decode(number);
        var scheme = RegistryNumbers.Classify(RegistryNumbers.Normalise(number));
        Assert.Equal(core.Valid, scheme != RegistryNumberScheme.Unknown);
        if (core.Valid)
            Assert.Equal(core.Kind == GenerativeAiNumberKind.Registration, scheme == RegistryNumberScheme.GenerativeAiRegistration);
    }

    [Fact]
    public void List_titles_and_file_format_words_come_from_the_display_names_file()
    {
        foreach (var kind in Enum.GetValues<RegistryListKind>())
            Assert.Equal(DisplayNames.Vocabularies["RegistryListKind"][kind.ToString()], DisplayNames.Of(kind));
        foreach (var format in Enum.GetValues<RegistryFileFormat>())
            Assert.Equal(DisplayNames.Vocabularies["RegistryFileFormat"][format.ToString()], DisplayNames.Of(format));
        Assert.Equal("注销公告", DisplayNames.Of(RegistryListKind.Cancellation));
        // The error names the kind of file it was read as.
        var broken = RegistryImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes("[{\"序号\": ")), "broken.json");
        Assert.Equal(RegistryFileFormat.Json, broken.Format);
        Assert.StartsWith("JSON已损坏或无法解析", broken.FileError);
    }

    [Fact]
    public void Docx_attachment_with_wrapped_header_merged_entities_and_page_split()
    {
        var rows = OfficialLayouts.DeepSynthesisRows("2024-01");
        var bytes = OfficialLayouts.Docx("境内深度合成服务算法备案清单（2024年1月）", OfficialLayouts.DeepSynthesisHeader, rows, splitAt: 60);
        var result = Import(bytes, "附件：第三批.docx");
        Assert.Equal(RegistryFileFormat.Docx, result.Format);
        AssertSameRows(rows, result);
        Assert.All(result.Rows, r =>
        {
            Assert.Equal("2024-01", r.Period); Assert.Equal("第三批", r.Batch);
            Assert.Equal(RegistryListKind.DeepSynthesis, r.List);
        });
        // Consecutive rows of one entity were written as merged cells; each row still has its entity.
        Assert.True(rows.Zip(rows.Skip(1)).Count(p => p.First[3] == p.Second[3]) > 10, "the sample must exercise vertical merges");
    }

    [Fact]
    public void Docx_with_repeated_header_on_second_page_notes_it_and_takes_every_row()
    {
        var rows = OfficialLayouts.AlgorithmRows("2023-01");
        var withRepeat = rows.Take(50).Append(OfficialLayouts.AlgorithmHeader).Concat(rows.Skip(50)).ToList();
        var bytes = OfficialLayouts.Docx("境内互联网信息服务算法备案清单（2023年1月）", OfficialLayouts.AlgorithmHeader, withRepeat, mergeEntities: false);
        var result = Import(bytes, "list.docx");
        AssertSameRows(rows, result);
        Assert.Single(result.Notes);
        Assert.All(result.Rows, r => Assert.Equal(RegistryListKind.Algorithm, r.List));
        Assert.All(result.Rows, r => Assert.Equal("2023-01", r.Period));
    }

    [Fact]
    public void Xlsx_with_title_row_and_sparse_cells()
    {
        var rows = OfficialLayouts.DeepSynthesisRows("2023-09");
        var bytes = OfficialLayouts.Xlsx("境内深度合成服务算法备案清单（第二批）", OfficialLayouts.DeepSynthesisHeader, rows);
        var result = Import(bytes, "download.bin");
        Assert.Equal(RegistryFileFormat.Xlsx, result.Format);
        AssertSameRows(rows, result);
        Assert.All(result.Rows, r => Assert.Equal("第二批", r.Batch));
    }

    [Fact]
    public void Csv_with_bom_quotes_and_commas()
    {
        var rows = OfficialLayouts.AlgorithmRows("2022-10");
        var bytes = OfficialLayouts.Csv(OfficialLayouts.AlgorithmHeader, rows);
        var result = Import(bytes, "x.csv", new ImportOptions { Period = "2022-10" });
        Assert.Equal(RegistryFileFormat.Csv, result.Format);
        AssertSameRows(rows, result);
        Assert.All(result.Rows, r => Assert.Equal("2022-10", r.Period));
    }

    [Fact]
    public void Json_with_chinese_keys_and_with_english_keys()
    {
        var rows = OfficialLayouts.DeepSynthesisRows("2024-02");
        AssertSameRows(rows, Import(OfficialLayouts.Json(OfficialLayouts.DeepSynthesisHeader, rows), "a.json"));
        string[] english = ["seq", "name", "role", "entity", "products", "purpose", "number", "remark"];
        AssertSameRows(rows, Import(OfficialLayouts.Json(english, rows), "b.txt"));
    }

    [Fact]
    public void Malformed_rows_are_reported_with_row_number_and_reason()
    {
        var rows = OfficialLayouts.DeepSynthesisRows("2024-02").Take(5).Select(r => (string[])r.Clone()).ToList();
        rows[1][6] = "网信算备11010882348390123003号";   // 20 digits
        rows[2][6] = "";
        rows[3][1] = " ";
        rows.Add(["6", "只有三列", "服务提供者"]);
        var result = Import(OfficialLayouts.Csv(OfficialLayouts.DeepSynthesisHeader, rows), "bad.csv");
        Assert.Null(result.FileError);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(4, result.Reported.Count);
        Assert.Equal([3, 4, 5, 7], result.Reported.Select(r => r.RowNumber));
        Assert.Contains("备案编号格式不正确", result.Reported[0].Reason);
        Assert.Contains("缺少备案编号", result.Reported[1].Reason);
        Assert.Contains("缺少算法名称", result.Reported[2].Reason);
        Assert.Contains("列数不足", result.Reported[3].Reason);
    }

    [Theory]
    [InlineData("not a table at all\nsecond line", "x.csv")]
    [InlineData("[1, 2", "x.json")]
    [InlineData("PK\u0003\u0004garbage", "x.docx")]
    [InlineData("", "x.xlsx")]
    public void Unreadable_files_are_a_file_error_not_an_exception(string content, string name)
    {
        var result = Import(Encoding.UTF8.GetBytes(content), name);
        Assert.NotNull(result.FileError);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Oversized_input_is_refused()
    {
        var result = Import(new byte[2048], "big.csv", new ImportOptions { MaxBytes = 1024 });
        Assert.Contains("大小上限", result.FileError);
    }

    [Fact]
    public void Generative_ai_docx_with_two_tables_marks_registrations()
    {
        var (h, all) = RepoPaths.ReadPublishedTsv("generative-ai-filings.tsv");
        int I(string n) => Array.IndexOf(h, n);
        var rows = all.Where(r => r[I("period")] == "2024-08" && r[I("seq")] != "序号").ToList();
        var filings = rows.Where(r => r[I("kind")] == "备案")
            .Select(r => new[] { r[I("seq")], r[I("region")], r[I("name")], r[I("entity")], r[I("number")], r[I("date")] })
            .ToList();
        var regs = rows.Where(r => r[I("kind")] == "登记")
            .Select(r => new[] { r[I("seq")], r[I("region")], r[I("name")], r[I("entity")], r[I("number")], r[I("date")] })
            .ToList();
        var bytes = OfficialLayouts.Docx("生成式人工智能服务已备案信息", ["序号", "属地", "模型名称", "备案单位", "备案号", "备案时间"],
            filings.Append(["序号", "属地", "应用/功能名称", "登记单位", "上线编号", "登记时间"]).Concat(regs).ToList(),
            splitAt: filings.Count, mergeEntities: false);
        var result = Import(bytes, "生成式人工智能服务已备案和已登记信息（2024年8月）.docx");
        Assert.Null(result.FileError);
        Assert.Empty(result.Reported); // the second table starts with its own header
        Assert.Equal(filings.Count, result.Rows.Count(r => r.GenerativeKind == GenerativeAiKind.Filing));
        Assert.Equal(regs.Count, result.Rows.Count(r => r.GenerativeKind == GenerativeAiKind.Registration));
        Assert.All(result.Rows, r => Assert.Equal("2024-08", r.Period));
    }
}
