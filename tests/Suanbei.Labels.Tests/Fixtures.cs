using Suanbei.Labels;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>Makes fixture files in a temporary folder with the Debian tools (no committed binaries).</summary>
public sealed class Fixtures : IDisposable
{
    public const string Producer = "001191440300708461136T1XGW3";
    public const string Producer2 = "001191330106MA2CFLDG4R10001";
    public static readonly string ExifToolConfig = System.IO.Path.Combine(
        RepoPaths.Root, "tests", "Suanbei.Labels.Tests", "Interop", "tc260.exiftool_config");

    public string Dir { get; } = Directory.CreateTempSubdirectory("suanbei-labels-").FullName;

    public string Path(string name) => System.IO.Path.Combine(Dir, name);

    public static AigcLabel Label(string id = "img-0001") => AigcLabel.ForProducer(Producer, id);

    /// <summary>A small image made by ImageMagick in the given format (png, jpg, webp, gif, tif, …).</summary>
    public string Image(string extension, string name = "plain", params string[] extraArgs)
    {
        var path = Path($"{name}.{extension}");
        var args = new List<string> { "-size", "48x32", "gradient:red-blue" };
        args.AddRange(extraArgs);
        args.Add(path);
        ExternalTool.RunChecked("convert", args.ToArray());
        return path;
    }

    /// <summary>An AVIF or HEIC still image made by libvips from a PNG.</summary>
    public string Heif(string extension)
    {
        var path = Path("plain." + extension);
        ExternalTool.RunChecked("vips", "copy", Image("png", "heif-source"), path);
        return path;
    }

    /// <summary>A three-frame animated GIF (NETSCAPE loop extension, local palettes).</summary>
    public string AnimatedGif()
    {
        var path = Path("animated.gif");
        ExternalTool.RunChecked("convert", "-delay", "10", "-size", "24x16", "xc:red", "xc:green", "xc:blue", "-loop", "0", path);
        return path;
    }

    /// <summary>A one-page PDF made by Ghostscript; with <paramref name="objectStreams"/>, rewritten by qpdf with an
    /// xref stream and object streams (PDF 1.5 style).</summary>
    public string Pdf(string name = "plain", bool objectStreams = false)
    {
        var path = Path(name + ".pdf");
        ExternalTool.RunChecked("gs", "-q", "-sDEVICE=pdfwrite", "-o", path, "-c",
            "/Helvetica findfont 12 scalefont setfont 72 72 moveto (hello AIGC) show showpage");
        if (!objectStreams) return path;
        var os = Path(name + "-objstm.pdf");
        ExternalTool.RunChecked("qpdf", "--object-streams=generate", path, os);
        return os;
    }

    /// <summary>An OOXML document made with the Open XML SDK (docx, xlsx or pptx), optionally with an AIGC custom property.</summary>
    public string Office(string extension, string? aigc = null, string name = "plain")
    {
        var path = Path($"{name}.{extension}");
        OfficeFixtures.Create(path, extension, aigc);
        return path;
    }

    public string TextFile(string extension, string content, string name = "plain")
    {
        var path = Path($"{name}.{extension}");
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Decoded pixels (RGBA) via ImageMagick, to prove a write did not touch them.</summary>
    public static string PixelHash(string path)
    {
        var r = ExternalTool.Run("convert", [path + "[0]", "-depth", "8", "rgba:-"]);
        Assert.Equal(0, r.ExitCode);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.Latin1.GetBytes(r.StdOut)));
    }

    public static string ExifTool(params string[] args)
    {
        var all = new List<string> { "-config", ExifToolConfig };
        all.AddRange(args);
        return ExternalTool.RunChecked("exiftool", all.ToArray());
    }

    /// <summary>The AIGC value exiftool reads (any group), or "" when none.</summary>
    public static string ExifToolAigc(string path, string tag = "AIGC") =>
        ExifTool("-s3", "-a", "-" + tag, path).Trim();

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}
