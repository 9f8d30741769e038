using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Mp4;

namespace Suanbei.Labels.Tests.Formats;

public sealed class Mp4Tests : IClassFixture<AvFixtures>
{
    private readonly AvFixtures _fx;
    private readonly Mp4Format _mp4 = new();

    public Mp4Tests(AvFixtures fx) => _fx = fx;

    private string MakeMp4(string name, params string[] extra) =>
        _fx.Make(name, [.. AvFixtures.Video, .. AvFixtures.Audio, "-c:v", "libx264", "-c:a", "aac", "-shortest", .. extra]);

    /// <summary>Top-level boxes (type, offset, size) as a tiny independent walker sees them.</summary>
    private static List<(string Type, long Offset, long Size)> TopBoxes(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var list = new List<(string, long, long)>();
        long o = 0;
        while (o + 8 <= bytes.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)o));
            var type = Encoding.Latin1.GetString(bytes, (int)o + 4, 4);
            if (size == 1) size = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan((int)o + 8));
            if (size == 0) size = bytes.Length - o;
            list.Add((type, o, size));
            o += size;
        }
        return list;
    }

    [Fact]
    public void Round_trip_moov_last_is_read_by_suanbei_and_ffprobe_and_still_decodes()
    {
        var input = MakeMp4("plain.mp4");
        Assert.Empty(AvFixtures.Read(_mp4, input).Labels);
        var output = AvFixtures.Write(_mp4, input, _fx.PathFor("plain-labeled.mp4"), AvFixtures.Label);

        var found = AvFixtures.Single(AvFixtures.Read(_mp4, output), AvFixtures.Label);
        Assert.Equal("mp4/moov/udta/meta/keys", found.Placement);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
        Assert.Equal("", AvFixtures.DecodeErrors(output));
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
    }

    [Fact]
    public void Xmp_label_written_by_exiftool_is_read_and_replaced_by_the_keys_label()
    {
        var input = MakeMp4("exif.mp4");
        var withXmp = _fx.PathFor("exif-xmp.mp4");
        Suanbei.Testing.ExternalTool.RunChecked("exiftool", "-config", _fx.ExifToolTc260Config(), "-XMP-TC260:AIGC=" +
            AvFixtures.OtherLabel.ToJson(), "-o", withXmp, input);
        var found = AvFixtures.Single(AvFixtures.Read(_mp4, withXmp), AvFixtures.OtherLabel);
        Assert.StartsWith("mp4/", found.Placement);
        Assert.EndsWith("XMP", found.Placement);

        var output = AvFixtures.Write(_mp4, withXmp, _fx.PathFor("exif-relabeled.mp4"), AvFixtures.Label);
        Assert.Equal("mp4/moov/udta/meta/keys", AvFixtures.Single(AvFixtures.Read(_mp4, output), AvFixtures.Label).Placement);
        var exif = AvFixtures.ExifTool(output);
        Assert.Contains(AvFixtures.Label.ToJson(), exif);              // exiftool reads Keys:AIGC
        Assert.DoesNotContain(AvFixtures.OtherLabel.ProduceID, exif);   // the old XMP label is gone
        Assert.Equal("", AvFixtures.DecodeErrors(output));
    }

    [Theory]
    [InlineData("clip.mov")]
    [InlineData("clip.m4a")]
    public void Round_trip_mov_and_m4a_are_read_by_ffprobe(string name)
    {
        var input = name.EndsWith(".m4a")
            ? _fx.Make(name, [.. AvFixtures.Audio, "-c:a", "aac"])
            : MakeMp4(name);
        var output = AvFixtures.Write(_mp4, input, _fx.PathFor("labeled-" + name), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_mp4, output), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
        Assert.Equal("", AvFixtures.DecodeErrors(output));
    }

    [Fact]
    public void Label_written_by_ffmpeg_is_read_and_replaced_keeping_other_keys()
    {
        var input = MakeMp4("ffmpeg-labeled.mp4", "-metadata", "AIGC=" + AvFixtures.OtherLabel.ToJson(), "-metadata", "title=keep me",
            "-movflags", "use_metadata_tags");
        var found = AvFixtures.Single(AvFixtures.Read(_mp4, input), AvFixtures.OtherLabel);
        Assert.Equal("mp4/moov/udta/meta/keys", found.Placement);

        var output = AvFixtures.Write(_mp4, input, _fx.PathFor("ffmpeg-relabeled.mp4"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_mp4, output), AvFixtures.Label);
        var tags = AvFixtures.ProbeTags(output);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("keep me", tags["title"]);
        Assert.Equal("", AvFixtures.DecodeErrors(output));
    }

    [Fact]
    public void Faststart_copy_rewrites_chunk_offsets_and_keeps_playing()
    {
        var input = MakeMp4("fast.mp4", "-movflags", "faststart");
        var boxes = TopBoxes(input);
        Assert.True(boxes.FindIndex(b => b.Type == "moov") < boxes.FindIndex(b => b.Type == "mdat"));
        var output = AvFixtures.Write(_mp4, input, _fx.PathFor("fast-labeled.mp4"), AvFixtures.Label);

        AvFixtures.Single(AvFixtures.Read(_mp4, output), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
        Assert.Equal("", AvFixtures.DecodeErrors(output));
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));

        // Copy mode left a free box after moov: a later relabel (e.g. by a propagator) can be done in place.
        var boxesOut = TopBoxes(output);
        Assert.True(boxesOut.Skip(boxesOut.FindIndex(b => b.Type == "moov") + 1).TakeWhile(b => b.Type == "free").Sum(b => b.Size) >= 4096);
        var inPlace = _fx.Copy(output, "fast-inplace.mp4");
        var mdatOut = boxesOut.Single(b => b.Type == "mdat");
        AvFixtures.WriteInPlace(_mp4, inPlace, AvFixtures.OtherLabel);
        Assert.Equal(AvFixtures.HashRange(output, mdatOut.Offset, mdatOut.Size),
            AvFixtures.HashRange(inPlace, mdatOut.Offset, mdatOut.Size));
        AvFixtures.Single(AvFixtures.Read(_mp4, inPlace), AvFixtures.OtherLabel);
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(inPlace));

        // Relabel (the moov size changes again) and it must still decode identically.
        var again = AvFixtures.Write(_mp4, output, _fx.PathFor("fast-relabeled.mp4"), AvFixtures.OtherLabel);
        AvFixtures.Single(AvFixtures.Read(_mp4, again), AvFixtures.OtherLabel);
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(again));
    }

    [Fact]
    public void Multi_megabyte_files_take_the_kernel_copy_path_and_stay_identical()
    {
        // > 1 MiB ranges go through copy_file_range on Linux; the media must come out bit-identical.
        string[] big = ["-f", "lavfi", "-i", "testsrc2=s=1280x720:r=25:d=3", "-f", "lavfi", "-i", "anoisesrc=d=3", "-c:v", "mpeg4", "-q:v",
            "1", "-c:a", "aac", "-b:a", "256k", "-shortest"];
        foreach (var (name, flags) in new[] { ("big-last.mp4", Array.Empty<string>()),
            ("big-fast.mp4", new[] { "-movflags", "faststart" }) })
        {
            var input = _fx.Make(name, [.. big, .. flags]);
            var mdat = TopBoxes(input).Single(b => b.Type == "mdat");
            Assert.True(mdat.Size > 2 << 20, $"fixture too small: {mdat.Size}");
            var output = AvFixtures.Write(_mp4, input, _fx.PathFor("labeled-" + name), AvFixtures.Label);
            var outMdat = TopBoxes(output).Single(b => b.Type == "mdat");
            Assert.Equal(AvFixtures.HashRange(input, mdat.Offset, mdat.Size), AvFixtures.HashRange(output, outMdat.Offset, outMdat.Size));
            AvFixtures.Single(AvFixtures.Read(_mp4, output), AvFixtures.Label);
            Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
        }
    }

    [Theory]
    [InlineData("frag_keyframe+empty_moov")]                   // tfhd carries absolute base_data_offset
    [InlineData("frag_keyframe+empty_moov+default_base_moof")] // offsets relative to moof
    public void Fragmented_mp4_keeps_playing_after_moov_grows(string movflags)
    {
        var input = MakeMp4($"frag-{movflags.Length}.mp4", "-movflags", movflags, "-frag_duration", "200000");
        var boxes = TopBoxes(input);
        Assert.Contains(boxes, b => b.Type == "moof");
        var output = AvFixtures.Write(_mp4, input, _fx.PathFor($"frag-{movflags.Length}-labeled.mp4"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_mp4, output), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
        Assert.Equal("", AvFixtures.DecodeErrors(output));
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
        var seek = Suanbei.Testing.ExternalTool.Run("ffmpeg", ["-v", "error", "-ss", "0.5", "-i", output, "-f", "null", "-"]);
        Assert.Equal("", seek.StdErr.Trim()); // mfra/tfra random access still points at moofs
    }

    [Fact]
    public void In_place_with_moov_last_leaves_media_bytes_identical()
    {
        var file = _fx.Copy(MakeMp4("inplace.mp4"), "inplace-work.mp4");
        var moov = TopBoxes(file).Single(b => b.Type == "moov");
        var before = AvFixtures.HashRange(file, 0, moov.Offset);

        AvFixtures.WriteInPlace(_mp4, file, AvFixtures.Label);
        Assert.Equal(before, AvFixtures.HashRange(file, 0, moov.Offset));
        AvFixtures.Single(AvFixtures.Read(_mp4, file), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(file)["AIGC"]);

        // A second in-place write replaces (never duplicates) the label.
        AvFixtures.WriteInPlace(_mp4, file, AvFixtures.OtherLabel);
        AvFixtures.Single(AvFixtures.Read(_mp4, file), AvFixtures.OtherLabel);
        Assert.Equal(before, AvFixtures.HashRange(file, 0, moov.Offset));
        Assert.Equal("", AvFixtures.DecodeErrors(file));
    }

    [Fact]
    public void In_place_faststart_uses_following_free_space_or_refuses()
    {
        var tight = _fx.Copy(MakeMp4("fast-tight.mp4", "-movflags", "faststart"), "fast-tight-work.mp4");
        var original = File.ReadAllBytes(tight);
        Assert.Throws<LabelWriteException>(() => AvFixtures.WriteInPlace(_mp4, tight, AvFixtures.Label));
        Assert.Equal(original, File.ReadAllBytes(tight)); // refused before touching anything

        // ffmpeg -moov_size reserves room: moov first, then a free box, then mdat.
        var roomy = _fx.Copy(MakeMp4("fast-roomy.mp4", "-moov_size", "20000"), "fast-roomy-work.mp4");
        var boxes = TopBoxes(roomy);
        var mdat = boxes.Single(b => b.Type == "mdat");
        Assert.True(boxes.FindIndex(b => b.Type == "moov") < boxes.IndexOf(mdat));
        var mediaBefore = AvFixtures.HashRange(roomy, mdat.Offset, new FileInfo(roomy).Length - mdat.Offset);
        AvFixtures.WriteInPlace(_mp4, roomy, AvFixtures.Label);
        Assert.Equal(mediaBefore, AvFixtures.HashRange(roomy, mdat.Offset, new FileInfo(roomy).Length - mdat.Offset));
        AvFixtures.Single(AvFixtures.Read(_mp4, roomy), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(roomy)["AIGC"]);
        Assert.Equal("", AvFixtures.DecodeErrors(roomy));
    }

    [Fact]
    public void Large_size_and_size_zero_boxes_are_handled()
    {
        // moov-last file: ffmpeg writes free(8)+mdat; fold them into one mdat with a 64-bit size (same length, same offsets).
        var file = _fx.Copy(MakeMp4("large.mp4"), "large-work.mp4");
        var boxes = TopBoxes(file);
        var free = boxes.Single(b => b.Type == "free");
        var mdat = boxes.Single(b => b.Type == "mdat");
        Assert.Equal(free.Offset + 8, mdat.Offset);
        using (var f = new FileStream(file, FileMode.Open, FileAccess.ReadWrite))
        {
            var header = new byte[16];
            BinaryPrimitives.WriteUInt32BigEndian(header, 1);
            "mdat"u8.CopyTo(header.AsSpan(4));
            BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(8), (ulong)(mdat.Size + 8));
            f.Position = free.Offset;
            f.Write(header);
        }
        Assert.Equal("", AvFixtures.DecodeErrors(file));
        var output = AvFixtures.Write(_mp4, file, _fx.PathFor("large-labeled.mp4"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_mp4, output), AvFixtures.Label);
        Assert.Equal("", AvFixtures.DecodeErrors(output));

        // faststart file: mdat is last; size 0 means "to the end of the file".
        var fast = _fx.Copy(MakeMp4("zero.mp4", "-movflags", "faststart"), "zero-work.mp4");
        var last = TopBoxes(fast)[^1];
        Assert.Equal("mdat", last.Type);
        using (var f = new FileStream(fast, FileMode.Open, FileAccess.ReadWrite)) { f.Position = last.Offset; f.Write(new byte[4]); }
        var fastOut = AvFixtures.Write(_mp4, fast, _fx.PathFor("zero-labeled.mp4"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_mp4, fastOut), AvFixtures.Label);
        Assert.Equal(AvFixtures.FrameHashes(fast), AvFixtures.FrameHashes(fastOut));
    }

    [Fact]
    public void Xmp_uuid_label_is_read_and_replaced_not_duplicated()
    {
        var input = MakeMp4("xmp.mp4");
        var packet = Encoding.UTF8.GetBytes(Xmp.BuildPacket(AvFixtures.OtherLabel));
        var withXmp = _fx.PathFor("xmp-uuid.mp4");
        using (var o = File.Create(withXmp))
        {
            o.Write(File.ReadAllBytes(input));
            var header = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(header, (uint)(8 + 16 + packet.Length));
            "uuid"u8.CopyTo(header.AsSpan(4));
            o.Write(header);
            o.Write(Convert.FromHexString("BE7ACFCB97A942E89C71999491E3AFAC"));
            o.Write(packet);
        }
        var found = AvFixtures.Single(AvFixtures.Read(_mp4, withXmp), AvFixtures.OtherLabel);
        Assert.Equal("mp4/uuid/XMP", found.Placement);

        var output = AvFixtures.Write(_mp4, withXmp, _fx.PathFor("xmp-relabeled.mp4"), AvFixtures.Label);
        Assert.Equal("mp4/moov/udta/meta/keys", AvFixtures.Single(AvFixtures.Read(_mp4, output), AvFixtures.Label).Placement);
        // The XMP packet keeps its size and its other content; only the TC260 element was blanked.
        var uuidIn = TopBoxes(withXmp).Single(b => b.Type == "uuid");
        var uuidOut = TopBoxes(output).Single(b => b.Type == "uuid");
        Assert.Equal(uuidIn.Size, uuidOut.Size);
        var xmpOut = Encoding.UTF8.GetString(File.ReadAllBytes(output), (int)uuidOut.Offset + 24, (int)uuidOut.Size - 24);
        Assert.Contains("<x:xmpmeta", xmpOut);
        Assert.DoesNotContain("AIGC>", xmpOut);
    }

    [Fact]
    public void Damaged_files_are_inconclusive_never_exceptions()
    {
        var input = MakeMp4("damage.mp4");
        var bytes = File.ReadAllBytes(input);
        var moov = TopBoxes(input).Single(b => b.Type == "moov");

        ContainerReadResult ReadBytes(byte[] b) { using var ms = new MemoryStream(b); return _mp4.Read(ms); }

        Assert.NotNull(ReadBytes(bytes[..(int)(moov.Offset + moov.Size / 2)]).Damage); // truncated in moov
        var huge = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(huge.AsSpan((int)moov.Offset), 0xFFFFFFF0);
        Assert.NotNull(ReadBytes(huge).Damage);
        var inner = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(inner.AsSpan((int)moov.Offset + 8), 3); // first child smaller than a header
        Assert.NotNull(ReadBytes(inner).Damage);
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var m = (byte[])bytes.Clone();
            for (var k = 0; k < 8; k++) m[moov.Offset + random.Next((int)moov.Size)] ^= (byte)(1 << random.Next(8));
            ReadBytes(m); // must not throw
            ReadBytes(m[..random.Next(m.Length)]);
        }
        using var damaged = new MemoryStream(huge);
        Assert.Throws<LabelWriteException>(() => _mp4.Write(damaged, new MemoryStream(), AvFixtures.Label));
    }
}
