using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>Per-format fixture makers and expectations, shared by the round-trip, interop and fuzz tests.</summary>
public static class FormatCases
{
    /// <param name="ExifToolTag">The tag exiftool reads and writes for this placement (with the TC260 config); null when
    /// exiftool has none.</param>
    /// <param name="CheckValid">A peer tool's structural check of a written file (throws on failure); null when pixels are
    /// compared instead.</param>
    /// <param name="HasStructure">False when a cut file is still a whole container (plain text; audio whose metadata
    /// comes first and whose frames carry no total length: MP3, FLAC, Ogg).</param>
    /// <param name="AudioVideo">Signing with a payload tamper per container is tested in Formats/AvSigningTests.</param>
    public sealed record Case(string Format, string Placement, Func<Fixtures, string> Make, bool Pixels, string? ExifToolTag,
        Action<string>? CheckValid = null, bool HasStructure = true, bool ExifToolWrites = true, bool AudioVideo = false);

    // Declared before the tables that use them (static fields initialise in textual order).
    private static readonly string[] Sine = ["-f", "lavfi", "-i", "sine=d=0.3:f=440"];
    private static readonly string[] TestSrc = ["-f", "lavfi", "-i", "testsrc=d=0.3:s=64x48:r=10"];

    public static readonly Dictionary<string, Case> All = new()
    {
        ["png"] = new("png", "png/iTXt/XMP", f => f.Image("png"), true, "XMP-TC260:AIGC"),
        ["jpeg"] = new("jpeg", "jpeg/APP1/XMP", f => f.Image("jpg"), true, "XMP-TC260:AIGC"),
        ["webp-lossy"] = new("webp", "webp/XMP", f => f.Image("webp", "lossy", "-quality", "80"), true, "XMP-TC260:AIGC"),
        ["webp-lossless"] = new("webp", "webp/XMP", f => f.Image("webp", "lossless", "-define", "webp:lossless=true"), true,
            "XMP-TC260:AIGC"),
        ["webp-alpha"] = new("webp", "webp/XMP", f => f.Image("webp", "alpha", "-alpha", "set", "-channel", "A", "-evaluate", "set",
            "50%", "-define", "webp:lossless=true"), true, "XMP-TC260:AIGC"),
        ["tiff-le"] = new("tiff", "tiff/IFD0/XMP", f => f.Image("tif", "le", "-endian", "LSB"), true, "XMP-TC260:AIGC"),
        ["tiff-be"] = new("tiff", "tiff/IFD0/XMP", f => f.Image("tif", "be", "-endian", "MSB", "-compress", "lzw"), true, "XMP-TC260:AIGC"),
        ["gif"] = new("gif", "gif/XMP", f => f.Image("gif"), true, "XMP-TC260:AIGC"),
        ["gif-animated"] = new("gif", "gif/XMP", f => f.AnimatedGif(), true, "XMP-TC260:AIGC"),
        ["avif"] = new("heif", "heif/meta/XMP", f => f.Heif("avif"), true, "XMP-TC260:AIGC"),
        ["heic"] = new("heif", "heif/meta/XMP", f => f.Heif("heic"), true, "XMP-TC260:AIGC"),
        ["pdf"] = new("pdf", "pdf/Info/AIGC", f => f.Pdf(), false, "PDF:AIGC", QpdfCheck),
        ["docx"] = new("ooxml", "ooxml/docProps/custom.xml/AIGC", f => f.Office("docx"), false, "XML:AIGC", OfficeCheck,
            ExifToolWrites: false),
        ["xlsx"] = new("ooxml", "ooxml/docProps/custom.xml/AIGC", f => f.Office("xlsx"), false, "XML:AIGC", OfficeCheck,
            ExifToolWrites: false),
        ["pptx"] = new("ooxml", "ooxml/docProps/custom.xml/AIGC", f => f.Office("pptx"), false, "XML:AIGC", OfficeCheck,
            ExifToolWrites: false),
        ["epub"] = new("epub", "epub/opf/meta/AIGC", f => ZipPackageFixtures.Epub(f), false, "XML:MetaContent",
            ZipPackageFixtures.EpubCheck, ExifToolWrites: false),
        ["ofd"] = new("ofd", "ofd/OFD.xml/CustomData/AIGC", f => ZipPackageFixtures.Ofd(f), false, null, ZipPackageFixtures.OfdCheck),
        ["ofd-customdatas"] = new("ofd", "ofd/OFD.xml/CustomData/AIGC",
            f => ZipPackageFixtures.Ofd(f,
                customDatas: "<ofd:CustomDatas><ofd:CustomData Name=\"部门\">办公室</ofd:CustomData></ofd:CustomDatas>"),
            false, null, ZipPackageFixtures.OfdCheck),
        ["markdown"] = new("markdown", "markdown/front-matter/AIGC", f => f.TextFile("md", "# 标题\n\n正文。\n"), false, null),
        ["markdown-frontmatter"] = new("markdown", "markdown/front-matter/AIGC",
            f => f.TextFile("md", "---\ntitle: 示例\ntags: [a, b]\n---\n# 标题\n"), false, null),
        ["text"] = new("text", "text/last-line", f => f.TextFile("txt", "第一行\n第二行"), false, null, HasStructure: false),
        ["pdf-objstm"] = new("pdf", "pdf/Info/AIGC", f => f.Pdf(objectStreams: true), false, "PDF:AIGC", QpdfCheck),
        ["wav"] = Av("wav", "wav/LIST/INFO/AIGC", "plain.wav", [.. Sine, "-c:a", "pcm_s16le"]),
        ["avi"] = Av("avi", "avi/LIST/INFO/AIGC", "plain.avi", [.. TestSrc, .. Sine, "-c:v", "mpeg4", "-c:a", "pcm_s16le", "-shortest"]),
        ["mp3"] = Av("mp3", "mp3/ID3v2/TXXX/AIGC", "plain.mp3", [.. Sine, "-c:a", "libmp3lame"], hasStructure: false),
        ["flac"] = Av("flac", "flac/VORBIS_COMMENT/AIGC", "plain.flac", [.. Sine, "-c:a", "flac"], hasStructure: false),
        ["ogg-vorbis"] = Av("ogg", "ogg/VorbisComment/AIGC", "plain.ogg", [.. Sine, "-c:a", "libvorbis"], hasStructure: false),
        ["ogg-opus"] = Av("ogg", "ogg/OpusTags/AIGC", "plain.opus", [.. Sine, "-c:a", "libopus"], hasStructure: false),
        // Room before the clusters (a Void), as a muxer leaves for tag editing, so labels can be rewritten in place.
        ["mkv"] = Av("mkv", "mkv/Tags/SimpleTag/AIGC", "plain.mkv",
            [.. TestSrc, .. Sine, "-c:v", "libx264", "-c:a", "aac", "-shortest", "-reserve_index_space", "8192"]),
        ["mp4"] = Av("mp4", "mp4/moov/udta/meta/keys", "plain.mp4", [.. TestSrc, .. Sine, "-c:v", "libx264", "-c:a", "aac", "-shortest"]),
        ["mov"] = Av("mp4", "mp4/moov/udta/meta/keys", "plain.mov", [.. TestSrc, "-c:v", "mpeg4"]),
        ["svg"] = new("svg", "svg/metadata/XMP", f => f.TextFile("svg", MarkupSamples.Svg), false, "XMP-TC260:AIGC", SvgCheck,
            ExifToolWrites: false),
        ["svg-rdf"] = new("svg", "svg/metadata/XMP", f => f.TextFile("svg", MarkupSamples.SvgWithRdf), false, "XMP-TC260:AIGC",
            SvgCheck,
            ExifToolWrites: false),
        ["html"] = new("html", "html/meta/AIGC", f => f.TextFile("html", MarkupSamples.Html), false, null, ChromiumCheck,
            HasStructure: false),
        ["htm-fragment"] = new("html", "html/meta/AIGC", f => f.TextFile("htm", MarkupSamples.HtmlFragment), false, null,
            ChromiumCheck, HasStructure: false),
        ["m4a"] = Av("mp4", "mp4/moov/udta/meta/keys", "plain.m4a", [.. Sine, "-c:a", "aac"]),
        ["flv"] = Av("flv", "flv/onMetaData/AIGC", "plain.flv", [.. TestSrc, .. Sine, "-c:v", "flv1", "-c:a", "libmp3lame", "-shortest"]),
    };

    /// <summary>An audio/video case: an ffmpeg fixture, and ffprobe (a peer reader) must see exactly the label Suanbei reads.</summary>
    private static Case Av(string format, string placement, string name, string[] args, bool hasStructure = true) =>
        new(format, placement, f => Ffmpeg(f, name, args), false, null, FfprobeCheck, hasStructure, AudioVideo: true);

    public static void FfprobeCheck(string path) =>
        Assert.Equal(LabelFile.Verify(path).Labels.Single().RawValue, Formats.AvFixtures.ProbeTags(path)["AIGC"]);

    /// <summary>Fuzzed only (their round trips, peer-tool checks and in-place tests live in Formats/*Tests): container
    /// variants whose fixtures are made here rather than by a plain tool call.</summary>
    public static readonly Dictionary<string, Case> FuzzOnly = new()
    {
        ["wav-rf64"] = new("wav", "wav/LIST/INFO/AIGC",
            f => Ffmpeg(f, "rf64.wav", "-f", "lavfi", "-i", "sine=d=0.3:f=440", "-c:a", "pcm_s16le", "-rf64", "always"), false, null),
        ["avi-opendml"] = new("avi", "avi/LIST/INFO/AIGC", f => WriteBytes(f, "odml.avi", Formats.OpenDmlAvi.Build()), false, null),
        ["mp3-id3v22"] = new("mp3", "mp3/ID3v2/TXXX/AIGC", f => WriteBytes(f, "v22.mp3",
            [.. Formats.Mp3Tests.V22Tag(
                    [("TT2", [0, .. "title"u8]), ("COM", [0, .. "eng"u8, 0, .. "comment"u8]), ("PIC", [0, .. "PNG"u8, 3, 0, 1, 2, 3])], 64),
             .. File.ReadAllBytes(Ffmpeg(f, "v22-src.mp3", "-f", "lavfi", "-i", "sine=d=0.3:f=440", "-c:a", "libmp3lame",
                    "-id3v2_version", "0"))]), false, null),
    };

    private static string Ffmpeg(Fixtures f, string name, params string[] args)
    {
        var path = f.Path(name);
        ExternalTool.RunChecked("ffmpeg", ["-v", "error", "-y", .. args, path]);
        return path;
    }

    private static string WriteBytes(Fixtures f, string name, byte[] bytes)
    {
        var path = f.Path(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The Open XML SDK opens the written package and sees exactly the label Suanbei reads.</summary>
    public static void OfficeCheck(string path) =>
        Assert.Equal(LabelFile.Verify(path).Labels.Single().RawValue, OfficeFixtures.ReadAigc(path));

    /// <summary>The written SVG is well-formed XML whose root is still svg.</summary>
    public static void SvgCheck(string path)
    {
        var settings = new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Ignore, XmlResolver = null };
        using var reader = System.Xml.XmlReader.Create(path, settings);
        Assert.Equal("svg", System.Xml.Linq.XDocument.Load(reader).Root!.Name.LocalName);
    }

    /// <summary>Chromium parses the written page: the DOM it builds (dumped after parsing) has the label as a meta
    /// element in head — what <c>document.querySelector('head meta[name=AIGC]')</c> finds — and the body text.</summary>
    public static void ChromiumCheck(string path)
    {
        var profile = Directory.CreateTempSubdirectory("suanbei-chromium-").FullName;
        try
        {
            var dom = ExternalTool.RunChecked("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--dump-dom",
                new Uri(path).AbsoluteUri);
            var head = dom[..dom.IndexOf("</head>", StringComparison.Ordinal)];
            var dumped = Path.Combine(profile, "dom.html");
            File.WriteAllText(dumped, head + "</head></html>");
            Assert.Equal(LabelFile.Verify(path).Labels.Single().Label, LabelFile.Verify(dumped).Labels.Single().Label);
            Assert.Contains(MarkupSamples.BodyText, dom);
        }
        finally { Directory.Delete(profile, recursive: true); }
    }

    public static void QpdfCheck(string path)
    {
        var r = ExternalTool.Run("qpdf", ["--check", path]);
        Assert.True(r.ExitCode == 0, $"qpdf --check {path}: {r.StdOut} {r.StdErr}");
        Assert.Contains("No syntax or stream encoding errors", r.StdOut);
    }

    public static IEnumerable<object[]> Names() => All.Keys.Select(k => new object[] { k });

    public static IEnumerable<object[]> InPlaceNames() =>
        All.Where(c => ContainerFormats.All.First(f => f.Name == c.Value.Format).SupportsInPlace).Select(c => new object[] { c.Key });
}
