using Suanbei.Labels.Formats.Io;
namespace Suanbei.Labels.Formats.Gif;

/// <summary>
/// GIF. Reads the Application Extension "XMP DataXMP" (XMP with the 258-byte magic trailer). Writes one such
/// extension right after the header and global colour table (version raised to GIF89a when needed), merging and
/// replacing any existing XMP extension.
/// </summary>
public sealed class GifFormat : IContainerFormat, IContentDigest
{
    public string Name => "gif";
    public IReadOnlyList<string> Extensions { get; } = [".gif"];
    public bool SupportsInPlace => false;

    public bool Matches(ReadOnlySpan<byte> head, string extension) => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8);

    public ContainerReadResult Read(Stream input)
    {
        var (_, blocks, damage) = GifBlocks.Walk(input);
        return new ContainerReadResult(blocks.SelectMany(GifBlocks.LabelsIn).ToList(), damage);
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var (headerLength, blocks, damage) = GifBlocks.Walk(input);
        if (damage is not null) throw new LabelWriteException("GIF 文件损坏，未写入：" + damage);
        var existing = blocks.FirstOrDefault(b => b.IsXmp);
        var header = new byte[headerLength];
        input.Position = 0;
        BoundedRead.TryReadExactly(input, header);
        "89a"u8.CopyTo(header.AsSpan(3)); // extensions need GIF89a
        output.Write(header);
        output.Write(GifBlocks.XmpExtension(Xmp.Merge(existing?.XmpText, label)));
        foreach (var b in blocks)
        {
            if (b == existing || GifBlocks.LabelsIn(b).Count > 0) continue;
            input.Position = b.Offset;
            RangeCopy.CopyExactly(input, output, b.Length);
        }
        output.WriteByte(0x3B);
    }

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException("GIF 不支持原地写入");

    /// <summary>Signature content: header, logical screen descriptor and global colour table, then every block in file
    /// order except XMP application extensions carrying a label, then the trailer byte.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        var (headerLength, blocks, damage) = GifBlocks.Walk(input);
        if (damage is not null) throw new LabelWriteException("GIF 文件损坏：" + damage);
        input.Position = 0;
        RangeCopy.CopyExactly(input, output, headerLength);
        foreach (var b in blocks.Where(b => GifBlocks.LabelsIn(b).Count == 0))
        {
            input.Position = b.Offset;
            RangeCopy.CopyExactly(input, output, b.Length);
        }
        output.WriteByte(0x3B);
    }
}
