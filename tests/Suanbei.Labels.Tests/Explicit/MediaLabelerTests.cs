using System.Buffers.Binary;
using System.Globalization;
using Suanbei.Labels.Explicit;
using Suanbei.Labels.Tests.Formats;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests.Explicit;

public sealed class MediaLabelerTests : IClassFixture<AvFixtures>
{
    private readonly AvFixtures _fx;

    public MediaLabelerTests(AvFixtures fx) => _fx = fx;

    /// <summary>Bounding box (w, h) of near-white pixels inside a region: the label text's ink.</summary>
    private static (int W, int H) WhiteInk(string image, int x, int y, int w, int h)
    {
        var geometry = ExternalTool.RunChecked("convert", image, "-crop", $"{w}x{h}+{x}+{y}", "+repage", "-colorspace", "Gray",
            "-threshold", "85%", "-bordercolor", "black", "-border", "1", "-format", "%@", "info:").Trim();
        var size = geometry.Split('+')[0].Split('x');
        return (int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("black", ImageLabelPlacement.Bottom)]
    [InlineData("white", ImageLabelPlacement.BottomRight)]
    [InlineData("gray60", ImageLabelPlacement.TopLeft)]
    public void Image_label_keeps_size_and_its_text_is_at_least_5_percent_high_on_any_background(
        string background, ImageLabelPlacement placement)
    {
        var input = _fx.PathFor($"img-{background}.png");
        ExternalTool.RunChecked("convert", "-size", "480x300", "xc:" + background, input);
        var output = _fx.PathFor($"img-{background}-labeled.png");
        var report = ImageLabeler.Apply(input, output, placement);

        Assert.Equal((480, 300), ImageLabeler.Size(output));
        var band = int.Parse(report.Details["bandHeightPx"], CultureInfo.InvariantCulture);
        var bandWidth = int.Parse(report.Details["bandWidthPx"], CultureInfo.InvariantCulture);
        var top = placement is ImageLabelPlacement.TopLeft;
        var left = placement is ImageLabelPlacement.BottomRight ? 480 - bandWidth : 0;
        var (inkW, inkH) = WhiteInk(output, left, top ? 0 : 300 - band, bandWidth, band);
        Assert.True(inkH >= 0.05 * 300, $"text ink height {inkH}px < 5% of 300px");
        Assert.True(inkW > inkH * 3, "the wording should be drawn");
        // Legible: the band is dark where the text is white, whatever the background was.
        var mean = ExternalTool.RunChecked("convert", output, "-crop", $"{bandWidth}x{band}+{left}+{(top ? 0 : 300 - band)}", "+repage",
            "-colorspace", "Gray", "-format", "%[fx:mean]", "info:");
        Assert.True(double.Parse(mean, CultureInfo.InvariantCulture) < 0.6, $"band mean {mean}");
        // Outside the band nothing changed.
        var outside = top ? $"480x{300 - band}+0+{band}" : $"480x{300 - band}+0+0";
        Assert.Equal("0", ExternalTool.Run("compare", ["-metric", "AE", input + "[" + outside + "]", output + "[" + outside + "]", "null:"])
            .StdErr.Trim());
    }

    [Fact]
    public void Image_too_small_or_animated_is_refused_and_nothing_is_written()
    {
        var tiny = _fx.PathFor("tiny.png");
        ExternalTool.RunChecked("convert", "-size", "30x10", "xc:white", tiny);
        Assert.Throws<ExplicitLabelException>(() => ImageLabeler.Apply(tiny, _fx.PathFor("tiny-out.png")));
        var gif = _fx.PathFor("anim.gif");
        ExternalTool.RunChecked("convert", "-delay", "10", "-size", "200x200", "xc:red", "xc:blue", gif);
        Assert.Throws<ExplicitLabelException>(() => ImageLabeler.Apply(gif, _fx.PathFor("anim-out.gif")));
        Assert.False(File.Exists(_fx.PathFor("tiny-out.png")));
        Assert.False(File.Exists(_fx.PathFor("anim-out.gif")));
    }

    [Fact]
    public void Video_label_is_shown_for_the_first_seconds_at_5_percent_with_audio_copied()
    {
        var input = _fx.Make("v.mp4", "-f", "lavfi", "-i", "color=c=black:s=320x240:r=10:d=4", "-f", "lavfi", "-i", "sine=d=4", "-c:v",
            "libx264", "-c:a", "aac", "-shortest");
        var output = _fx.PathFor("v-labeled.mp4");
        var report = VideoLabeler.Apply(input, output, seconds: 2);
        Assert.True(report.TextHeightPx >= 0.05 * 240);
        Assert.Equal(2, report.DurationSeconds);

        string Frame(string file, string at)
        {
            var png = _fx.PathFor($"frame-{Path.GetFileNameWithoutExtension(file)}-{at}.png");
            ExternalTool.RunChecked("ffmpeg", "-v", "error", "-y", "-ss", at, "-i", file, "-frames:v", "1", png);
            return png;
        }
        var (_, inkH) = WhiteInk(Frame(output, "1.0"), 0, 120, 320, 120);
        Assert.True(inkH >= 0.05 * 240, $"text ink {inkH}px");
        var after = ExternalTool.RunChecked("convert", Frame(output, "3.0"), "-colorspace", "Gray", "-format", "%[fx:maxima]", "info:");
        Assert.True(double.Parse(after, CultureInfo.InvariantCulture) < 0.2, "no label after the label time");

        string AudioHash(string file) => ExternalTool.RunChecked(
            "ffmpeg", "-v", "error", "-i", file, "-map", "0:a", "-c", "copy", "-f", "md5", "-");
        Assert.Equal(AudioHash(input), AudioHash(output));
        Assert.Equal("", AvFixtures.DecodeErrors(output));
        Assert.Throws<ExplicitLabelException>(() => VideoLabeler.Apply(input, _fx.PathFor("x.mp4"), seconds: 1.5));
    }

    /// <summary>Tone/silence runs (ms) found in 16-bit mono samples by 5 ms RMS windows.</summary>
    private static List<(bool Tone, int Ms)> Runs(ReadOnlySpan<byte> pcm, int rate, int maxMs)
    {
        var window = rate / 200;
        var runs = new List<(bool, int)>();
        for (var start = 0; start + window <= pcm.Length / 2 && start < rate * maxMs / 1000; start += window)
        {
            double sum = 0;
            for (var i = start; i < start + window; i++)
            {
                double v = BinaryPrimitives.ReadInt16LittleEndian(pcm[(2 * i)..]);
                sum += v * v;
            }
            var tone = Math.Sqrt(sum / window) > 2000;
            if (runs.Count > 0 && runs[^1].Item1 == tone) runs[^1] = (tone, runs[^1].Item2 + 5);
            else runs.Add((tone, 5));
        }
        return runs;
    }

    [Fact]
    public void Wav_cue_is_short_long_short_short_at_the_start_and_the_original_samples_follow_unchanged()
    {
        var input = _fx.Make("a.wav", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "1", "-c:a", "pcm_s16le");
        var output = _fx.PathFor("a-cue.wav");
        var report = AudioLabeler.Apply(input, output);
        Assert.Equal("native 16-bit PCM", report.Details["method"]);

        var original = File.ReadAllBytes(input);
        var labeled = File.ReadAllBytes(output);
        var dataIn = original.AsSpan().IndexOf("data"u8) + 8;
        var dataOut = labeled.AsSpan().IndexOf("data"u8) + 8;
        var cueBytes = (int)(AudioLabeler.CueSeconds * 16000) * 2;
        Assert.Equal(original.Length - dataIn, BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(dataIn - 4)));
        Assert.Equal(original[dataIn..], labeled[(dataOut + cueBytes)..]);

        var tones = Runs(labeled.AsSpan(dataOut, cueBytes), 16000, 2000).Where(r => r.Tone).Select(r => r.Ms).ToList();
        Assert.Equal(4, tones.Count);
        Assert.True(tones[1] > 2 * tones[0] && tones[1] > 2 * tones[2] && tones[1] > 2 * tones[3], string.Join(",", tones)); // 短长短短
        Assert.InRange(double.Parse(ExternalTool.RunChecked(
            "ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", output), CultureInfo.InvariantCulture),
            1 + AudioLabeler.CueSeconds - 0.01, 1 + AudioLabeler.CueSeconds + 0.01);
    }

    [Fact]
    public void Mp3_cue_goes_through_ffmpeg_and_lengthens_the_audio_by_the_cue()
    {
        var input = _fx.Make("b.mp3", [.. AvFixtures.Audio, "-c:a", "libmp3lame"]);
        var output = _fx.PathFor("b-cue.mp3");
        Assert.Equal("ffmpeg concat", AudioLabeler.Apply(input, output).Details["method"]);
        double Duration(string f) => double.Parse(ExternalTool.RunChecked(
            "ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", f), CultureInfo.InvariantCulture);
        Assert.InRange(Duration(output) - Duration(input), AudioLabeler.CueSeconds - 0.1, AudioLabeler.CueSeconds + 0.1);
        var decoded = _fx.PathFor("b-cue-decoded.wav");
        ExternalTool.RunChecked("ffmpeg", "-v", "error", "-y", "-i", output, "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", decoded);
        var pcm = File.ReadAllBytes(decoded);
        var data = pcm.AsSpan().IndexOf("data"u8) + 8;
        var tones = Runs(pcm.AsSpan(data), 16000, (int)(AudioLabeler.CueSeconds * 1000) - 100).Where(r => r.Tone).Select(r => r.Ms)
            .ToList();
        Assert.Equal(4, tones.Count);
        Assert.True(tones[1] > 2 * tones[0], string.Join(",", tones));
    }
}
