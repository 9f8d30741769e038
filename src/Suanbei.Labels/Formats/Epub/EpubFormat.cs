using System.IO.Compression;
using System.Xml.Linq;
using Suanbei.Labels.Formats.Zip;

namespace Suanbei.Labels.Formats.Epub;

/// <summary>
/// EPUB 2/3: the label is a <c>&lt;meta name="AIGC" content="{json}"/&gt;</c> in the package document's
/// <c>metadata</c> (the OPF named first in META-INF/container.xml). Read too: an EPUB 3
/// <c>&lt;meta property="…AIGC…"&gt;{json}&lt;/meta&gt;</c>. exiftool reads the written meta (XML:MetaName/MetaContent).
/// </summary>
public sealed class EpubFormat : ZipXmlFormat
{
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    private static readonly XNamespace Container = "urn:oasis:names:tc:opendocument:xmlns:container";
    private const string ContainerPart = "META-INF/container.xml";

    public override string Name => "epub";
    public override IReadOnlyList<string> Extensions { get; } = [".epub"];
    protected override string Placement => "epub/opf/meta/AIGC";

    /// <summary>EPUB's first entry is the stored <c>mimetype</c> (OCF 3.3 §4.3): its name at offset 30, its content at 38.</summary>
    public override bool Matches(ReadOnlySpan<byte> head, string extension) =>
        head.StartsWith("PK\x03\x04"u8) && (extension == ".epub"
            || head.Length >= 58 && head[30..].StartsWith("mimetype"u8) && head[38..].StartsWith("application/epub+zip"u8));

    protected override string? LabelPart(ZipArchive zip, out string? why)
    {
        why = null;
        if (zip.GetEntry(ContainerPart) is not { } container) { why = $"缺少 {ContainerPart}，不是 EPUB"; return null; }
        var rootfile = LoadXml(container).Descendants(Container + "rootfile")
            .Select(r => (string?)r.Attribute("full-path")).FirstOrDefault(p => !string.IsNullOrEmpty(p));
        if (rootfile is null) why = $"{ContainerPart} 未指明包文档（rootfile full-path）";
        return rootfile;
    }

    private static XElement Metadata(XDocument opf) =>
        opf.Root?.Element(Opf + "metadata") ?? throw new System.Xml.XmlException("包文档缺少 metadata 元素");

    protected override IEnumerable<string> Labels(XDocument part)
    {
        foreach (var meta in Metadata(part).Elements().Where(e => e.Name.LocalName == "meta"))
        {
            if (AigcKey.Matches((string?)meta.Attribute("name") ?? "")) yield return (string?)meta.Attribute("content") ?? "";
            else if (AigcKey.Matches((string?)meta.Attribute("property") ?? "")) yield return meta.Value;
        }
    }

    protected override void Strip(XDocument part) =>
        Metadata(part).Elements().Where(e => e.Name.LocalName == "meta"
            && (AigcKey.Matches((string?)e.Attribute("name") ?? "") || AigcKey.Matches((string?)e.Attribute("property") ?? ""))).Remove();

    protected override void Add(XDocument part, AigcLabel label) =>
        Metadata(part).Add(new XElement(Opf + "meta", new XAttribute("name", AigcKey.Name), new XAttribute("content", label.ToJson())));
}
