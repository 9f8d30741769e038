using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>EPUB and OFD packages laid out by Info-ZIP's <c>zip</c> (EPUB: <c>mimetype</c> first and stored, as OCF
/// requires), with checks that a written package is still one.</summary>
public static class ZipPackageFixtures
{
    public const string Opf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
          <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:identifier id="id">urn:uuid:5f0c1a2e-0000-4000-8000-000000000001</dc:identifier>
            <dc:title>示例电子书</dc:title>
            <dc:language>zh-CN</dc:language>
            <meta property="dcterms:modified">2025-09-01T00:00:00Z</meta>
          </metadata>
          <manifest><item id="c1" href="c1.xhtml" media-type="application/xhtml+xml" properties="nav"/></manifest>
          <spine><itemref idref="c1"/></spine>
        </package>
        """;

    public static string Epub(Fixtures f, string name = "plain", string opf = Opf)
    {
        var dir = f.Path(name + "-epub");
        Directory.CreateDirectory(Path.Combine(dir, "META-INF"));
        Directory.CreateDirectory(Path.Combine(dir, "OEBPS"));
        File.WriteAllText(Path.Combine(dir, "mimetype"), "application/epub+zip");
        File.WriteAllText(Path.Combine(dir, "META-INF", "container.xml"), """
            <?xml version="1.0"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
            </container>
            """);
        File.WriteAllText(Path.Combine(dir, "OEBPS", "content.opf"), opf);
        File.WriteAllText(Path.Combine(dir, "OEBPS", "c1.xhtml"),
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>一</title></head><body><p>第一章正文。</p></body></html>");
        var path = f.Path(name + ".epub");
        ExternalTool.RunChecked("sh", "-c", $"cd '{dir}' && zip -qX0 '{path}' mimetype && zip -qXr9 '{path}' META-INF OEBPS");
        return path;
    }

    public static string Ofd(Fixtures f, string name = "plain", string? customDatas = null)
    {
        var dir = f.Path(name + "-ofd");
        Directory.CreateDirectory(Path.Combine(dir, "Doc_0", "Pages", "Page_0"));
        File.WriteAllText(Path.Combine(dir, "OFD.xml"), $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">
              <ofd:DocBody>
                <ofd:DocInfo>
                  <ofd:DocID>6c2f0d3a7b1e4c2a9f0e1d2c3b4a5968</ofd:DocID>
                  <ofd:Title>示例版式文档</ofd:Title>
                  <ofd:CreationDate>2025-09-01</ofd:CreationDate>{customDatas}
                </ofd:DocInfo>
                <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>
              </ofd:DocBody>
            </ofd:OFD>
            """);
        File.WriteAllText(Path.Combine(dir, "Doc_0", "Document.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <ofd:Document xmlns:ofd="http://www.ofdspec.org/2016">
              <ofd:CommonData>
                <ofd:MaxUnitID>2</ofd:MaxUnitID>
                <ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>
              </ofd:CommonData>
              <ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>
            </ofd:Document>
            """);
        File.WriteAllText(Path.Combine(dir, "Doc_0", "Pages", "Page_0", "Content.xml"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2"/></ofd:Content></ofd:Page>
            """);
        var path = f.Path(name + ".ofd");
        ExternalTool.RunChecked("sh", "-c", $"cd '{dir}' && zip -qXr9 '{path}' OFD.xml Doc_0");
        return path;
    }

    /// <summary>Info-ZIP tests every entry; OCF: <c>mimetype</c> is still the first entry, stored, so its content
    /// sits at byte 38; exiftool still sees an EPUB.</summary>
    public static void EpubCheck(string path)
    {
        ExternalTool.RunChecked("unzip", "-tq", path);
        var head = File.ReadAllBytes(path).AsSpan(0, 58);
        Assert.True(head[30..].StartsWith("mimetypeapplication/epub+zip"u8), "mimetype is not the first stored entry");
        Assert.Equal("EPUB", Fixtures.ExifTool("-s3", "-FileType", path).Trim());
    }

    /// <summary>Info-ZIP tests every entry; OFD.xml is well-formed with its other DocInfo children kept.</summary>
    public static void OfdCheck(string path)
    {
        ExternalTool.RunChecked("unzip", "-tq", path);
        var xml = ExternalTool.RunChecked("unzip", "-p", path, "OFD.xml");
        var doc = System.Xml.Linq.XDocument.Parse(xml);
        System.Xml.Linq.XNamespace ns = "http://www.ofdspec.org/2016";
        Assert.Equal("示例版式文档", doc.Root!.Element(ns + "DocBody")!.Element(ns + "DocInfo")!.Element(ns + "Title")!.Value);
    }
}
