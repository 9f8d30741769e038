using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Formats.Avi;
using Suanbei.Labels.Formats.Wav;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests.Formats;

public sealed class RiffTests : IClassFixture<AvFixtures>
{
    private readonly AvFixtures _fx;
    private readonly WavFormat _wav = new();
    private readonly AviFormat _avi = new();

    public RiffTests(AvFixtures fx) => _fx = fx;

    private string MakeWav(string name, params string[] extra) => _fx.Make(name, [.. AvFixtures.Audio, "-c:a", "pcm_s16le", .. extra]);

    private string MakeAvi(string name) =>
        _fx.Make(name, [.. AvFixtures.Video, .. AvFixtures.Audio, "-c:v", "mpeg4", "-c:a", "pcm_s16le", "-shortest"]);

    private static uint RiffSize(string file) => BinaryPrimitives.ReadUInt32LittleEndian(File.ReadAllBytes(file).AsSpan(4));

    [Fact]
    public void Wav_round_trip_is_read_by_suanbei_ffprobe_and_exiftool()
    {
        var input = MakeWav("a.wav");
        Assert.Empty(AvFixtures.Read(_wav, input).Labels);
        var output = AvFixtures.Write(_wav, input, _fx.PathFor("a-labeled.wav"), AvFixtures.Label);

        Assert.Equal("wav/LIST/INFO/AIGC", AvFixtures.Single(AvFixtures.Read(_wav, output), AvFixtures.Label).Placement);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
        Assert.Equal(new FileInfo(output).Length - 8, RiffSize(output));
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
        // exiftool has no name for the INFO id "AIGC" but reads it as an unknown RIFF tag.
        Assert.Equal(AvFixtures.Label.ToJson(), ExternalTool.RunChecked("exiftool", "-U", "-b", "-RIFF:Unknown_AIGC", output)
            .TrimEnd('\0'));
    }

    [Fact]
    public void Wav_in_place_appends_leaves_samples_identical_and_does_not_grow_on_rewrite()
    {
        var file = _fx.Copy(MakeWav("b.wav"), "b-work.wav");
        var length = new FileInfo(file).Length;
        var before = AvFixtures.HashRange(file, 8, length - 8);

        AvFixtures.WriteInPlace(_wav, file, AvFixtures.Label);
        Assert.Equal(before, AvFixtures.HashRange(file, 8, length - 8));
        AvFixtures.Single(AvFixtures.Read(_wav, file), AvFixtures.Label);
        Assert.Equal(new FileInfo(file).Length - 8, RiffSize(file));
        var labeledLength = new FileInfo(file).Length;

        AvFixtures.WriteInPlace(_wav, file, AvFixtures.OtherLabel);
        AvFixtures.Single(AvFixtures.Read(_wav, file), AvFixtures.OtherLabel);
        // The earlier label chunk was the last one: it is overwritten, not left behind.
        static long ListSize(AigcLabel l) { var n = l.ToJson().Length + 1; return 12 + 8 + n + (n & 1); }
        Assert.Equal(length + ListSize(AvFixtures.Label), labeledLength);
        Assert.Equal(length + ListSize(AvFixtures.OtherLabel), new FileInfo(file).Length);
        Assert.Equal(before, AvFixtures.HashRange(file, 8, length - 8));
        Assert.Equal(AvFixtures.OtherLabel.ToJson(), AvFixtures.ProbeTags(file)["AIGC"]);
    }

    [Fact]
    public void Wav_labels_in_middle_chunks_are_replaced_not_duplicated_and_other_info_kept()
    {
        // ffmpeg writes LIST/INFO (ISFT, INAM) before data; put an AIGC item and a top-level AIGC chunk in there too.
        var input = MakeWav("c.wav", "-metadata", "title=keep me");
        var bytes = File.ReadAllBytes(input);
        var dataAt = IndexOf(bytes, "data"u8);
        var extraInfo = BuildChunk("LIST", [.. "INFO"u8,
            .. BuildChunk("AIGC", Encoding.UTF8.GetBytes(AvFixtures.OtherLabel.ToJson() + "\0"))]);
        var topLevel = BuildChunk("AIGC", Encoding.UTF8.GetBytes(AvFixtures.OtherLabel.ToJson() + "x")); // odd size → pad byte
        var crafted = _fx.PathFor("c-crafted.wav");
        File.WriteAllBytes(crafted, [.. bytes[..dataAt], .. extraInfo, .. topLevel, .. bytes[dataAt..]]);
        FixRiffSize(crafted);
        var read = AvFixtures.Read(_wav, crafted);
        Assert.Null(read.Damage);
        Assert.Equal(["wav/LIST/INFO/AIGC", "wav/AIGC"], read.Labels.Select(l => l.Placement));

        var copy = AvFixtures.Write(_wav, crafted, _fx.PathFor("c-copy.wav"), AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_wav, copy), AvFixtures.Label);
        Assert.Equal("keep me", AvFixtures.ProbeTags(copy)["title"]);
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(copy));

        var inPlace = _fx.Copy(crafted, "c-inplace.wav");
        AvFixtures.WriteInPlace(_wav, inPlace, AvFixtures.Label);
        AvFixtures.Single(AvFixtures.Read(_wav, inPlace), AvFixtures.Label);
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(inPlace));
    }

    /// <summary>Test-side RF64 reading (EBU Tech 3306), independent of the reader under test.</summary>
    private static (ulong RiffSize, ulong DataSize, long DataOffset) Rf64Sizes(string file)
    {
        var b = File.ReadAllBytes(file);
        Assert.Equal("RF64", Encoding.ASCII.GetString(b, 0, 4));
        Assert.Equal(0xFFFFFFFFu, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(4)));
        Assert.Equal("ds64", Encoding.ASCII.GetString(b, 12, 4));
        var dataSize = BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(28));
        var at = 12;
        while (Encoding.ASCII.GetString(b, at, 4) != "data")
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at + 4));
            at += 8 + size + (size & 1);
        }
        return (BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(20)), dataSize, at + 8);
    }

    [Fact]
    public void Rf64_copy_keeps_samples_and_sets_the_ds64_riff_size()
    {
        var rf64 = MakeWav("d.wav", "-rf64", "always", "-metadata", "title=keep me");
        var (_, dataSize, dataAt) = Rf64Sizes(rf64);
        Assert.Equal(0xFFFFFFFFu, BinaryPrimitives.ReadUInt32LittleEndian(File.ReadAllBytes(rf64).AsSpan((int)dataAt - 4)));
        Assert.Empty(AvFixtures.Read(_wav, rf64).Labels);
        Assert.Null(AvFixtures.Read(_wav, rf64).Damage);

        var output = AvFixtures.Write(_wav, rf64, _fx.PathFor("d-out.wav"), AvFixtures.Label);
        var (riffSize, outDataSize, outDataAt) = Rf64Sizes(output);
        Assert.Equal((ulong)new FileInfo(output).Length - 8, riffSize);
        Assert.Equal(dataSize, outDataSize);
        Assert.Equal(AvFixtures.HashRange(rf64, dataAt, (long)dataSize), AvFixtures.HashRange(output, outDataAt, (long)dataSize));
        Assert.Equal("wav/LIST/INFO/AIGC", AvFixtures.Single(AvFixtures.Read(_wav, output), AvFixtures.Label).Placement);
        var tags = AvFixtures.ProbeTags(output);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("keep me", tags["title"]);
        Assert.Equal("", AvFixtures.DecodeErrors(output));
        Assert.Equal(AvFixtures.FrameHashes(rf64), AvFixtures.FrameHashes(output));
        Assert.Equal(AvFixtures.Label.ToJson(), ExternalTool.RunChecked("exiftool", "-U", "-b", "-RIFF:Unknown_AIGC", output)
            .TrimEnd('\0'));

        // Relabelling a labelled RF64 replaces the label and keeps the ds64 size right.
        var again = AvFixtures.Write(_wav, output, _fx.PathFor("d-again.wav"), AvFixtures.OtherLabel);
        AvFixtures.Single(AvFixtures.Read(_wav, again), AvFixtures.OtherLabel);
        Assert.Equal((ulong)new FileInfo(again).Length - 8, Rf64Sizes(again).RiffSize);
        Assert.Equal(AvFixtures.OtherLabel.ToJson(), AvFixtures.ProbeTags(again)["AIGC"]);
    }

    [Fact]
    public void Rf64_in_place_appends_and_patches_only_the_ds64_riff_size()
    {
        var file = _fx.Copy(MakeWav("g.wav", "-rf64", "always"), "g-work.wav");
        var length = new FileInfo(file).Length;
        var head = AvFixtures.HashRange(file, 0, 20);           // RF64 header, ds64 header
        var rest = AvFixtures.HashRange(file, 28, length - 28); // everything after the ds64 RIFF size
        var frames = AvFixtures.FrameHashes(file);

        AvFixtures.WriteInPlace(_wav, file, AvFixtures.Label);
        Assert.Equal(head, AvFixtures.HashRange(file, 0, 20));
        Assert.Equal(rest, AvFixtures.HashRange(file, 28, length - 28));
        Assert.Equal((ulong)new FileInfo(file).Length - 8, Rf64Sizes(file).RiffSize);
        AvFixtures.Single(AvFixtures.Read(_wav, file), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(file)["AIGC"]);

        AvFixtures.WriteInPlace(_wav, file, AvFixtures.OtherLabel);
        AvFixtures.Single(AvFixtures.Read(_wav, file), AvFixtures.OtherLabel);
        var n = AvFixtures.OtherLabel.ToJson().Length + 1;
        Assert.Equal(length + 12 + 8 + n + (n & 1), new FileInfo(file).Length); // the last label list was overwritten
        Assert.Equal((ulong)new FileInfo(file).Length - 8, Rf64Sizes(file).RiffSize);
        Assert.Equal(rest, AvFixtures.HashRange(file, 28, length - 28));
        Assert.Equal(AvFixtures.OtherLabel.ToJson(), AvFixtures.ProbeTags(file)["AIGC"]);
        Assert.Equal("", AvFixtures.DecodeErrors(file));
        Assert.Equal(frames, AvFixtures.FrameHashes(file));
    }

    [Fact]
    public void Rf64_chunk_sizes_from_the_ds64_table_are_used()
    {
        // ds64 with a table entry for LIST, whose own 32-bit size is then 0xFFFFFFFF (EBU Tech 3306 §3: any chunk may
        // be over 4 GB); the label lives in that LIST.
        var labeled = File.ReadAllBytes(AvFixtures.Write(
            _wav, MakeWav("t.wav", "-rf64", "always"), _fx.PathFor("t-labeled.wav"), AvFixtures.Label));
        var listAt = labeled.AsSpan().LastIndexOf("LIST"u8); // the appended label list, after data
        Assert.Equal("INFO", Encoding.ASCII.GetString(labeled, listAt + 8, 4));
        var listSize = BinaryPrimitives.ReadUInt32LittleEndian(labeled.AsSpan(listAt + 4));
        BinaryPrimitives.WriteUInt32LittleEndian(labeled.AsSpan(listAt + 4), 0xFFFFFFFF);
        byte[] entry = [.. "LIST"u8, .. BitConverter.GetBytes((ulong)listSize)];
        var ds64Size = BinaryPrimitives.ReadUInt32LittleEndian(labeled.AsSpan(16));
        var withTable = new List<byte>(labeled[..20]);
        withTable.AddRange(labeled[20..(20 + 24)]);       // riff size, data size, sample count
        withTable.AddRange(BitConverter.GetBytes(1u));    // table length
        withTable.AddRange(entry);
        withTable.AddRange(labeled[(20 + (int)ds64Size)..]);
        var bytes = withTable.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 28 + 12);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(20), (ulong)bytes.Length - 8);
        var path = _fx.PathFor("t-table.wav");
        File.WriteAllBytes(path, bytes);
        AvFixtures.Single(AvFixtures.Read(_wav, path), AvFixtures.Label);

        // Without the table entry the 0xFFFFFFFF size cannot be resolved: damaged, not "no label".
        var noEntry = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(noEntry.AsSpan(44), 0);
        using (var ms = new MemoryStream(noEntry)) Assert.NotNull(_wav.Read(ms).Damage);

        var output = AvFixtures.Write(_wav, path, _fx.PathFor("t-out.wav"), AvFixtures.OtherLabel);
        AvFixtures.Single(AvFixtures.Read(_wav, output), AvFixtures.OtherLabel);
        Assert.Equal((ulong)new FileInfo(output).Length - 8, Rf64Sizes(output).RiffSize);
    }

    [Fact]
    public void Damaged_rf64_is_inconclusive_and_not_written()
    {
        var labeled = AvFixtures.Write(_wav, MakeWav("h.wav", "-rf64", "always"), _fx.PathFor("h-labeled.wav"), AvFixtures.Label);
        var bytes = File.ReadAllBytes(labeled);
        ContainerReadResult ReadBytes(byte[] b) { using var ms = new MemoryStream(b); return _wav.Read(ms); }
        Assert.Null(ReadBytes(bytes).Damage);

        var cases = new Dictionary<string, byte[]>();
        cases["truncated"] = bytes[..(bytes.Length - 100)]; // ds64 says longer than the file
        var noDs64 = (byte[])bytes.Clone();
        "JUNK"u8.CopyTo(noDs64.AsSpan(12));                 // data size 0xFFFFFFFF can no longer be resolved
        cases["no ds64"] = noDs64;
        var hugeData = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(hugeData.AsSpan(28), ulong.MaxValue - 3);
        cases["huge data size"] = hugeData;
        var hugeRiff = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(hugeRiff.AsSpan(20), long.MaxValue);
        cases["huge riff size"] = hugeRiff;
        var tinyRiff = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(tinyRiff.AsSpan(20), 4); // would hide every chunk, label included
        cases["tiny riff size"] = tinyRiff;
        var badTable = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(badTable.AsSpan(44), 1000); // table entries beyond the ds64 chunk
        cases["table"] = badTable;
        foreach (var (what, b) in cases)
        {
            Assert.True(ReadBytes(b).Damage is not null, what);
            var path = _fx.PathFor("h-" + what.Replace(' ', '-') + ".wav");
            File.WriteAllBytes(path, b);
            Assert.Throws<LabelWriteException>(() => AvFixtures.Write(_wav, path, _fx.PathFor("h-never.wav"), AvFixtures.Label));
            Assert.Throws<LabelWriteException>(() => AvFixtures.WriteInPlace(_wav, path, AvFixtures.Label));
            Assert.Equal(b, File.ReadAllBytes(path));
        }
    }

    [Fact]
    public void Damaged_riff_is_inconclusive()
    {
        var bytes = File.ReadAllBytes(MakeWav("e.wav"));
        ContainerReadResult ReadBytes(byte[] b) { using var ms = new MemoryStream(b); return _wav.Read(ms); }
        Assert.NotNull(ReadBytes(bytes[..(bytes.Length / 2)]).Damage);
        var huge = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(huge.AsSpan(16), 0xFFFFFFF0); // fmt chunk size
        Assert.NotNull(ReadBytes(huge).Damage);
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var m = (byte[])bytes.Clone();
            for (var k = 0; k < 4; k++) m[random.Next(Math.Min(m.Length, 200))] ^= (byte)(1 << random.Next(8));
            ReadBytes(m);
            ReadBytes(m[..random.Next(m.Length)]);
        }
    }

    [Fact]
    public void Avi_round_trip_and_in_place_keep_playing_and_are_read_by_ffprobe()
    {
        var input = MakeAvi("f.avi");
        var output = AvFixtures.Write(_avi, input, _fx.PathFor("f-labeled.avi"), AvFixtures.Label);
        Assert.Equal("avi/LIST/INFO/AIGC", AvFixtures.Single(AvFixtures.Read(_avi, output), AvFixtures.Label).Placement);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
        Assert.Equal("", AvFixtures.DecodeErrors(output));
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));

        var file = _fx.Copy(input, "f-work.avi");
        var length = new FileInfo(file).Length;
        var before = AvFixtures.HashRange(file, 8, length - 8);
        AvFixtures.WriteInPlace(_avi, file, AvFixtures.Label);
        Assert.Equal(before, AvFixtures.HashRange(file, 8, length - 8));
        AvFixtures.Single(AvFixtures.Read(_avi, file), AvFixtures.Label);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(file)["AIGC"]);
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(file));
        Assert.Equal(AvFixtures.Label.ToJson(), ExternalTool.RunChecked("exiftool", "-U", "-b", "-RIFF:Unknown_AIGC", file).TrimEnd('\0'));
    }

    private string MakeOpenDml(string name, int junk = 1016, string? infoAigc = null)
    {
        var path = _fx.PathFor(name);
        File.WriteAllBytes(path, OpenDmlAvi.Build(parts: 2, framesPerPart: 3, junkBytes: junk, infoAigc: infoAigc));
        return path;
    }

    [Fact]
    public void Avi_with_OpenDML_parts_gets_the_label_in_the_junk_chunk_and_no_byte_moves()
    {
        var input = MakeOpenDml("odml.avi");
        var frames = AvFixtures.FrameHashes(input);
        var md5s = frames.Split('\n').Select(l => l.Split(',')[^1].Trim()).ToList();
        Assert.Equal(6, md5s.Count);          // ffmpeg reads the frames of the AVIX part too …
        Assert.Equal(6, md5s.Distinct().Count()); // … each one from its own offset
        Assert.Equal("", AvFixtures.DecodeErrors(input));
        Assert.Null(AvFixtures.Read(_avi, input).Damage);
        Assert.Empty(AvFixtures.Read(_avi, input).Labels);

        var bytes = File.ReadAllBytes(input);
        var junkAt = IndexOf(bytes, "JUNK"u8);
        var junkEnd = junkAt + 8 + 1016;
        var output = AvFixtures.Write(_avi, input, _fx.PathFor("odml-labeled.avi"), AvFixtures.Label);
        Assert.Equal(bytes.Length, new FileInfo(output).Length);
        Assert.Equal(AvFixtures.HashRange(input, 0, junkAt), AvFixtures.HashRange(output, 0, junkAt));
        Assert.Equal(AvFixtures.HashRange(input, junkEnd, bytes.Length - junkEnd),
            AvFixtures.HashRange(output, junkEnd, bytes.Length - junkEnd));
        Assert.Equal("LIST", Encoding.ASCII.GetString(File.ReadAllBytes(output), junkAt, 4));
        Assert.Equal("avi/LIST/INFO/AIGC", AvFixtures.Single(AvFixtures.Read(_avi, output), AvFixtures.Label).Placement);
        Assert.Equal(AvFixtures.Label.ToJson(), AvFixtures.ProbeTags(output)["AIGC"]);
        Assert.Equal(AvFixtures.Label.ToJson(), ExternalTool.RunChecked("exiftool", "-U", "-b", "-RIFF:Unknown_AIGC", output)
            .TrimEnd('\0'));
        Assert.Equal("", AvFixtures.DecodeErrors(output));
        Assert.Equal(frames, AvFixtures.FrameHashes(output));

        // In place makes exactly the bytes copy mode makes; relabelling reuses the same space.
        var file = _fx.Copy(input, "odml-work.avi");
        AvFixtures.WriteInPlace(_avi, file, AvFixtures.Label);
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(file));
        AvFixtures.WriteInPlace(_avi, file, AvFixtures.OtherLabel);
        Assert.Equal(bytes.Length, new FileInfo(file).Length);
        AvFixtures.Single(AvFixtures.Read(_avi, file), AvFixtures.OtherLabel);
        Assert.Equal(AvFixtures.HashRange(input, junkEnd, bytes.Length - junkEnd),
            AvFixtures.HashRange(file, junkEnd, bytes.Length - junkEnd));
        Assert.Equal(AvFixtures.OtherLabel.ToJson(), AvFixtures.ProbeTags(file)["AIGC"]);
        Assert.Equal(frames, AvFixtures.FrameHashes(file));
        var copied = AvFixtures.Write(_avi, file, _fx.PathFor("odml-again.avi"), AvFixtures.Label);
        Assert.Equal(File.ReadAllBytes(output), File.ReadAllBytes(copied));
    }

    [Fact]
    public void Avi_with_OpenDML_parts_replaces_an_info_label_and_keeps_the_other_info_items()
    {
        var input = MakeOpenDml("odml-info.avi", infoAigc: AvFixtures.OtherLabel.ToJson());
        var software = AvFixtures.ProbeTags(input)["software"]; // ffmpeg names ISFT "software" in AVI
        Assert.Equal("handmade OpenDML", software);
        AvFixtures.Single(AvFixtures.Read(_avi, input), AvFixtures.OtherLabel);

        var output = AvFixtures.Write(_avi, input, _fx.PathFor("odml-info-out.avi"), AvFixtures.Label);
        Assert.Equal(new FileInfo(input).Length, new FileInfo(output).Length);
        AvFixtures.Single(AvFixtures.Read(_avi, output), AvFixtures.Label);
        var tags = AvFixtures.ProbeTags(output);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("handmade OpenDML", tags["software"]);
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
    }

    [Fact]
    public void Avi_with_OpenDML_parts_and_no_room_is_refused_untouched()
    {
        var input = MakeOpenDml("odml-tight.avi", junk: 16);
        var before = File.ReadAllBytes(input);
        var target = _fx.PathFor("odml-tight-out.avi");
        var e = Assert.Throws<LabelWriteException>(() => LabelFile.Write(input, target, AvFixtures.Label));
        Assert.Contains("JUNK", e.Message);
        Assert.Contains("AVIX", e.Message);
        Assert.False(File.Exists(target));
        Assert.Throws<LabelWriteException>(() => LabelFile.WriteInPlace(input, AvFixtures.Label));
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    /// <summary>Top-level chunks as (id, list type, offset), from Suanbei's RIFF walker.</summary>
    private static List<(string Id, string? ListType, long Offset)> TopChunks(string file)
    {
        using var s = File.OpenRead(file);
        return Labels.Formats.Riff.RiffChunks.Walk(s)!.Chunks.Select(c => (c.Id, c.ListType, c.Offset)).ToList();
    }

    private static int InfoLists(string file) => TopChunks(file).Count(c => c is { Id: "LIST", ListType: "INFO" });

    [Fact]
    public void Wav_copy_mode_adds_the_label_to_the_existing_INFO_list()
    {
        var input = MakeWav("info.wav", "-metadata", "title=标题", "-metadata", "artist=someone");
        Assert.Equal(1, InfoLists(input));
        var output = AvFixtures.Write(_wav, input, _fx.PathFor("info-labeled.wav"), AvFixtures.Label);
        Assert.Equal(1, InfoLists(output));
        var tags = AvFixtures.ProbeTags(output);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("标题", tags["title"]);
        Assert.Equal("someone", tags["artist"]);
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
        var exif = ExternalTool.RunChecked("exiftool", "-U", "-b", "-RIFF:Unknown_AIGC", output).TrimEnd('\0');
        Assert.Equal(AvFixtures.Label.ToJson(), exif);
        Assert.Contains("someone", ExternalTool.RunChecked("exiftool", "-s3", "-RIFF:Artist", output));

        // Relabelling replaces the label inside the same list.
        var again = AvFixtures.Write(_wav, output, _fx.PathFor("info-again.wav"), AvFixtures.OtherLabel);
        Assert.Equal(1, InfoLists(again));
        Assert.Equal(new FileInfo(output).Length - AvFixtures.Label.ToJson().Length + AvFixtures.OtherLabel.ToJson().Length,
            new FileInfo(again).Length);
        AvFixtures.Single(AvFixtures.Read(_wav, again), AvFixtures.OtherLabel);
        Assert.Equal("标题", AvFixtures.ProbeTags(again)["title"]);
    }

    [Fact]
    public void Avi_copy_mode_adds_the_label_to_the_existing_INFO_list_and_movi_stays_where_it_was()
    {
        var input = _fx.Make("info.avi", [.. AvFixtures.Video, .. AvFixtures.Audio, "-c:v", "mpeg4", "-c:a", "pcm_s16le", "-shortest",
            "-metadata", "title=标题"]);
        Assert.Equal(1, InfoLists(input));
        var output = AvFixtures.Write(_avi, input, _fx.PathFor("info-labeled.avi"), AvFixtures.Label);
        Assert.Equal(1, InfoLists(output));
        // ffmpeg's JUNK after the INFO list gives up the room, so the movi list (and idx1's offsets) do not move.
        Assert.Equal(TopChunks(input).Single(c => c.ListType == "movi").Offset, TopChunks(output).Single(c => c.ListType == "movi").Offset);
        Assert.Equal(new FileInfo(input).Length, new FileInfo(output).Length);
        var tags = AvFixtures.ProbeTags(output);
        Assert.Equal(AvFixtures.Label.ToJson(), tags["AIGC"]);
        Assert.Equal("标题", tags["title"]);
        Assert.Equal("", AvFixtures.DecodeErrors(output));
        Assert.Equal(AvFixtures.FrameHashes(input), AvFixtures.FrameHashes(output));
    }

    private static byte[] BuildChunk(string id, byte[] data)
    {
        var b = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(id).CopyTo(b, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), (uint)data.Length);
        data.CopyTo(b, 8);
        return b;
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    private static void FixRiffSize(string file)
    {
        var b = File.ReadAllBytes(file);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), (uint)(b.Length - 8));
        File.WriteAllBytes(file, b);
    }
}
