using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>Per-format fixture makers and expectations, shared by the round-trip, interop and fuzz tests.</summary>
public static class FormatCases
{
    /// <param name="ExifToolTag">The tag exiftool reads and writes for this placement (with the TC260 config); null when exiftool has none.</param>
    /// <param name="CheckValid">A peer tool's structural check of a written file (throws on failure); null when pixels are compared instead.</param>
    public sealed record Case(string Format, string Placement, Func<Fixtures, string> Make, bool Pixels, string? ExifToolTag, Action<string>? CheckValid = null);

    public static readonly Dictionary<string, Case> All = new()
    {
        ["png"] = new("png", "png/iTXt/XMP", f => f.Image("png"), true, "XMP-TC260:AIGC"),
        ["jpeg"] = new("jpeg", "jpeg/APP1/XMP", f => f.Image("jpg"), true, "XMP-TC260:AIGC"),
        ["pdf"] = new("pdf", "pdf/Info/AIGC", f => f.Pdf(), false, "PDF:AIGC", QpdfCheck),
        ["pdf-objstm"] = new("pdf", "pdf/Info/AIGC", f => f.Pdf(objectStreams: true), false, "PDF:AIGC", QpdfCheck),
    };

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
