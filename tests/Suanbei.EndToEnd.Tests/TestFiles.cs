using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace Suanbei.EndToEnd.Tests;

/// <summary>
/// Valid identifiers (computed with the real check rules) and small real files of each accepted type, as a person
/// would pick them in the file dialog. Same recipes as Suanbei.Web.Tests' TestData, kept here so the browser tests
/// do not depend on another test project.
/// </summary>
public static class TestFiles
{
    /// <summary>A valid 统一社会信用代码 of an enterprise (prefix 91, Haidian) with a random organisation-code body.</summary>
    public static string CreditCode()
    {
        var body = $"{Random.Shared.Next(0, 100_000_000):D8}";
        int[] w = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (body[i] - '0') * w[i];
        var c = 11 - sum % 11;
        var first17 = "91110108" + body + (c switch { 10 => 'X', 11 => '0', _ => (char)('0' + c) });
        return first17 + Suanbei.Core.Identifiers.CreditCode.ExpectedCheckCharacter(first17);
    }

    /// <summary>A valid 18-character resident ID number (GB 11643 check character).</summary>
    public static string ResidentId(string birth, string seq)
    {
        var first17 = "110108" + birth + seq;
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * w[i];
        return first17 + "10X98765432"[sum % 11];
    }

    public static FilePayload Pdf(string name, string text = "test") => new()
    {
        Name = name, MimeType = "application/pdf",
        Buffer = System.Text.Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% " + text +
                "\ntrailer<</Root 1 0 R>>\n%%EOF\n"),
    };

    /// <summary>A real 1×1 PNG.</summary>
    public static FilePayload Png(string name) => new()
    {
        Name = name, MimeType = "image/png",
        Buffer = Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
    };

    /// <summary>A real 1×1 JPEG.</summary>
    public static FilePayload Jpeg(string name) => new()
    {
        Name = name, MimeType = "image/jpeg",
        Buffer = Convert.FromBase64String(
            "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////" +
            "wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z"),
    };

    /// <summary>A real Word document made with the Open XML SDK.</summary>
    public static FilePayload Docx(string name, string text)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return new()
        {
            Name = name, MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = ms.ToArray()
        };
    }
}
