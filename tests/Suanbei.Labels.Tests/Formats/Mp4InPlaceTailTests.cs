using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Io;
using Suanbei.Labels.Formats.Mp4;

namespace Suanbei.Labels.Tests.Formats;

/// <summary>In-place MP4 writes with moov last rewrite only the end of moov that holds the label: what is read, what is
/// written, the shapes of moov around it, and the undo when the read-back fails.</summary>
public sealed class Mp4InPlaceTailTests : IClassFixture<AvFixtures>
{
    private readonly AvFixtures _fx;
    private readonly Mp4Format _mp4 = new();

    public Mp4InPlaceTailTests(AvFixtures fx) => _fx = fx;

    private static readonly AigcLabel SameLength = AigcLabel.ForProducer("001191440300708461136T1XGW3", "p-20250901-0002");
    private static readonly AigcLabel Shorter = AigcLabel.ForProducer("001191440300708461136T1XGW3", "p-1");
    private static readonly AigcLabel Longer = AigcLabel.ForProducer("001191440300708461136T1XGW3", "p-20250901-0001-with-a-longer-id");

    /// <summary>A file as ffmpeg writes it by default: ftyp, free, mdat, then moov (mvhd, traks, udta last). Made once
    /// and never changed (tests write into copies).</summary>
    private string Source()
    {
        var path = _fx.PathFor("tail.mp4");
        return File.Exists(path) ? path
            : _fx.Make("tail.mp4", [.. AvFixtures.Video, .. AvFixtures.Audio, "-c:v", "libx264", "-c:a", "aac", "-shortest"]);
    }

    private sealed record At(string Type, long Offset, long Size, int Header)
    {
        public long End => Offset + Size;
    }

    /// <summary>The boxes between <paramref name="start"/> and <paramref name="end"/>, by a tiny independent walker.</summary>
    private static List<At> Boxes(byte[] bytes, long start, long end)
    {
        var list = new List<At>();
        for (var o = start; o + 8 <= end;)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)o));
            var header = 8;
            if (size == 1) { size = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan((int)o + 8)); header = 16; }
            if (size == 0) size = end - o;
            list.Add(new At(Encoding.Latin1.GetString(bytes, (int)o + 4, 4), o, size, header));
            o += size;
        }
        return list;
    }

    private static At Moov(byte[] bytes) => Boxes(bytes, 0, bytes.Length).Single(b => b.Type == "moov");

    private static List<At> MoovChildren(byte[] bytes)
    {
        var moov = Moov(bytes);
        return Boxes(bytes, moov.Offset + moov.Header, moov.End);
    }

    /// <summary>A box with a 64-bit size (size field 1) instead of the 32-bit one it has.</summary>
    private static byte[] Large(byte[] box)
    {
        var large = new byte[box.Length + 8];
        BinaryPrimitives.WriteUInt32BigEndian(large, 1);
        box.AsSpan(4, 4).CopyTo(large.AsSpan(4));
        BinaryPrimitives.WriteUInt64BigEndian(large.AsSpan(8), (ulong)large.Length);
        box.AsSpan(8).CopyTo(large.AsSpan(16));
        return large;
    }

    /// <summary>The ffmpeg file with moov rebuilt in <paramref name="shape"/>. moov is last and the media before it, so
    /// moving moov's children or growing its headers changes no chunk offset.</summary>
    private string Reshaped(string shape)
    {
        var bytes = File.ReadAllBytes(Source());
        var moov = Moov(bytes);
        Assert.Equal(bytes.Length, moov.End);
        var children = MoovChildren(bytes).Select(c => (c.Type, Bytes: bytes[(int)c.Offset..(int)c.End])).ToList();
        Assert.Equal("udta", children[^1].Type);
        var udta = children[^1];
        if (shape is "udta-absent" or "udta-first") children.RemoveAt(children.Count - 1);
        if (shape == "udta-first") children.Insert(1, udta);
        if (shape == "udta-64-bit") children[^1] = (udta.Type, Large(udta.Bytes));
        var trak = children.FindIndex(c => c.Type == "trak");
        if (shape == "trak-64-bit") children[trak] = ("trak", Large(children[trak].Bytes));
        var content = children.SelectMany(c => c.Bytes).ToArray();
        var box = new byte[8 + content.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        "moov"u8.CopyTo(box.AsSpan(4));
        content.CopyTo(box, 8);
        if (shape == "moov-64-bit") box = Large(box);
        var file = _fx.PathFor($"tail-{shape}.mp4");
        File.WriteAllBytes(file, [.. bytes[..(int)moov.Offset], .. box]);
        Assert.Equal("", AvFixtures.DecodeErrors(file));
        return file;
    }

    /// <summary>Where the rewritten part of moov starts: its first udta/meta/uuid child, else its end.</summary>
    private static long TailStart(byte[] bytes) =>
        MoovChildren(bytes).FirstOrDefault(c => c.Type is "udta" or "meta" or "uuid")?.Offset ?? Moov(bytes).End;

    /// <summary>Every byte before <paramref name="tailStart"/> is unchanged, except moov's size field.</summary>
    private static void AssertUnchangedBefore(byte[] before, byte[] after, long tailStart)
    {
        var moov = Moov(before);
        var (field, width) = moov.Header == 16 ? (moov.Offset + 8, 8) : (moov.Offset, 4);
        Assert.True(after.Length >= tailStart);
        Assert.Equal(before[..(int)field], after[..(int)field]);
        Assert.Equal(before[(int)(field + width)..(int)tailStart], after[(int)(field + width)..(int)tailStart]);
    }

    private static void AssertPeersRead(string file, AigcLabel label, string originalFrames)
    {
        AvFixtures.Single(AvFixtures.Read(new Mp4Format(), file), label);
        Assert.Equal(label.ToJson(), AvFixtures.ProbeTags(file)["AIGC"]);
        Assert.Equal("", Suanbei.Testing.ExternalTool.Run("ffprobe", ["-v", "error", file]).StdErr.Trim());
        Assert.Contains(label.ToJson(), AvFixtures.ExifTool(file));
        Assert.Equal(originalFrames, AvFixtures.FrameHashes(file));
    }

    /// <summary>Records every read and write an in-place writer makes (unbuffered, so each call is one request).</summary>
    private sealed class RecordingFileStream(string path) : FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1)
    {
        public List<(long Offset, int Count)> Reads { get; } = [];
        public List<(long Offset, int Count)> Writes { get; } = [];

        // In a derived FileStream every span/byte overload funnels into these two.
        public override int Read(byte[] buffer, int offset, int count)
        {
            var at = Position;
            var n = base.Read(buffer, offset, count);
            Reads.Add((at, n));
            return n;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes.Add((Position, count));
            base.Write(buffer, offset, count);
        }
    }

    [Fact]
    public void Writing_into_an_ffmpeg_file_reads_box_headers_of_the_tracks_and_writes_only_moov_size_and_the_end()
    {
        var file = _fx.Copy(Source(), "tail-recorded.mp4");
        var before = File.ReadAllBytes(file);
        var moov = Moov(before);
        var children = MoovChildren(before);
        var udta = children[^1];
        Assert.Equal("udta", udta.Type);
        using (var s = new RecordingFileStream(file)) _mp4.WriteInPlace(s, AvFixtures.Label);

        // The tracks' sample tables are never read: inside a trak, every read is one box header.
        var traks = children.Where(c => c.Type == "trak").ToList();
        Assert.NotEmpty(traks);
        using (var s = new RecordingFileStream(file))
        {
            _mp4.WriteInPlace(s, AvFixtures.OtherLabel);
            Assert.All(s.Reads.Where(r => traks.Any(t => r.Offset < t.End && r.Offset + r.Count > t.Offset)),
                r => Assert.True(r.Count <= 16, $"read of {r.Count} bytes at {r.Offset} inside a trak"));
            // Writes: moov's size field, then only from udta on.
            Assert.All(s.Writes, w => Assert.True(w.Offset == moov.Offset && w.Count == 4 || w.Offset >= udta.Offset,
                $"write of {w.Count} bytes at {w.Offset}"));
            Assert.True(s.Writes.Sum(w => w.Count) < udta.Size + AvFixtures.OtherLabel.ToJson().Length + 200);
        }
        AssertUnchangedBefore(before, File.ReadAllBytes(file), udta.Offset);
        AssertPeersRead(file, AvFixtures.OtherLabel, AvFixtures.FrameHashes(Source()));
    }

    [Theory]
    [InlineData("udta-absent")]
    [InlineData("udta-first")]
    [InlineData("moov-64-bit")]
    [InlineData("udta-64-bit")]
    [InlineData("trak-64-bit")]
    public void Each_shape_of_moov_gets_the_label_with_the_bytes_before_its_end_untouched(string shape)
    {
        var file = Reshaped(shape);
        var frames = AvFixtures.FrameHashes(file);
        var before = File.ReadAllBytes(file);
        LabelFile.WriteInPlace(file, AvFixtures.Label);
        var after = File.ReadAllBytes(file);
        AssertUnchangedBefore(before, after, TailStart(before));
        AssertPeersRead(file, AvFixtures.Label, frames);
        // 64-bit headers stay 64-bit: nothing before them had to move.
        if (shape == "moov-64-bit") Assert.Equal(16, Moov(after).Header);
        if (shape == "udta-64-bit") Assert.Equal(16, MoovChildren(after).Single(c => c.Type == "udta").Header);
        if (shape == "udta-first") Assert.Equal("udta", MoovChildren(after)[1].Type);
        if (shape == "trak-64-bit") Assert.Equal(16, MoovChildren(after).First(c => c.Type == "trak").Header);
    }

    [Fact]
    public void The_content_digest_does_not_depend_on_64_bit_headers_kept_inside_moov()
    {
        byte[] Digest(string file)
        {
            using var input = File.OpenRead(file);
            using var output = new MemoryStream();
            _mp4.WriteContentForHash(input, output);
            return output.ToArray();
        }
        var large = Reshaped("trak-64-bit");
        Assert.Equal(16, MoovChildren(File.ReadAllBytes(large)).First(c => c.Type == "trak").Header);
        Assert.Equal(Digest(Source()), Digest(large));
    }

    [Fact]
    public void Replacing_a_label_with_one_of_the_same_length_shorter_or_longer_changes_only_the_end()
    {
        var file = _fx.Copy(Source(), "tail-replace.mp4");
        var frames = AvFixtures.FrameHashes(file);
        LabelFile.WriteInPlace(file, AvFixtures.Label);
        var previous = AvFixtures.Label;
        foreach (var label in new[] { SameLength, Shorter, Longer })
        {
            var before = File.ReadAllBytes(file);
            var tailStart = TailStart(before);
            LabelFile.WriteInPlace(file, label);
            var after = File.ReadAllBytes(file);
            AssertUnchangedBefore(before, after, tailStart);
            Assert.Equal(before.Length + label.ToJson().Length - previous.ToJson().Length, after.Length);
            if (label == SameLength)
                Assert.True(before.Zip(after).Count(p => p.First != p.Second) <= 4, "a same-length label changes only its differing bytes");
            AssertPeersRead(file, label, frames);
            previous = label;
        }
    }

    /// <summary>The real MP4 writer, then one byte of the label's value damaged, so the read-back fails.</summary>
    private sealed class DamagingMp4 : IContainerFormat
    {
        private readonly Mp4Format _mp4 = new();
        public string Name => _mp4.Name;
        public IReadOnlyList<string> Extensions => _mp4.Extensions;
        public bool SupportsInPlace => true;
        public bool Matches(ReadOnlySpan<byte> head, string extension) => _mp4.Matches(head, extension);
        public ContainerReadResult Read(Stream input) => _mp4.Read(input);
        public void Write(Stream input, Stream output, AigcLabel label) => _mp4.Write(input, output, label);
        public void WriteInPlace(FileStream file, AigcLabel label)
        {
            _mp4.WriteInPlace(file, label);
            file.Seek(-2, SeekOrigin.End); // the value's closing quote, before "}": moov and its label are last
            file.WriteByte((byte)'X');
        }
    }

    [Fact]
    public void A_failed_read_back_puts_back_every_byte_and_the_length_whether_the_file_grew_or_shrank()
    {
        var file = _fx.Copy(Source(), "tail-undo.mp4");
        var original = File.ReadAllBytes(file);
        var grew = Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(file, AvFixtures.Label, new DamagingMp4()));
        Assert.Contains("已恢复原文件", grew.Message);
        Assert.Equal(original, File.ReadAllBytes(file));

        LabelFile.WriteInPlace(file, Longer);
        var labelled = File.ReadAllBytes(file);
        var shrank = Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(file, Shorter, new DamagingMp4()));
        Assert.Contains("已恢复原文件", shrank.Message);
        Assert.Equal(labelled, File.ReadAllBytes(file));
    }

    /// <summary>Every box header inside moov (containers opened as the parser opens them), by the test's walker.</summary>
    private static List<At> AllBoxesIn(byte[] bytes, At box)
    {
        string[] containers = ["moov", "trak", "mdia", "minf", "stbl", "udta", "meta", "edts", "mvex"];
        var content = box.Offset + box.Header;
        if (box.Type == "meta" && Encoding.Latin1.GetString(bytes, (int)content + 4, 4) != "hdlr") content += 4;
        var all = new List<At>();
        foreach (var child in Boxes(bytes, content, box.End))
        {
            all.Add(child);
            if (containers.Contains(child.Type)) all.AddRange(AllBoxesIn(bytes, child));
        }
        return all;
    }

    [Fact]
    public void The_tail_reader_finds_damage_exactly_where_parsing_the_whole_moov_does()
    {
        var bytes = File.ReadAllBytes(Source());
        var moov = Moov(bytes);
        var boxes = AllBoxesIn(bytes, moov);
        Assert.Contains(boxes, b => b.Type == "stsz"); // the walk reached the sample tables
        var random = new Random(11);
        var damaged = 0;
        for (var i = 0; i < 600; i++)
        {
            var box = boxes[random.Next(boxes.Count)];
            var m = (byte[])bytes.Clone();
            uint[] sizes = [0, 1, 3, 7, 8, (uint)box.Size - 1, (uint)box.Size + 1, (uint)box.Size + (uint)random.Next(1, 5000),
                (uint)random.Next()];
            BinaryPrimitives.WriteUInt32BigEndian(m.AsSpan((int)box.Offset), sizes[random.Next(sizes.Length)]);
            if (random.Next(4) == 0) m[box.Offset + 4 + random.Next(4)] ^= (byte)(1 << random.Next(8)); // the type too
            using var s = new MemoryStream(m);
            var header = BmffBoxes.ReadChildren(s, 0, s.Length, out _).FirstOrDefault(b => b.Type == "moov");
            if (header is null) continue;
            var whole = Mp4Format.LoadMoov(s, header, out var error);
            string? tailError = null;
            try { MoovTail.Load(s, header); }
            catch (FormatException e) { tailError = $"moov 盒子（偏移 {header.Offset}）损坏：{e.Message}"; }
            Assert.Equal(error, whole is null ? tailError ?? "(tail reader found no damage)" : tailError);
            if (error is not null) damaged++;
        }
        Assert.InRange(damaged, 100, 590); // both outcomes were exercised
    }

    [Fact]
    public void Changed_ranges_are_the_differing_runs_and_the_growth()
    {
        byte[] old = [.. new byte[40], 1, 2, 3];
        byte[] updated = [9, .. new byte[39], 1, 2, 3, 7, 7];
        Assert.Equal(new (int, int)[] { (0, 1), (43, 45) }, MoovTail.ChangedRanges(old, updated));
        // Differences closer than the gap are one write; equal input needs none.
        byte[] near = [.. old];
        near[0] = 5;
        near[10] = 5;
        Assert.Equal(new (int, int)[] { (0, 11) }, MoovTail.ChangedRanges(old, near));
        Assert.Empty(MoovTail.ChangedRanges(old, old));
        // Shorter: only differing runs inside the new length (the caller truncates).
        Assert.Equal(new (int, int)[] { (0, 1) }, MoovTail.ChangedRanges(old, updated[..30]));
    }
}
