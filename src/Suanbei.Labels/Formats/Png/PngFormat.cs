using System.Text;
using Suanbei.Labels.Formats.Io;

namespace Suanbei.Labels.Formats.Png;

/// <summary>
/// PNG. Reads iTXt <c>XML:com.adobe.xmp</c> (TC260:AIGC), and tEXt/zTXt/iTXt with an AIGC keyword.
/// Writes one uncompressed iTXt XMP chunk right after IHDR (merging any existing XMP), dropping other label chunks.
/// </summary>
public sealed class PngFormat : IContainerFormat, IContentDigest
{
    public string Name => "png";
    public IReadOnlyList<string> Extensions { get; } = [".png", ".apng"];
    public bool SupportsInPlace => false;

    public bool Matches(ReadOnlySpan<byte> head, string extension) => head.StartsWith(PngChunks.Signature);

    public ContainerReadResult Read(Stream input)
    {
        var (chunks, damage) = PngChunks.Walk(input, textOnly: true);
        var labels = new List<FoundLabel>(1);
        foreach (var c in chunks)
        {
            PngChunks.AddLabels(c, labels, out var bad);
            damage ??= bad;
        }
        return new ContainerReadResult(labels, damage);
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var (chunks, damage) = PngChunks.Walk(input);
        if (damage is not null) throw new LabelWriteException("PNG 文件损坏，未写入：" + damage);
        // The XMP chunk goes right after IHDR, which the PNG specification puts first; without it there is no
        // place a reader would accept, and copying the file unchanged would report a label that is not there.
        if (chunks.Count == 0 || chunks[0].Type != "IHDR")
            throw new LabelWriteException("PNG 文件损坏，未写入：第一个数据块不是 IHDR");
        string? existingXmp = null;
        var skip = new HashSet<PngChunk>();
        foreach (var c in chunks.Where(c => c.IsText))
        {
            if (IsXmp(c, out var xmp))
            {
                if (existingXmp is null) { existingXmp = xmp; skip.Add(c); }
                else if (xmp is not null && Xmp.HasAigc(xmp)) skip.Add(c);
            }
            else if (PngChunks.LabelsIn(c, out _).Count > 0) skip.Add(c);
        }
        var newChunk = PngChunks.BuildITxt(PngChunks.XmpKeyword, Xmp.Merge(existingXmp, label));
        output.Write(PngChunks.Signature);
        foreach (var c in chunks)
        {
            if (skip.Contains(c)) continue;
            input.Position = c.Offset;
            if (!RangeCopy.CopyExactly(input, output, c.TotalLength)) throw new LabelWriteException("PNG 文件在写入时被截断");
            if (c.Type == "IHDR") output.Write(newChunk);
        }
    }

    public void WriteInPlace(FileStream file, AigcLabel label) =>
        throw new LabelWriteException("PNG 不支持原地写入（XMP 块须位于 IDAT 之前，需移动像素数据）");

    /// <summary>Signature content: the PNG signature and every chunk (length, type, data, CRC) in file order, except
    /// chunks that carry a label (tEXt/zTXt/iTXt with an AIGC keyword, iTXt XMP with a TC260:AIGC property).</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        var (chunks, damage) = PngChunks.Walk(input);
        if (damage is not null) throw new LabelWriteException("PNG 文件损坏：" + damage);
        output.Write(PngChunks.Signature);
        foreach (var c in chunks)
        {
            if (c.IsText && PngChunks.LabelsIn(c, out _).Count > 0) continue;
            input.Position = c.Offset;
            RangeCopy.CopyExactly(input, output, c.TotalLength);
        }
    }

    private static bool IsXmp(PngChunk c, out string? xmp)
    {
        xmp = null;
        if (c.Type != "iTXt" || !c.HasData) return false;
        var nul = c.Data.AsSpan().IndexOf((byte)0);
        if (nul <= 0 || Encoding.Latin1.GetString(c.Data.AsSpan(0, nul)) != PngChunks.XmpKeyword) return false;
        xmp = PngChunks.ITxtText(c.Data, nul, out _);
        return true;
    }
}
