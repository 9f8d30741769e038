using System.IO.Compression;
using System.Xml.Linq;
using Suanbei.Labels.Formats.Zip;

namespace Suanbei.Labels.Formats.Ofd;

/// <summary>
/// OFD (GB/T 33190-2016): the label is <c>&lt;ofd:CustomData Name="AIGC"&gt;{json}&lt;/ofd:CustomData&gt;</c> in the
/// first DocBody's DocInfo/CustomDatas of the entry file OFD.xml (CustomDatas is DocInfo's last child; it is added
/// there when missing, and dropped again when the label was its only entry, for the signed content). Labels in any
/// DocBody are read and removed.
/// </summary>
public sealed class OfdFormat : ZipXmlFormat
{
    private static readonly XNamespace Ns = "http://www.ofdspec.org/2016";
    private const string EntryPart = "OFD.xml";

    public override string Name => "ofd";
    public override IReadOnlyList<string> Extensions { get; } = [".ofd"];
    protected override string Placement => "ofd/OFD.xml/CustomData/AIGC";

    public override bool Matches(ReadOnlySpan<byte> head, string extension) =>
        head.StartsWith("PK\x03\x04"u8) && (extension == ".ofd" || head.Length >= 37 && head[30..].StartsWith("OFD.xml"u8));

    protected override string? LabelPart(ZipArchive zip, out string? why)
    {
        why = zip.GetEntry(EntryPart) is null ? $"缺少 {EntryPart}，不是 OFD 文档" : null;
        return why is null ? EntryPart : null;
    }

    private static IEnumerable<XElement> CustomData(XDocument part) =>
        part.Root?.Elements(Ns + "DocBody").Elements(Ns + "DocInfo").Elements(Ns + "CustomDatas").Elements(Ns + "CustomData")
            .Where(c => AigcKey.Matches((string?)c.Attribute("Name") ?? "")) ?? [];

    protected override IEnumerable<string> Labels(XDocument part)
    {
        if (part.Root?.Name != Ns + "OFD") throw new System.Xml.XmlException("OFD.xml 的根元素不是 ofd:OFD");
        return CustomData(part).Select(c => c.Value);
    }

    protected override void Strip(XDocument part)
    {
        var lists = CustomData(part).Select(c => c.Parent!).Distinct().ToList();
        CustomData(part).Remove();
        foreach (var list in lists.Where(l => !l.HasElements)) list.Remove();
    }

    protected override void Add(XDocument part, AigcLabel label)
    {
        var body = part.Root?.Element(Ns + "DocBody") ?? throw new LabelWriteException("OFD.xml 缺少 DocBody，未写入");
        var info = body.Element(Ns + "DocInfo");
        if (info is null) body.AddFirst(info = new XElement(Ns + "DocInfo"));
        var list = info.Element(Ns + "CustomDatas");
        if (list is null) info.Add(list = new XElement(Ns + "CustomDatas"));
        list.Add(new XElement(Ns + "CustomData", new XAttribute("Name", AigcKey.Name), label.ToJson()));
    }
}
