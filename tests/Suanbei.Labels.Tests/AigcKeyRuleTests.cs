using System.Buffers.Binary;
using System.Text;
using Suanbei.Labels.Tests.Formats;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>
/// The one key rule (<see cref="AigcKey"/>: a key containing AIGC, case ignored) holds in every container with a
/// free-form key: a label under a key the rule accepts is read, and writing replaces it with exactly one label; a label
/// under a key the rule rejects is not a label. Each row stores the label under a key of the test's choosing with the
/// tool or layout that container's real writers use.
/// </summary>
public class AigcKeyRuleTests
{
    /// <summary>Accepted: contains AIGC but is not exactly AIGC, so an "equals" rule would miss it.</summary>
    private const string Accepted = "X_AIGC";
    /// <summary>RIFF ids are four bytes: the only ids containing AIGC are AIGC in some case.</summary>
    private const string AcceptedFourCc = "aigc";
    private const string Rejected = "AIGX";

    private delegate string Maker(Fixtures f, string key, string value);

    private static readonly Dictionary<string, (Maker Make, bool FourCc)> Containers = new()
    {
        ["png"] = (PngWithText, false),
        ["pdf"] = (PdfWithInfo, false),
        ["ooxml"] = ((f, key, value) => { var p = f.Path("k.docx"); OfficeFixtures.Create(p, "docx", value, key); return p; }, false),
        ["markdown"] = ((f, key, value) => f.TextFile("md", $"---\ntitle: 示例\n{key}: {value}\n---\n# 标题\n", "k"), false),
        ["text"] = ((f, key, value) => f.TextFile("txt", $"正文第一行\n{key}: {value}\n", "k"), false),
        ["mp3"] = ((f, key, value) => Ffmpeg(f, "k.mp3", key, value, "-f", "lavfi", "-i", "sine=d=0.3", "-c:a", "libmp3lame"), false),
        ["mp4"] = ((f, key, value) => Ffmpeg(f, "k.mp4", key, value, "-f", "lavfi", "-i", "testsrc=d=0.3:s=64x48:r=10",
            "-c:v", "mpeg4", "-movflags", "use_metadata_tags"), false),
        ["mkv"] = ((f, key, value) => Ffmpeg(f, "k.mkv", key, value, "-f", "lavfi", "-i", "testsrc=d=0.3:s=64x48:r=10",
            "-c:v", "mpeg4"), false),
        ["flac"] = ((f, key, value) => Ffmpeg(f, "k.flac", key, value, "-f", "lavfi", "-i", "sine=d=0.3", "-c:a", "flac"), false),
        ["ogg"] = ((f, key, value) => Ffmpeg(f, "k.ogg", key, value, "-f", "lavfi", "-i", "sine=d=0.3", "-c:a", "libvorbis"), false),
        ["wav"] = (WavWithInfo, true),
        ["avi"] = ((f, key, value) =>
        {
            var p = f.Path("k.avi");
            File.WriteAllBytes(p, OpenDmlAvi.Build(parts: 1, infoAigc: value, infoKey: key));
            return p;
        }, true),
    };

    public static IEnumerable<object[]> Names() => Containers.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void A_key_the_rule_accepts_is_read_and_replaced_on_write(string container)
    {
        var (make, fourCc) = Containers[container];
        var key = fourCc ? AcceptedFourCc : Accepted;
        Assert.True(AigcKey.Matches(key));
        using var f = new Fixtures();
        var old = Fixtures.Label("under-" + key);
        var file = make(f, key, old.ToJson());
        Assert.Equal(container, LabelFile.Detect(file)!.Name);

        var report = LabelFile.Verify(file);
        Assert.Equal(Verdict.Compliant, report.Verdict);
        Assert.Equal(old, Assert.Single(report.Labels).Label);

        // Writing applies the same rule: the old label under the accepted key is removed, one new label remains.
        var output = f.Path("relabelled" + Path.GetExtension(file));
        var fresh = AigcLabel.ForProducer(Fixtures.Producer2, "fresh", "2");
        LabelFile.Write(file, output, fresh);
        var after = LabelFile.Verify(output);
        Assert.Equal(Verdict.Compliant, after.Verdict);
        Assert.Equal(fresh, Assert.Single(after.Labels).Label);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_key_the_rule_rejects_is_ignored(string container)
    {
        Assert.False(AigcKey.Matches(Rejected));
        using var f = new Fixtures();
        var file = Containers[container].Make(f, Rejected, Fixtures.Label("under-" + Rejected).ToJson());
        Assert.Equal(container, LabelFile.Detect(file)!.Name);
        var report = LabelFile.Verify(file);
        Assert.Equal(Verdict.NotFound, report.Verdict);
        Assert.Empty(report.Labels);
    }

    private static string Ffmpeg(Fixtures f, string name, string key, string value, params string[] args)
    {
        var path = f.Path(name);
        ExternalTool.RunChecked("ffmpeg", ["-v", "error", "-y", .. args, "-metadata", $"{key}={value}", path]);
        return path;
    }

    /// <summary>An ImageMagick PNG with a tEXt chunk (keyword, NUL, Latin-1 text) right after IHDR.</summary>
    private static string PngWithText(Fixtures f, string key, string value)
    {
        var png = File.ReadAllBytes(f.Image("png", "k-src"));
        byte[] typeAndData = [.. "tEXt"u8, .. Encoding.Latin1.GetBytes(key), 0, .. Encoding.Latin1.GetBytes(value)];
        var chunk = new byte[typeAndData.Length + 8];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)(typeAndData.Length - 4));
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(chunk.Length - 4), Crc32.Compute(typeAndData));
        const int afterIhdr = 8 + 8 + 13 + 4;
        var path = f.Path("k.png");
        File.WriteAllBytes(path, [.. png[..afterIhdr], .. chunk, .. png[afterIhdr..]]);
        return path;
    }

    /// <summary>A Ghostscript PDF whose document information dictionary has the key (a pdfmark DOCINFO entry).</summary>
    private static string PdfWithInfo(Fixtures f, string key, string value)
    {
        var path = f.Path("k.pdf");
        ExternalTool.RunChecked("gs", "-q", "-sDEVICE=pdfwrite", "-o", path, "-c",
            $"[ /{key} ({value}) /DOCINFO pdfmark /Helvetica findfont 12 scalefont setfont 72 72 moveto (hello) show showpage");
        return path;
    }

    /// <summary>An ffmpeg WAV with a LIST/INFO chunk holding the key appended (RIFF size updated).</summary>
    private static string WavWithInfo(Fixtures f, string key, string value)
    {
        var src = f.Path("k-src.wav");
        ExternalTool.RunChecked("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=d=0.3", "-c:a", "pcm_s16le", src);
        var wav = File.ReadAllBytes(src);
        var list = Chunk("LIST", [.. "INFO"u8, .. Chunk(key, [.. Encoding.UTF8.GetBytes(value), 0])]);
        byte[] all = [.. wav, .. list];
        BinaryPrimitives.WriteUInt32LittleEndian(all.AsSpan(4), (uint)(all.Length - 8));
        var path = f.Path("k.wav");
        File.WriteAllBytes(path, all);
        return path;
    }

    private static byte[] Chunk(string id, byte[] data)
    {
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        return [.. Encoding.ASCII.GetBytes(id), .. size, .. data, .. (data.Length % 2 == 1 ? new byte[] { 0 } : [])];
    }
}
