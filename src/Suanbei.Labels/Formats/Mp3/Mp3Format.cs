using Suanbei.Labels.Formats.Io;
namespace Suanbei.Labels.Formats.Mp3;

/// <summary>
/// MP3: the label is an ID3v2 <c>TXXX</c> frame with description <c>AIGC</c> (v2.4: UTF-8; v2.3: UTF-16 with BOM;
/// every encoding and v2.2 <c>TXX</c> are read). Writing keeps every other frame, keeps the tag's version (v2.4 for a
/// new tag; a v2.2 tag is upgraded to v2.3 with every frame kept, or refused naming a frame v2.3 cannot hold — see
/// <see cref="Id3v22Upgrade"/>), drops the extended header (its CRC would no longer match) and unsynchronisation (optional for writers).
/// In place when the existing tag (with its padding) can hold the new one; copy mode adds 4 KiB of padding.
/// </summary>
public sealed class Mp3Format : IContainerFormat, IContentDigest
{
    private const int NewPadding = 4096;
    private const int MaxTags = 4;

    public string Name => "mp3";
    public IReadOnlyList<string> Extensions { get; } = [".mp3", ".mp2"];
    public bool SupportsInPlace => true;

    public bool Matches(ReadOnlySpan<byte> head, string extension)
    {
        if (head.Length >= 3 && head[..3].SequenceEqual("ID3"u8))
            return extension is not (".flac" or ".aac" or ".wav" or ".ogg" or ".m4a");
        // A bare MPEG audio frame sync (no tag): too weak alone, so the extension must agree.
        return head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && Extensions.Contains(extension);
    }

    public ContainerReadResult Read(Stream input)
    {
        var found = new List<FoundLabel>();
        try
        {
            long offset = 0;
            for (var n = 0; n < MaxTags && Id3Tag.TryReadHeader(input, offset, out _, out _, out _); n++)
            {
                var tag = Id3Tag.Parse(input, offset, out var error);
                foreach (var frame in tag?.Frames ?? [])
                    if (tag!.UserText(frame) is { } t && AigcKey.Matches(t.Description))
                        found.Add(new FoundLabel("mp3/ID3v2/TXXX/AIGC", t.Value));
                if (tag is null || error is not null) return ContainerReadResult.Damaged("ID3v2 标签损坏：" + error, found);
                offset += tag.TotalSize;
            }
            return new ContainerReadResult(found);
        }
        catch (Exception e) when (e is not OutOfMemoryException) // untrusted input: any failure is damage, never an exception
        {
            return ContainerReadResult.Damaged("MP3 结构损坏：" + e.Message, found);
        }
    }

    private static (Id3Tag? Tag, List<byte[]> Frames, int Major) Prepare(Stream input, AigcLabel label)
    {
        BoundedRead.RequireSeekable(input);
        if (!Id3Tag.TryReadHeader(input, 0, out _, out _, out _))
            return (null, [Id3Tag.BuildUserText(4, AigcKey.Name, label.ToJson())], 4);
        var tag = Id3Tag.Parse(input, 0, out var error);
        if (tag is null || error is not null) throw new LabelWriteException("ID3v2 标签损坏，未写入：" + error);
        if (tag.Major == 2 && (tag.Flags & 0x40) != 0)
            throw new LabelWriteException("ID3v2.2 标签声明了压缩（v2.2 未定义压缩方式，无法解读），未写入");
        if (Id3Tag.TryReadHeader(input, tag.TotalSize, out _, out _, out _))
        {
            var next = Id3Tag.Parse(input, tag.TotalSize, out _);
            if (next is null || next.Frames.Any(f => next.UserText(f) is { } t && AigcKey.Matches(t.Description)))
                throw new LabelWriteException("文件含多个 ID3v2 标签且后一个含标识，暂不支持写入");
        }
        var frames = new List<byte[]>();
        foreach (var frame in tag.Frames)
        {
            if (tag.UserText(frame) is { } t && AigcKey.Matches(t.Description)) continue;
            if (tag.Major == 2) { frames.Add(Id3v22Upgrade.ToV23(frame)); continue; }
            // v2.4 frames keep their own flags (incl. per-frame unsynchronisation) and stay valid as they are.
            var f2 = tag.Major == 4 && (tag.Flags & 0x80) != 0 ? (byte)(frame.Flags2 | 0x02) : frame.Flags2;
            frames.Add(Id3Tag.BuildFrame(tag.Major, frame.Id, frame.Flags1, f2, frame.Data));
        }
        var major = tag.Major == 2 ? 3 : tag.Major; // v2.2 is upgraded to v2.3 (see Id3v22Upgrade)
        frames.Add(Id3Tag.BuildUserText(major, AigcKey.Name, label.ToJson()));
        return (tag, frames, major);
    }

    public void Write(Stream input, Stream output, AigcLabel label)
    {
        var (tag, frames, major) = Prepare(input, label);
        var size = 10L + frames.Sum(f => (long)f.Length) + NewPadding;
        output.Write(Id3Tag.BuildTag(major, 0, frames, size));
        RangeCopy.CopyToEnd(input, tag?.TotalSize ?? 0, output);
    }

    public void WriteInPlace(FileStream file, AigcLabel label)
    {
        var (tag, frames, major) = Prepare(file, label);
        if (tag is null) throw new LabelWriteException("MP3 没有 ID3v2 标签，无法就地写入，请使用复制模式");
        var needed = 10L + frames.Sum(f => (long)f.Length);
        if (needed > tag.TotalSize)
            throw new LabelWriteException($"ID3v2 标签的填充空间不足（需要 {needed} 字节，现有 {tag.TotalSize} 字节），请使用复制模式");
        var bytes = Id3Tag.BuildTag(major, 0, frames, tag.TotalSize); // same total size: audio does not move
        file.Position = 0;
        file.Write(bytes);
        file.Flush(flushToDisk: false);
    }

    /// <summary>The signed content: every byte after the leading ID3v2 tag (audio frames, later tags, an ID3v1
    /// trailer), the whole file when there is no tag. The leading tag — where the label lives, rebuilt on every write —
    /// is not covered.</summary>
    public void WriteContentForHash(Stream input, Stream output)
    {
        BoundedRead.RequireSeekable(input);
        long audioAt = 0;
        if (Id3Tag.TryReadHeader(input, 0, out _, out _, out _))
        {
            var tag = Id3Tag.Parse(input, 0, out var error);
            if (tag is null || error is not null) throw new LabelWriteException("ID3v2 标签损坏：" + error);
            audioAt = tag.TotalSize;
        }
        RangeCopy.CopyToEnd(input, audioAt, output);
    }
}
