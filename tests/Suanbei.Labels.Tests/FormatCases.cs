using Suanbei.Testing;

namespace Suanbei.Labels.Tests;

/// <summary>Per-format fixture makers and expectations, shared by the round-trip, interop and fuzz tests.</summary>
public static class FormatCases
{
    public sealed record Case(string Format, string Placement, Func<Fixtures, string> Make, bool Pixels, bool ExifToolReadsXmp);

    public static readonly Dictionary<string, Case> All = new()
    {
        ["png"] = new("png", "png/iTXt/XMP", f => f.Image("png"), true, true),
        ["jpeg"] = new("jpeg", "jpeg/APP1/XMP", f => f.Image("jpg"), true, true),
    };

    public static IEnumerable<object[]> Names() => All.Keys.Select(k => new object[] { k });
}
