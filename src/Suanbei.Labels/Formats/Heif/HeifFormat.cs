using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Heif;

/// <summary>
/// HEIF / HEIC / AVIF (ISO/IEC 23008-12). Reads XMP items (<c>mime</c> item, content type application/rdf+xml) of the
/// top-level <c>meta</c> box, from the file or from <c>idat</c>. Writes through <see cref="HeifWriter"/> (copy mode only:
/// <c>meta</c> grows, so the data after it moves).
/// </summary>
public sealed class HeifFormat : IContainerFormat, IContentDigest
{
    private static readonly HashSet<string> Brands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "mif2", "msf1", "avif",
        "avis", "avci"];

    public string Name => "heif";
    public IReadOnlyList<string> Extensions { get; } = [".heic", ".heif", ".avif", ".hif"];
    public bool SupportsInPlace => false;

    public bool Matches(ReadOnlySpan<byte> head, string extension) =>
        head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8) && Brands.Contains(Encoding.Latin1.GetString(head[8..12]));

    public ContainerReadResult Read(Stream input)
    {
        var top = HeifItems.Boxes(input, 0, input.Length, out var damage, topLevel: true);
        if (top is null) return ContainerReadResult.Damaged("HEIF " + damage);
        var meta = top.FirstOrDefault(b => b.Type == "meta");
        if (meta is null) return ContainerReadResult.Damaged("HEIF 缺少 meta 盒");
        var children = HeifItems.Boxes(input, meta.PayloadOffset + 4, meta.End, out damage);
        if (children is null) return ContainerReadResult.Damaged("HEIF meta " + damage);
        var iinfBox = children.FirstOrDefault(b => b.Type == "iinf");
        var ilocBox = children.FirstOrDefault(b => b.Type == "iloc");
        if (iinfBox is null || ilocBox is null) return ContainerReadResult.Damaged("HEIF meta 缺少 iinf 或 iloc");
        var iinf = BmffBoxes.Payload(input, iinfBox);
        var iloc = BmffBoxes.Payload(input, ilocBox);
        if (iinf is null || iloc is null) return ContainerReadResult.Damaged("HEIF iinf/iloc 过大或被截断");
        var labels = new List<FoundLabel>();
        foreach (var id in HeifItems.XmpItems(iinf, out damage))
        {
            var extents = HeifItems.Extents(iloc, id, out var bad);
            if (extents is null) return ContainerReadResult.Damaged("HEIF " + bad, labels);
            var idat = children.FirstOrDefault(b => b.Type == "idat");
            var data = new MemoryStream();
            foreach (var (method, offset, length) in extents)
            {
                long start = method switch { 0 => offset, 1 when idat is not null => idat.PayloadOffset + offset, _ => -1 };
                var end = method == 1 ? idat!.End : input.Length;
                var len = length == 0 ? end - start : length;
                if (start < 0 || start > end || len < 0 || len > end - start || data.Length + len > IoLimits.MaxMetadataItem)
                    return ContainerReadResult.Damaged($"HEIF XMP 项 {id} 的位置无效", labels);
                input.Position = start;
                RangeCopy.CopyExactly(input, data, len);
            }
            labels.AddRange(Xmp.FindAigcValues(Encoding.UTF8.GetString(data.ToArray())).Select(v => new FoundLabel("heif/meta/XMP", v)));
        }
        return new ContainerReadResult(labels, damage is null ? null : "HEIF " + damage);
    }

    public void Write(Stream input, Stream output, AigcLabel label) => HeifWriter.Write(input, output, label);

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException("HEIF/AVIF 不支持原地写入（meta 盒变大，其后数据需移动）");

    /// <summary>Signature content: every top-level box in file order except <c>meta</c> and an <c>mdat</c> that holds
    /// exactly a label-carrying XMP item; then the children of <c>meta</c> except <c>iinf</c>, <c>iloc</c> and
    /// <c>iref</c> (which change when the label item is added or moved). Image data in <c>mdat</c> and the item
    /// properties (<c>iprp</c>) are covered; item locations are not.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        var top = HeifItems.Boxes(input, 0, input.Length, out var damage, topLevel: true)
            ?? throw new LabelWriteException("HEIF 文件损坏：" + damage);
        var meta = top.FirstOrDefault(b => b.Type == "meta") ?? throw new LabelWriteException("HEIF 缺少 meta 盒");
        var children = HeifItems.Boxes(input, meta.PayloadOffset + 4, meta.End, out damage)
            ?? throw new LabelWriteException("HEIF meta 损坏：" + damage);
        var labelBoxes = LabelMdats(input, top, children);
        foreach (var b in top.Where(b => b != meta && !labelBoxes.Contains(b)))
        {
            input.Position = b.Offset;
            RangeCopy.CopyExactly(input, output, b.End - b.Offset);
        }
        foreach (var c in children.Where(c => c.Type is not ("iinf" or "iloc" or "iref")))
        {
            input.Position = c.Offset;
            RangeCopy.CopyExactly(input, output, c.End - c.Offset);
        }
    }

    /// <summary>Top-level mdat boxes whose whole payload is one XMP item that carries a label.</summary>
    private static HashSet<BoxHeader> LabelMdats(Stream input, List<BoxHeader> top, List<BoxHeader> children)
    {
        var result = new HashSet<BoxHeader>();
        var iinfBox = children.FirstOrDefault(b => b.Type == "iinf");
        var ilocBox = children.FirstOrDefault(b => b.Type == "iloc");
        if (iinfBox is null || ilocBox is null) return result;
        var iinf = BmffBoxes.Payload(input, iinfBox);
        var iloc = BmffBoxes.Payload(input, ilocBox);
        if (iinf is null || iloc is null) return result;
        foreach (var id in HeifItems.XmpItems(iinf, out _))
        {
            var extents = HeifItems.Extents(iloc, id, out _);
            if (extents is not [(0, var offset, var length)]) continue;
            var box = top.FirstOrDefault(b => b.Type == "mdat" && b.PayloadOffset == offset && b.End - b.PayloadOffset == length);
            if (box is null) continue;
            input.Position = offset;
            var xmp = BoundedRead.TryRead(input, length);
            if (xmp is not null && Xmp.HasAigc(Encoding.UTF8.GetString(xmp))) result.Add(box);
        }
        return result;
    }
}
