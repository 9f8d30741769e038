using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Suanbei.Labels.Tests.Formats;

/// <summary>ReservedCode1 signatures on audio/video containers (<see cref="IContentDigest"/>): a signed file verifies,
/// keeps verifying after relabelling and propagation (copy mode and in place), and stops verifying when one payload
/// byte changes. Fixtures are made by ffmpeg in the test run (OpenDML AVI is built by hand, see <see cref="OpenDmlAvi"/>).</summary>
public sealed class AvSigningTests : IClassFixture<AvFixtures>
{
    private readonly AvFixtures _fx;

    public AvSigningTests(AvFixtures fx) => _fx = fx;

    /// <param name="Make">Makes the unlabelled input.</param>
    /// <param name="PayloadByte">Offset of a media payload byte (samples/frames) in a labelled file.</param>
    /// <param name="PropagatesInPlace">False where growing the label in place is refused by design (no free space).</param>
    private sealed record Case(Func<AvFixtures, string, string> Make, Func<byte[], long> PayloadByte, bool PropagatesInPlace = true);

    private static readonly string[] VideoAudio = [.. AvFixtures.Video, .. AvFixtures.Audio];

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["mp4"] = new((fx, n) => fx.Make(n + ".mp4", [.. VideoAudio, "-c:v", "libx264", "-c:a", "aac", "-shortest"]), MdatByte),
        ["mp4-faststart"] = new((fx, n) => fx.Make(n + ".mp4",
            [.. VideoAudio, "-c:v", "libx264", "-c:a", "aac", "-shortest", "-movflags", "+faststart"]), MdatByte),
        ["mp4-fragmented"] = new((fx, n) => fx.Make(n + ".mp4",
            [.. VideoAudio, "-c:v", "libx264", "-c:a", "aac", "-shortest", "-movflags", "frag_keyframe+empty_moov"]), MdatByte),
        // An XMP packet (with another label and a title) written by exiftool: the label in it is blanked, the rest covered.
        ["mp4-xmp"] = new((fx, n) =>
        {
            var plain = fx.Make(n + "-plain.mp4", [.. VideoAudio, "-c:v", "libx264", "-c:a", "aac", "-shortest"]);
            var withXmp = fx.PathFor(n + ".mp4");
            Suanbei.Testing.ExternalTool.RunChecked("exiftool", "-config", fx.ExifToolTc260Config(), "-XMP-dc:Title=标题",
                "-XMP-TC260:AIGC=" + AvFixtures.OtherLabel.ToJson(), "-o", withXmp, plain);
            return withXmp;
        }, MdatByte),
        ["mov"] = new((fx, n) => fx.Make(n + ".mov", [.. VideoAudio, "-c:v", "libx264", "-c:a", "aac", "-shortest"]), MdatByte),
        ["m4a"] = new((fx, n) => fx.Make(n + ".m4a", [.. AvFixtures.Audio, "-c:a", "aac"]), MdatByte),
        ["wav"] = new((fx, n) => fx.Make(n + ".wav", [.. AvFixtures.Audio, "-c:a", "pcm_s16le"]), b => After(b, "data"u8, 8 + 101)),
        ["wav-rf64"] = new((fx, n) => fx.Make(n + ".wav", [.. AvFixtures.Audio, "-c:a", "pcm_s16le", "-rf64", "always"]), b =>
            After(b, "data"u8, 8 + 101)),
        ["mp3"] = new((fx, n) => fx.Make(n + ".mp3", [.. AvFixtures.Audio, "-c:a", "libmp3lame"]), Mp3AudioByte),
        ["flac"] = new((fx, n) => fx.Make(n + ".flac", [.. AvFixtures.Audio, "-c:a", "flac"]), b => b.Length - 10),
        ["mkv"] = new((fx, n) => fx.Make(n + ".mkv", [.. VideoAudio, "-c:v", "libx264", "-c:a", "aac", "-shortest"]), ClusterByte),
        ["webm"] = new((fx, n) => fx.Make(n + ".webm", [.. VideoAudio, "-c:v", "libvpx", "-c:a", "libopus", "-shortest"]), ClusterByte),
        ["ogg-vorbis"] = new((fx, n) => fx.Make(n + ".ogg", [.. AvFixtures.Audio, "-c:a", "libvorbis"]), LastOggPageByte),
        ["ogg-opus"] = new((fx, n) => fx.Make(n + ".opus", [.. AvFixtures.Audio, "-c:a", "libopus"]), LastOggPageByte),
        ["avi"] = new((fx, n) => fx.Make(n + ".avi", [.. VideoAudio, "-c:v", "mpeg4", "-c:a", "pcm_s16le", "-shortest"]), b =>
            After(b, "movi"u8, 4 + 8 + 10)),
        // OpenDML: a frame in the last RIFF AVIX part (the bytes after the first RIFF are covered too).
        ["avi-opendml"] = new((fx, n) => { var p = fx.PathFor(n + ".avi"); File.WriteAllBytes(p, OpenDmlAvi.Build()); return p; },
            b => b.AsSpan().LastIndexOf("movi"u8) + 4 + 8 + 10),
    };

    public static IEnumerable<object[]> Names() => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void Signature_survives_relabel_and_propagation_and_fails_when_a_payload_byte_changes(string name)
    {
        var c = Cases[name];
        var input = c.Make(_fx, name);
        var ext = Path.GetExtension(input);
        string P(string suffix) => _fx.PathFor($"{name}-{suffix}{ext}");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var signed = P("signed");
        var label = Signing.SignFile(input, signed, AvFixtures.Label, key);
        Assert.Equal(Verdict.Compliant, LabelFile.Verify(signed).Verdict);
        Assert.True(SignatureVerifies(signed, key));
        Assert.False(SignatureVerifies(signed, other));

        // Copy mode: a platform propagates (the label grows), another producer id is written.
        var propagated = P("propagated");
        Assert.NotNull(Propagation.PropagateFile(signed, propagated, Fixtures.Producer2, "p-1", false).Label);
        Assert.Equal(label.ReservedCode1, LabelFile.Verify(propagated).Labels.Single().Label!.ReservedCode1);
        Assert.True(SignatureVerifies(propagated, key));
        var relabeled = P("relabeled");
        LabelFile.Write(propagated, relabeled, label with { ProduceID = "a-much-longer-produce-id-than-before-0001" });
        Assert.True(SignatureVerifies(relabeled, key));

        var format = LabelFile.Detect(signed)!;
        if (format.SupportsInPlace)
        {
            // Same-length relabel in place (fits in every container's free space) …
            var inPlace = _fx.Copy(signed, $"{name}-inplace{ext}");
            LabelFile.WriteInPlace(inPlace, label with { ProduceID = label.ProduceID[..^1] + "9" });
            Assert.Equal(label.ProduceID[..^1] + "9", LabelFile.Verify(inPlace).Labels.Single().Label!.ProduceID);
            Assert.True(SignatureVerifies(inPlace, key));
            // … and propagation in place, where the container leaves room for a longer label.
            if (c.PropagatesInPlace)
            {
                Propagation.PropagateFile(inPlace, inPlace, Fixtures.Producer2, "p-2", false, inPlace: true);
                Assert.Equal("p-2", LabelFile.Verify(inPlace).Labels.Single().Label!.PropagateID);
                Assert.True(SignatureVerifies(inPlace, key));
            }
        }

        // One payload byte changed: the container still reads, the signature no longer verifies.
        var bytes = File.ReadAllBytes(propagated);
        bytes[c.PayloadByte(bytes)] ^= 0x01;
        var tampered = P("tampered");
        File.WriteAllBytes(tampered, bytes);
        Assert.Equal(Verdict.Compliant, LabelFile.Verify(tampered).Verdict);
        Assert.False(SignatureVerifies(tampered, key));
    }

    [Fact]
    public void Faststart_mp4_verifies_after_writes_that_move_mdat_and_shift_chunk_offsets()
    {
        var input = Cases["mp4-faststart"].Make(_fx, "shift");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = _fx.PathFor("shift-signed.mp4");
        Signing.SignFile(input, signed, AvFixtures.Label, key);
        Assert.True(MoovBeforeMdat(signed));

        var propagated = _fx.PathFor("shift-propagated.mp4");
        Propagation.PropagateFile(signed, propagated, Fixtures.Producer2, "p-1", false);
        // The label grew, so moov grew and mdat (and every chunk offset pointing into it) moved.
        Assert.NotEqual(MdatOffset(signed), MdatOffset(propagated));
        Assert.NotEqual(ChunkOffsets(signed), ChunkOffsets(propagated));
        Assert.Equal(MdatOffset(propagated) - MdatOffset(signed), ChunkOffsets(propagated)[0] - ChunkOffsets(signed)[0]);
        Assert.Equal(AvFixtures.FrameHashes(signed), AvFixtures.FrameHashes(propagated));
        Assert.True(SignatureVerifies(propagated, key));

        // A chunk offset that points elsewhere (same mdat bytes) is a content change.
        var bytes = File.ReadAllBytes(propagated);
        var at = bytes.AsSpan().IndexOf("stco"u8) + 4 + 8; // first entry
        Assert.True(at > 12);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at)) + 1);
        var moved = _fx.PathFor("shift-moved.mp4");
        File.WriteAllBytes(moved, bytes);
        Assert.False(SignatureVerifies(moved, key));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Digest_of_a_damaged_file_fails_only_with_a_label_write_error(string name)
    {
        var input = Cases[name].Make(_fx, "dmg-" + name);
        var labeled = _fx.PathFor($"dmg-{name}-labeled{Path.GetExtension(input)}");
        LabelFile.Write(input, labeled, AvFixtures.Label);
        var digest = (IContentDigest)LabelFile.Detect(labeled)!;
        var original = File.ReadAllBytes(labeled);
        var random = new Random(name.Aggregate(20261122, (h, ch) => h * 31 + ch)); // stable seed per case
        int refused = 0, hashed = 0;
        for (var i = 0; i < 300; i++)
        {
            var data = (byte[])original.Clone();
            if (i % 3 == 0) data = data[..random.Next(1, data.Length)];
            else
                for (var k = random.Next(1, 8); k > 0; k--)
                {
                    // Bias towards the structure at the start and end (headers, moov, index), where damage matters.
                    var at = random.Next(2) == 0 ? random.Next(Math.Min(data.Length, 4096)) : random.Next(data.Length);
                    data[at] = (byte)random.Next(256);
                }
            try { digest.WriteContentForHash(new MemoryStream(data, writable: false), Stream.Null); hashed++; }
            catch (LabelWriteException) { refused++; }
        }
        Assert.True(refused > 0, $"{name}: no mutation was refused");
        Assert.True(hashed > 0, $"{name}: every mutation was refused");
    }

    [Theory]
    [InlineData("long.wav", "pcm_s16le")]
    [InlineData("long.mov", "pcm_s16le")]
    [InlineData("long.mkv", "pcm_s16le")]
    [InlineData("long.flac", "flac")]
    [InlineData("long.mp3", "libmp3lame", "-b:a", "320k")]
    [InlineData("long.ogg", "libvorbis", "-q:a", "10")]
    public void Digest_streams_the_payload(string name, string codec, params string[] options)
    {
        // 5 minutes of stereo noise (55 MB as PCM; encoders cannot compress it much), hashed with bounded allocation.
        var file = _fx.Make(name, ["-f", "lavfi", "-i", "anoisesrc=d=300:r=48000:a=0.5", "-ac", "2", "-c:a", codec, .. options]);
        var labeled = _fx.PathFor("labeled-" + name);
        LabelFile.Write(file, labeled, AvFixtures.Label);
        Assert.True(new FileInfo(labeled).Length > 10_000_000);
        Signing.ContentHash(labeled); // warm up (pooled buffers, JIT)
        var before = GC.GetAllocatedBytesForCurrentThread();
        Signing.ContentHash(labeled);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4 * 1024 * 1024, $"{name}: {allocated:N0} bytes allocated to hash {new FileInfo(labeled).Length:N0} bytes");
    }

    private static bool SignatureVerifies(string file, ECDsa key)
    {
        var signature = LabelFile.Verify(file).Labels.Single().Label!.ReservedCode1;
        return Signing.Verify(Signing.ContentHash(file), signature, key);
    }

    private static long After(byte[] b, ReadOnlySpan<byte> marker, int skip)
    {
        var at = b.AsSpan(12).IndexOf(marker);
        Assert.True(at >= 0);
        return 12 + at + skip;
    }

    /// <summary>Top-level boxes (type, offset, size) by a tiny independent walker.</summary>
    private static List<(string Type, long Offset, long Size)> TopBoxes(byte[] bytes)
    {
        var list = new List<(string, long, long)>();
        long o = 0;
        while (o + 8 <= bytes.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)o));
            if (size == 1) size = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan((int)o + 8));
            if (size == 0) size = bytes.Length - o;
            list.Add((Encoding.Latin1.GetString(bytes, (int)o + 4, 4), o, size));
            o += size;
        }
        return list;
    }

    private static long MdatByte(byte[] b)
    {
        var mdat = TopBoxes(b).First(x => x.Type == "mdat" && x.Size > 64);
        return mdat.Offset + mdat.Size / 2;
    }

    private static long MdatOffset(string file) => TopBoxes(File.ReadAllBytes(file)).Single(x => x.Type == "mdat").Offset;

    private static bool MoovBeforeMdat(string file)
    {
        var boxes = TopBoxes(File.ReadAllBytes(file));
        return boxes.FindIndex(x => x.Type == "moov") < boxes.FindIndex(x => x.Type == "mdat");
    }

    /// <summary>Every stco/co64 entry in the file, in order.</summary>
    private static List<long> ChunkOffsets(string file)
    {
        var b = File.ReadAllBytes(file);
        var offsets = new List<long>();
        foreach (var (type, width) in new[] { ("stco", 4), ("co64", 8) })
            for (var at = b.AsSpan().IndexOf(Encoding.Latin1.GetBytes(type)); at >= 0;)
            {
                var count = BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at + 8));
                for (var k = 0; k < count; k++)
                    offsets.Add(width == 4 ? BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at + 12 + 4 * k))
                        : (long)BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(at + 12 + 8 * k)));
                var next = b.AsSpan(at + 4).IndexOf(Encoding.Latin1.GetBytes(type));
                at = next < 0 ? -1 : at + 4 + next;
            }
        Assert.NotEmpty(offsets);
        return offsets;
    }

    private static long Mp3AudioByte(byte[] b)
    {
        Assert.True(b.AsSpan(0, 3).SequenceEqual("ID3"u8));
        var tagEnd = 10 + ((b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F));
        return tagEnd + (b.Length - tagEnd) / 2;
    }

    private static long ClusterByte(byte[] b)
    {
        var at = b.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x1F, 0x43, 0xB6, 0x75]);
        Assert.True(at > 0);
        return at + 40;
    }

    private static long LastOggPageByte(byte[] b)
    {
        var page = b.AsSpan().LastIndexOf("OggS"u8);
        var data = page + 27 + b[page + 26];
        Assert.True(b.Length - data > 2);
        return data + 1;
    }
}
