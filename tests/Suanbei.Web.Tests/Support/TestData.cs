using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Suanbei.Core.Identifiers;
using Suanbei.Core.Subjects;

namespace Suanbei.Web.Tests.Support;

/// <summary>Valid identifiers (computed with the real check rules) and small real files of each accepted type.</summary>
public static class TestData
{
    private static int _counter = Random.Shared.Next(1000, 9000);

    /// <summary>A valid 统一社会信用代码 with the given two-character prefix (91 enterprise, 92 individual business, 11 government…).</summary>
    public static string CreditCode(string prefix = "91")
    {
        var body = $"{Interlocked.Increment(ref _counter) % 100000000:D8}"; // 8 organisation-code body digits
        int[] w = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (body[i] - '0') * w[i];
        var c = 11 - sum % 11;
        var org = body + (c switch { 10 => 'X', 11 => '0', _ => (char)('0' + c) });
        var first17 = prefix + "110108" + org;
        return first17 + Suanbei.Core.Identifiers.CreditCode.ExpectedCheckCharacter(first17);
    }

    /// <summary>A valid 18-character resident ID number (GB 11643 check character).</summary>
    public static string ResidentId(string birth = "19900307", string seq = "123")
    {
        var first17 = "110108" + birth + seq;
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * w[i];
        return first17 + "10X98765432"[sum % 11];
    }

    public static SubjectDetails CompleteDetails(string? creditCode = null) => new()
    {
        Name = "北京示例科技有限公司", CreditCode = creditCode ?? CreditCode(), RegionCode = "110108", Address = "北京市海淀区中关村大街1号",
        Website = "https://example.cn", MonthlyActiveUsers = 120000, CertificateType = "营业执照", CertificateAddress = "北京市海淀区中关村大街1号",
        CertificateValidity = "长期", LegalRepName = "张三", LegalRepIdType = "居民身份证", LegalRepIdNumber = ResidentId(),
        OfficerName = "李四", OfficerIdType = "居民身份证", OfficerIdNumber = ResidentId("19880515", "456"),
        OfficerMobile = "13800138000", OfficerEmail = "security@example.cn",
    };

    public static Dictionary<string, string> Form(SubjectDetails d)
    {
        var f = new Dictionary<string, string>();
        foreach (var p in typeof(SubjectDetails).GetProperties())
            if (p.PropertyType == typeof(string) || p.PropertyType == typeof(long?))
                f["Input." + p.Name] = p.GetValue(d)?.ToString() ?? "";
        return f;
    }

    public static byte[] Pdf(string text = "test") => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% " + text +
            "\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A real 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>A real 1×1 JPEG.</summary>
    public static byte[] Jpeg() => Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////" +
        "wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z");

    /// <summary>A real Word document made with the Open XML SDK.</summary>
    public static byte[] Docx(string text = "落实算法安全主体责任基本情况")
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return ms.ToArray();
    }

    /// <summary>A ZIP that is not a Word document (no word/document.xml).</summary>
    public static byte[] PlainZip()
    {
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open())) w.Write("not a docx");
        return ms.ToArray();
    }

    /// <summary>Bytes of a Windows executable header (what a disguised file looks like).</summary>
    public static byte[] Executable() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];
}
