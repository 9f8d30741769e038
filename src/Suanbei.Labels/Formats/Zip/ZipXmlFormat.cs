using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Suanbei.Labels.Formats.Zip;

/// <summary>
/// A ZIP package whose label lives in one XML part (EPUB's OPF package document, OFD's OFD.xml). Writing copies every
/// other entry through unchanged in order (stored entries stay stored, so EPUB's leading <c>mimetype</c> stays first
/// and uncompressed) and rewrites the label part. The content bytes hashed for signing are every entry in ordinal
/// name order as UTF-8 name, a 0 byte, the 8-byte big-endian length and the bytes — the label part in canonical form:
/// parsed without insignificant white space, its labels removed (<see cref="Strip"/>), serialized unformatted.
/// </summary>
public abstract class ZipXmlFormat : IContainerFormat, IContentDigest
{
    private const int MaxPartSize = 8 * 1024 * 1024;
    private const int MaxEntries = 100_000;

    public abstract string Name { get; }
    public abstract IReadOnlyList<string> Extensions { get; }
    public abstract bool Matches(ReadOnlySpan<byte> head, string extension);
    public bool SupportsInPlace => false;

    /// <summary>The stable placement id of labels found in the part.</summary>
    protected abstract string Placement { get; }

    /// <summary>Name of the part holding the label, or null with <paramref name="why"/> when the package is not one.</summary>
    protected abstract string? LabelPart(ZipArchive zip, out string? why);

    /// <summary>The raw values of every label in the part (the key rule <see cref="AigcKey"/> applies).</summary>
    protected abstract IEnumerable<string> Labels(XDocument part);

    /// <summary>Removes every label from the part.</summary>
    protected abstract void Strip(XDocument part);

    /// <summary>Adds <paramref name="label"/> to a part that has none.</summary>
    protected abstract void Add(XDocument part, AigcLabel label);

    public ContainerReadResult Read(Stream input)
    {
        try
        {
            using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries) return ContainerReadResult.Damaged("ZIP 条目过多");
            var name = LabelPart(zip, out var why);
            if (name is null) return ContainerReadResult.Damaged(why!);
            var entry = zip.GetEntry(name);
            if (entry is null) return ContainerReadResult.Damaged($"缺少 {name}");
            return new ContainerReadResult([.. Labels(LoadXml(entry)).Select(v => new FoundLabel(Placement, v))]);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException or ArgumentException)
        {
            return ContainerReadResult.Damaged($"{Name}/ZIP 结构无效：" + e.Message);
        }
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        try
        {
            using var source = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            var name = LabelPart(source, out var why) ?? throw new LabelWriteException(why!);
            if (source.GetEntry(name) is null) throw new LabelWriteException($"缺少 {name}，未写入");
            using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName,
                    entry.CompressedLength == entry.Length ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                copy.LastWriteTime = entry.LastWriteTime;
                using var to = copy.Open();
                if (entry.FullName == name)
                {
                    var doc = LoadXml(entry);
                    Strip(doc);
                    Add(doc, label);
                    doc.Declaration ??= new XDeclaration("1.0", "UTF-8", null);
                    using var w = XmlWriter.Create(to, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
                    doc.Save(w);
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or NotSupportedException or ArgumentException)
        {
            throw new LabelWriteException($"{Name}/ZIP 结构无效，未写入：" + e.Message);
        }
    }

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException($"{Name} 不支持原地写入（需重写 ZIP 目录）");

    public void WriteContentForHash(Stream input, Stream output)
    {
        try
        {
            using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true);
            var name = LabelPart(zip, out var why) ?? throw new LabelWriteException(why!);
            Span<byte> len = stackalloc byte[8];
            foreach (var entry in zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                output.Write(Encoding.UTF8.GetBytes(entry.FullName));
                output.WriteByte(0);
                if (entry.FullName == name)
                {
                    var doc = LoadXml(entry);
                    Strip(doc);
                    var canonical = Encoding.UTF8.GetBytes(doc.Root!.ToString(SaveOptions.DisableFormatting));
                    System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(len, canonical.Length);
                    output.Write(len);
                    output.Write(canonical);
                    continue;
                }
                System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(len, entry.Length);
                output.Write(len);
                using var s = entry.Open();
                s.CopyTo(output);
            }
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or ArgumentException)
        {
            throw new LabelWriteException($"{Name}/ZIP 结构无效：" + e.Message);
        }
    }

    /// <summary>Parses a part: bounded, no DTD, no external resolution, insignificant white space dropped.</summary>
    public static XDocument LoadXml(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxPartSize) throw new InvalidDataException($"{entry.FullName} 过大");
        using var s = entry.Open();
        using var reader = XmlReader.Create(s, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            MaxCharactersInDocument = MaxPartSize, XmlResolver = null,
        });
        return XDocument.Load(reader);
    }
}
