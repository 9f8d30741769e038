using System.Globalization;

namespace Suanbei.Labels.Explicit;

/// <summary>
/// Explicit label on an image with ImageMagick (Debian's imagemagick, run as a process): white Noto Sans CJK SC text on
/// a semi-transparent dark band, so it is legible on any background. The font size is 6 % of the shortest side (the
/// glyphs' ink is ~88 % of the em, leaving the text height above the 5 % the reference requires); never below 12 px.
/// The image keeps its size and format; only the band's pixels change.
/// </summary>
public static class ImageLabeler
{
    private const double FontFraction = 0.06;
    private const int MinFontPx = 12;

    public static ExplicitLabelReport Apply(string input, string output, ImageLabelPlacement placement = ImageLabelPlacement.Bottom,
        string wording = ExplicitLabel.DefaultWording)
    {
        ExplicitLabel.RequireInput(input);
        ExplicitLabel.RequireWording(wording);
        var (width, height) = Size(input);
        // Drawing on frame 0 only would flatten an animation; say so instead of silently losing frames.
        if (FrameCount(input) > 1) throw new ExplicitLabelException("多帧图片（动图）暂不支持添加显式标识");
        var fontPx = Math.Max(MinFontPx, (int)Math.Ceiling(Math.Min(width, height) * FontFraction));
        var margin = Math.Max(2, fontPx / 3);
        var text = wording;
        var (textW, textH) = Measure(text, fontPx);
        if (textW + 2 * margin > width && text != ExplicitLabel.ShortWording)
        {
            text = ExplicitLabel.ShortWording;
            (textW, textH) = Measure(text, fontPx);
        }
        if (textW + 2 * margin > width || textH + 2 * margin > height)
            throw new ExplicitLabelException($"图片过小（{width}×{height}），无法放下高度不低于最短边 5% 的提示文字");

        var bandH = textH + 2 * margin;
        var bandW = placement is ImageLabelPlacement.Bottom or ImageLabelPlacement.Top ? width : textW + 2 * margin;
        var top = placement is ImageLabelPlacement.Top or ImageLabelPlacement.TopLeft or ImageLabelPlacement.TopRight;
        var left = placement is ImageLabelPlacement.BottomLeft or ImageLabelPlacement.TopLeft ? 0
            : placement is ImageLabelPlacement.Bottom or ImageLabelPlacement.Top ? 0 : width - bandW;
        var y0 = top ? 0 : height - bandH;
        var gravity = placement switch
        {
            ImageLabelPlacement.Bottom => "South",
            ImageLabelPlacement.Top => "North",
            ImageLabelPlacement.BottomRight => "SouthEast",
            ImageLabelPlacement.BottomLeft => "SouthWest",
            ImageLabelPlacement.TopRight => "NorthEast",
            _ => "NorthWest",
        };
        ExplicitLabel.Atomically(output, temp => ExplicitLabel.Run("convert",
        [
            Path.GetFullPath(input) + "[0]",
            "-fill", "rgba(0,0,0,0.62)", "-draw", Invariant($"rectangle {left},{y0} {left + bandW - 1},{y0 + bandH - 1}"),
            "-font", ExplicitLabel.NotoCjkScFontName, "-pointsize", Invariant($"{fontPx}"), "-fill", "white",
            "-gravity", gravity, "-annotate", Invariant($"+{margin}+{margin}"), Escape(text),
            OutputSpec(temp, output),
        ]));
        return new ExplicitLabelReport("image", placement.ToString().ToLowerInvariant(), text, fontPx, null, new Dictionary<string, string>
        {
            ["imageWidth"] = Invariant($"{width}"), ["imageHeight"] = Invariant($"{height}"),
            ["bandHeightPx"] = Invariant($"{bandH}"), ["bandWidthPx"] = Invariant($"{bandW}"),
            ["textHeightRatio"] = (fontPx / (double)Math.Min(width, height)).ToString("F3", CultureInfo.InvariantCulture),
            ["font"] = ExplicitLabel.NotoCjkScFontName, ["tool"] = "ImageMagick convert",
        });
    }

    /// <summary>ImageMagick expands %-escapes and reads "@file" in text arguments: neutralise both.</summary>
    private static string Escape(string text) => (text.StartsWith('@') ? "\\" : "") + text.Replace("%", "%%");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>The temp file keeps the output's format: ImageMagick picks the encoder from an explicit prefix.</summary>
    private static string OutputSpec(string temp, string output)
    {
        var ext = Path.GetExtension(output).TrimStart('.').ToUpperInvariant();
        return ext.Length is > 0 and <= 5 && ext.All(char.IsLetterOrDigit) ? ext + ":" + temp : temp;
    }

    public static (int Width, int Height) Size(string image)
    {
        var text = ExplicitLabel.Run("identify", ["-format", "%w %h\n", Path.GetFullPath(image) + "[0]"]).Trim().Split('\n')[0].Split(' ');
        if (text.Length != 2 || !int.TryParse(text[0], out var w) || !int.TryParse(text[1], out var h) || w <= 0 || h <= 0)
            throw new ExplicitLabelException("无法读取图片尺寸");
        return (w, h);
    }

    private static int FrameCount(string image) =>
        int.TryParse(ExplicitLabel.Run("identify", ["-format", "%n\n", Path.GetFullPath(image)]).Trim().Split('\n')[0], out var n) ? n : 1;

    private static (int Width, int Height) Measure(string text, int fontPx)
    {
        var result = ExplicitLabel.Run("convert", ["-font", ExplicitLabel.NotoCjkScFontName, "-pointsize",
            fontPx.ToString(CultureInfo.InvariantCulture),
            "label:" + Escape(text), "-format", "%w %h", "info:"]).Trim().Split(' ');
        return (int.Parse(result[0], CultureInfo.InvariantCulture), int.Parse(result[1], CultureInfo.InvariantCulture));
    }
}
