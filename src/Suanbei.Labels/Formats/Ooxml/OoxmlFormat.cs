using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Suanbei.Labels.Formats.Ooxml;

/// <summary>
/// DOCX / XLSX / PPTX (and their macro/template variants). Reads the custom property named AIGC in
/// <c>docProps/custom.xml</c>. Writes it as <c>vt:lpwstr</c> by rewriting the ZIP (other entries copied, recompressed),
/// adding the <c>[Content_Types].xml</c> override and the <c>_rels/.rels</c> relationship when missing.
/// </summary>
public sealed class OoxmlFormat : IContainerFormat, IContentDigest
{
    public const string CustomPart = "docProps/custom.xml";
    private const string ContentTypesPart = "[Content_Types].xml";
    private const string RelsPart = "_rels/.rels";
    private const string CustomContentType = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
    private const string CustomRelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
    private const string FmtId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";
    private static readonly XNamespace Cp = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties";
    private static readonly XNamespace Vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
    private static readonly XNamespace Ct = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const int MaxPartSize = 8 * 1024 * 1024;
    private const int MaxEntries = 100_000;

    public string Name => "ooxml";
    public IReadOnlyList<string> Extensions { get; } = [".docx", ".xlsx", ".pptx", ".docm", ".xlsm", ".pptm", ".dotx", ".xltx", ".potx"];
    public bool SupportsInPlace => false;

    public bool Matches(ReadOnlySpan<byte> head, string extension) =>
        head.StartsWith("PK\x03\x04"u8) && (Extensions.Contains(extension) || head.Length > 30
            && head[30..].StartsWith("[Content_Types].xml"u8));

    public ContainerReadResult Read(Stream input)
    {
        try
        {
            using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries) return ContainerReadResult.Damaged("ZIP 条目过多");
            if (zip.GetEntry(ContentTypesPart) is null) return ContainerReadResult.Damaged("缺少 [Content_Types].xml，不是 OOXML 文档");
            var custom = zip.GetEntry(CustomPart);
            if (custom is null) return new ContainerReadResult([]);
            var doc = LoadXml(custom);
            var labels = doc.Root?.Elements(Cp + "property")
                .Where(p => AigcKey.Matches((string?)p.Attribute("name") ?? ""))
                .Select(p => new FoundLabel("ooxml/docProps/custom.xml/AIGC", p.Elements().FirstOrDefault()?.Value ?? ""))
                .ToList() ?? [];
            return new ContainerReadResult(labels);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            return ContainerReadResult.Damaged("OOXML/ZIP 结构无效：" + e.Message);
        }
    }

    private static XDocument LoadXml(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxPartSize) throw new InvalidDataException($"{entry.FullName} 过大");
        using var s = entry.Open();
        using var reader = XmlReader.Create(s, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            MaxCharactersInDocument = MaxPartSize, XmlResolver = null
        });
        return XDocument.Load(reader);
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        try
        {
            using var source = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            if (source.GetEntry(ContentTypesPart) is not { } ctEntry) throw new LabelWriteException("缺少 [Content_Types].xml，不是 OOXML 文档");
            using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            var wroteCustom = false;
            var wroteRels = false;
            foreach (var entry in source.Entries)
            {
                switch (entry.FullName)
                {
                    case ContentTypesPart: Save(target, entry, WithOverride(LoadXml(entry))); break;
                    case RelsPart: Save(target, entry, WithRelationship(LoadXml(entry))); wroteRels = true; break;
                    case CustomPart: Save(target, entry, WithProperty(LoadXml(entry), label)); wroteCustom = true; break;
                    default:
                        var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                        copy.LastWriteTime = entry.LastWriteTime;
                        using (var from = entry.Open())
                        using (var to = copy.Open())
                            from.CopyTo(to);
                        break;
                }
            }
            if (!wroteRels) Save(target, null, WithRelationship(new XDocument(new XElement(Rel + "Relationships"))), RelsPart);
            if (!wroteCustom) Save(target, null, WithProperty(new XDocument(new XElement(Cp + "Properties",
                new XAttribute(XNamespace.Xmlns + "vt", Vt))), label), CustomPart);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or NotSupportedException or ArgumentException)
        {
            throw new LabelWriteException("OOXML/ZIP 结构无效，未写入：" + e.Message);
        }
    }

    private static void Save(ZipArchive target, ZipArchiveEntry? like, XDocument doc, string? name = null)
    {
        var entry = target.CreateEntry(name ?? like!.FullName, CompressionLevel.Optimal);
        if (like is not null) entry.LastWriteTime = like.LastWriteTime;
        using var s = entry.Open();
        using var w = XmlWriter.Create(s, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        doc.Declaration ??= new XDeclaration("1.0", "UTF-8", "yes");
        doc.Save(w);
    }

    private static XDocument WithOverride(XDocument ct)
    {
        var root = ct.Root ?? throw new LabelWriteException("[Content_Types].xml 为空");
        if (!root.Elements(Ct + "Override").Any(o => (string?)o.Attribute("PartName") == "/" + CustomPart))
            root.Add(new XElement(Ct + "Override", new XAttribute("PartName", "/" + CustomPart),
                new XAttribute("ContentType", CustomContentType)));
        return ct;
    }

    private static XDocument WithRelationship(XDocument rels)
    {
        var root = rels.Root ?? throw new LabelWriteException("_rels/.rels 为空");
        if (root.Elements(Rel + "Relationship").Any(r => (string?)r.Attribute("Type") == CustomRelType)) return rels;
        var ids = root.Elements(Rel + "Relationship").Select(r => (string?)r.Attribute("Id")).ToHashSet();
        var n = 1;
        while (ids.Contains("rId" + n)) n++;
        root.Add(new XElement(Rel + "Relationship", new XAttribute("Id", "rId" + n), new XAttribute("Type", CustomRelType),
            new XAttribute("Target", CustomPart)));
        return rels;
    }

    private static XDocument WithProperty(XDocument custom, AigcLabel label)
    {
        var root = custom.Root ?? throw new LabelWriteException("docProps/custom.xml 为空");
        root.Elements(Cp + "property").Where(p => AigcKey.Matches((string?)p.Attribute("name") ?? "")).Remove();
        var pid = root.Elements(Cp + "property").Select(p => int.TryParse((string?)p.Attribute("pid"), out var v) ? v : 1).DefaultIfEmpty(1)
            .Max() + 1;
        root.Add(new XElement(Cp + "property", new XAttribute("fmtid", FmtId), new XAttribute("pid", Math.Max(pid, 2)),
            new XAttribute("name", AigcKey.Name),
            new XElement(Vt + "lpwstr", label.ToJson())));
        return custom;
    }

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException("OOXML 不支持原地写入（需重写 ZIP 目录）");

    /// <summary>Signature content: for every ZIP entry except <c>docProps/custom.xml</c>, in ordinal name order, the
    /// UTF-8 entry name, a 0 byte, the 8-byte big-endian uncompressed length and the uncompressed bytes. The
    /// relationship and content-type additions made when labelling are identical on every labelled file.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        try
        {
            using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            Span<byte> len = stackalloc byte[8];
            foreach (var entry in zip.Entries.Where(e => e.FullName != CustomPart).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                output.Write(Encoding.UTF8.GetBytes(entry.FullName));
                output.WriteByte(0);
                System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(len, entry.Length);
                output.Write(len);
                using var s = entry.Open();
                s.CopyTo(output);
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            throw new LabelWriteException(
            "OOXML/ZIP 结构无效：" + e.Message);
        }
    }
}
