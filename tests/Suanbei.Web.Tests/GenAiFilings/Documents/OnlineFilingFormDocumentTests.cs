using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Suanbei.Core.GenerativeAi;
using Suanbei.Core.Products;
using Suanbei.Testing;
using Suanbei.Web.Features.GenAiFilings.Documents;

namespace Suanbei.Web.Tests.GenAiFilings.Documents;

/// <summary>
/// The 上线备案表 DOCX: filled from the form in the materials list's order, choices ticked over every option, empty
/// fields marked; it opens in LibreOffice and its PDF text carries the form's content. Set SUANBEI_TEST_ARTIFACTS to a
/// folder to keep the DOCX and PDF for a look.
/// </summary>
public sealed class OnlineFilingFormDocumentTests
{
    private static readonly GenerativeAiServiceForm Full = new()
    {
        ModelName = "星河对话大模型", ModelVersion = "v2.1", Functions = GenerativeAiFunctions.Dialogue | GenerativeAiFunctions.TextGeneration,
        DomainScope = GenerativeAiDomainScope.Limited, LimitedDomain = "教育辅导", ModelSource = ModelSource.FineTuned,
        FiledModelName = "文心一言", FiledModelNumber = "Beijing-WenXinYiYan-20230821", CorpusScale = "约 1.2 TB，3,000 亿词元",
        CorpusSources = [new("公开网络数据", 60m), new("自有数据", 40m)], CorpusLanguages = "中文、英文",
        Annotation = "自建标注团队 40 人，按语料标注规则标注并抽检", InferenceCompute = "A800 GPU 64 张",
        ServiceForms = [ProductForm.App, ProductForm.Api], Audience = ProductAudience.Both, UserScale = "月活跃用户约 50 万",
    };

    private static List<string> CellTexts(byte[] docx, out int tables)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        tables = body.Elements<Table>().Count();
        return body.Descendants<TableRow>().Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))).ToList();
    }

    [Fact]
    public void Every_field_is_a_row_in_the_materials_list_order_with_its_choices_ticked()
    {
        var rows = CellTexts(OnlineFilingFormDocument.Build(GenerativeAiFilingKind.Filing, Full, "北京星河智写科技有限公司", "北京市",
            "Beijing-XingHeDuiHua-202612010001"), out var tables);
        Assert.Equal(4, tables); // applicant, then 模型与功能, 语料与算力, 服务与产品
        Assert.Contains("申请类型|☑备案  ☐登记", rows);
        Assert.Contains("备案号|Beijing-XingHeDuiHua-202612010001", rows);
        Assert.Contains("服务功能|☑人机对话  ☑文字生成  ☐图片生成  ☐声音合成  ☐视频合成  ☐代码生成", rows);
        Assert.Contains("限定领域说明|教育辅导", rows);
        Assert.Contains("所用已备案模型备案号|Beijing-WenXinYiYan-20230821", rows);
        Assert.Contains("语料来源及占比|公开网络数据 60%；自有数据 40%", rows);
        Assert.Contains(rows, r => r.StartsWith("服务形式|") && r.Contains("☑APP") && r.Contains("☑API") && r.Contains("☐网站"));
        var order = new[] { "模型名称|", "模型版本|", "服务功能|", "训练语料规模|", "推理算力|", "服务形式|", "用户规模|" }
            .Select(label => rows.FindIndex(r => r.StartsWith(label))).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void An_empty_registration_form_marks_what_is_missing_and_what_does_not_apply()
    {
        var form = new GenerativeAiServiceForm
        {
            DomainScope = GenerativeAiDomainScope.General, ModelSource = ModelSource.Own,
            CorpusSources = [new("公开网络数据", 70m)]
        };
        var rows = CellTexts(OnlineFilingFormDocument.Build(GenerativeAiFilingKind.Registration, form, null, null, null), out _);
        Assert.Contains("申请类型|☐备案  ☑登记", rows);
        Assert.Contains("上线编号|（审核通过后签发）", rows);
        Assert.Contains("备案单位|（未填写）", rows);
        Assert.Contains("模型名称|（未填写）", rows);
        Assert.Contains("限定领域说明|不适用", rows);
        Assert.Contains("所用已备案模型名称|不适用", rows);
        Assert.Contains("语料来源及占比|公开网络数据 70%（合计 70%）", rows);
        Assert.Contains("服务功能|☐人机对话  ☐文字生成  ☐图片生成  ☐声音合成  ☐视频合成  ☐代码生成", rows);
    }

    [Fact]
    public void Libreoffice_renders_it_to_a_pdf_with_the_forms_content()
    {
        var dir = Directory.CreateTempSubdirectory("suanbei-genai-form-").FullName;
        try
        {
            var docx = Path.Combine(dir, "form.docx");
            File.WriteAllBytes(docx, OnlineFilingFormDocument.Build(GenerativeAiFilingKind.Filing, Full, "北京星河智写科技有限公司",
                "北京市", null));
            ExternalTool.RunChecked("libreoffice", "-env:UserInstallation=file://" + Path.Combine(dir, "lo-profile"), "--headless",
                "--convert-to", "pdf", "--outdir", dir, docx);
            var pdf = Path.ChangeExtension(docx, ".pdf");
            Assert.True(File.Exists(pdf), "LibreOffice did not write the PDF");
            var text = string.Concat(ExternalTool.RunChecked("pdftotext", "-enc", "UTF-8", pdf, "-").Where(c => !char.IsWhiteSpace(c)));
            foreach (var expected in new[]
                     {
                         "生成式人工智能服务上线备案表", "北京星河智写科技有限公司", "星河对话大模型", "一、模型与功能", "二、语料与算力",
                         "三、服务与产品", "☑人机对话", "公开网络数据60%；自有数据40%", "A800GPU64张", "（审核通过后签发）", "备案单位（盖章）",
                     })
                Assert.Contains(expected, text);
            if (Environment.GetEnvironmentVariable("SUANBEI_TEST_ARTIFACTS") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                File.Copy(docx, Path.Combine(keep, OnlineFilingFormDocument.FileName), overwrite: true);
                File.Copy(pdf, Path.Combine(keep, Path.ChangeExtension(OnlineFilingFormDocument.FileName, ".pdf")), overwrite: true);
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
