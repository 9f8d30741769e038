using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using P = DocumentFormat.OpenXml.Presentation;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Suanbei.Labels.Tests;

/// <summary>OOXML fixtures and peer reads with the Open XML SDK (a writer nobody here wrote).</summary>
public static class OfficeFixtures
{
    public static void Create(string path, string extension, string? aigc, string key = AigcKey.Name)
    {
        switch (extension)
        {
            case "docx":
                using (var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
                {
                    var main = doc.AddMainDocumentPart();
                    main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text("由人工智能生成的示例文本")))));
                    AddCustom(doc, aigc, key);
                }
                break;
            case "xlsx":
                using (var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
                {
                    var wb = doc.AddWorkbookPart();
                    wb.Workbook = new S.Workbook();
                    var ws = wb.AddNewPart<WorksheetPart>();
                    ws.Worksheet = new S.Worksheet(new S.SheetData());
                    wb.Workbook.AppendChild(new S.Sheets(new S.Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Sheet1" }));
                    AddCustom(doc, aigc, key);
                }
                break;
            case "pptx":
                using (var doc = PresentationDocument.Create(path, PresentationDocumentType.Presentation))
                {
                    var pp = doc.AddPresentationPart();
                    pp.Presentation = new P.Presentation();
                    AddCustom(doc, aigc, key);
                }
                break;
            default: throw new ArgumentException(extension);
        }
    }

    private static void AddCustom(OpenXmlPackage doc, string? aigc, string key)
    {
        if (aigc is null) return;
        CustomFilePropertiesPart part = doc switch
        {
            WordprocessingDocument w => w.AddCustomFilePropertiesPart(),
            SpreadsheetDocument s => s.AddCustomFilePropertiesPart(),
            PresentationDocument p => p.AddCustomFilePropertiesPart(),
            _ => throw new ArgumentException("package"),
        };
        part.Properties = new Properties(new CustomDocumentProperty(new VTLPWSTR(aigc))
        {
            FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", PropertyId = 2, Name = key,
        });
    }

    /// <summary>The AIGC custom property as the Open XML SDK reads it, or null.</summary>
    public static string? ReadAigc(string path)
    {
        using var doc = Path.GetExtension(path) switch
        {
            ".docx" => (OpenXmlPackage)WordprocessingDocument.Open(path, false),
            ".xlsx" => SpreadsheetDocument.Open(path, false),
            _ => PresentationDocument.Open(path, false),
        };
        var part = doc switch
        {
            WordprocessingDocument w => w.CustomFilePropertiesPart,
            SpreadsheetDocument s => s.CustomFilePropertiesPart,
            PresentationDocument p => p.CustomFilePropertiesPart,
            _ => null,
        };
        return part?.Properties?.Elements<CustomDocumentProperty>().FirstOrDefault(p => p.Name == "AIGC")?.InnerText;
    }
}
