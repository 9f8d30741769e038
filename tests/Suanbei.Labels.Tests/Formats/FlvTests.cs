using System.Buffers.Binary;
using System.Text;

namespace Suanbei.Labels.Tests.Formats;

/// <summary>FLV beyond the shared format cases: ffmpeg's own label is read, relabelling keeps ffmpeg's other
/// onMetaData entries, and the keyframe index (absolute file offsets) still points at the video tags after the
/// onMetaData tag grew.</summary>
public sealed class FlvTests : IClassFixture<AvFixtures>
{
    private static readonly string[] Clip =
        [.. AvFixtures.Video, .. AvFixtures.Audio, "-c:v", "flv1", "-g", "3", "-c:a", "libmp3lame", "-shortest"];

    private readonly AvFixtures _fx;

    public FlvTests(AvFixtures fx) => _fx = fx;

    [Fact]
    public void Label_written_by_ffmpeg_is_read_and_replaced_with_other_entries_kept()
    {
        var byFfmpeg = _fx.Make("by-ffmpeg.flv",
            [.. Clip, "-metadata", "AIGC=" + AvFixtures.OtherLabel.ToJson(), "-metadata", "title=标题"]);
        var report = LabelFile.Verify(byFfmpeg);
        Assert.Equal(Verdict.Compliant, report.Verdict);
        Assert.Equal(AvFixtures.OtherLabel, report.Labels.Single().Label);

        var relabelled = _fx.PathFor("relabelled.flv");
        LabelFile.Write(byFfmpeg, relabelled, AvFixtures.Label);
        var tags = AvFixtures.ProbeTags(relabelled);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("标题", tags["title"]);
        Assert.Equal(AvFixtures.FrameHashes(byFfmpeg), AvFixtures.FrameHashes(relabelled));
    }

    [Fact]
    public void Keyframe_file_positions_are_shifted_to_the_moved_tags()
    {
        var indexed = _fx.Make("indexed.flv", [.. Clip, "-flvflags", "add_keyframe_index"]);
        var before = FilePositions(File.ReadAllBytes(indexed));
        Assert.NotEmpty(before);
        var output = _fx.PathFor("indexed-labelled.flv");
        LabelFile.Write(indexed, output, AvFixtures.Label);

        var bytes = File.ReadAllBytes(output);
        var after = FilePositions(bytes);
        Assert.Equal(before.Count, after.Count);
        var delta = bytes.Length - new FileInfo(indexed).Length;
        Assert.True(delta > 0);
        Assert.Equal(before.Select(p => p + delta), after);
        // Each position is the start of a video tag (type 9) carrying a key frame (frame type 1 in the high nibble).
        Assert.All(after, p => Assert.Equal((9, 1), (bytes[p] & 0x1F, bytes[p + 11] >> 4)));
        Assert.Equal(AvFixtures.FrameHashes(indexed), AvFixtures.FrameHashes(output));
    }

    /// <summary>The doubles after the key <c>filepositions</c> in the first script tag (a strict array of numbers).</summary>
    private static List<long> FilePositions(byte[] flv)
    {
        var at = flv.AsSpan().IndexOf("filepositions"u8);
        if (at < 0) return [];
        var pos = at + "filepositions".Length;
        Assert.Equal(10, flv[pos]);
        var count = BinaryPrimitives.ReadUInt32BigEndian(flv.AsSpan(pos + 1));
        var list = new List<long>();
        pos += 5;
        for (var i = 0; i < count; i++, pos += 9)
        {
            Assert.Equal(0, flv[pos]);
            list.Add((long)BinaryPrimitives.ReadDoubleBigEndian(flv.AsSpan(pos + 1)));
        }
        return list;
    }
}
