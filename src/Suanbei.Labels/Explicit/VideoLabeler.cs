using System.Globalization;
using System.Text.Json;

namespace Suanbei.Labels.Explicit;

/// <summary>
/// Explicit label on a video with ffmpeg's drawtext (Debian ffmpeg, run as a process): white Noto Sans CJK text on a
/// semi-transparent dark box at the bottom centre for the first <c>seconds</c> (≥ 2 s, the reference minimum) at a font
/// size of 6 % of the shortest side. The text is passed through a file (no filter-string escaping of user text); audio
/// is stream-copied; global metadata (and so an implicit AIGC label) is kept.
/// </summary>
public static class VideoLabeler
{
    public const double MinimumSeconds = 2.0;
    private const double FontFraction = 0.06;

    public static ExplicitLabelReport Apply(string input, string output, double seconds = 3.0,
        string wording = ExplicitLabel.DefaultWording)
    {
        ExplicitLabel.RequireInput(input);
        ExplicitLabel.RequireWording(wording);
        if (seconds < MinimumSeconds) throw new ExplicitLabelException($"显示时长须不少于 {MinimumSeconds} 秒");
        var (width, height, duration) = Probe(input);
        var fontPx = Math.Max(12, (int)Math.Ceiling(Math.Min(width, height) * FontFraction));
        var text = wording;
        // CJK glyphs are about one em wide; fall back to the short wording when the sentence would not fit.
        if (text.Length * fontPx * 1.05 > width * 0.94) text = ExplicitLabel.ShortWording;
        var shown = duration is { } d && d < seconds ? d : seconds;
        var textFile = Path.Combine(Path.GetTempPath(), "suanbei-drawtext-" + Guid.NewGuid().ToString("N")[..8] + ".txt");
        File.WriteAllText(textFile, text);
        try
        {
            var ext = Path.GetExtension(output).ToLowerInvariant();
            var filter = string.Create(CultureInfo.InvariantCulture,
                $"drawtext=fontfile={ExplicitLabel.NotoCjkFontFile}:textfile={textFile}:fontsize={fontPx}:fontcolor=white:box=1:" +
                $"boxcolor=black@0.62:boxborderw={Math.Max(2, fontPx / 3)}:x=(w-text_w)/2:y=h-text_h-{Math.Max(2, fontPx / 2)}:" +
                $"enable='lt(t,{seconds})'");
            List<string> args = ["-v", "error", "-y", "-i", Path.GetFullPath(input), "-map", "0:v:0", "-map", "0:a?", "-vf", filter, "-c:a",
                "copy"];
            args.AddRange(ext == ".webm" ? ["-c:v", "libvpx", "-b:v", "2M", "-deadline", "realtime"]
                : ["-c:v", "libx264", "-preset", "veryfast", "-crf", "18"]);
            if (ext is ".mp4" or ".mov" or ".m4v") args.AddRange(["-movflags", "+use_metadata_tags"]);
            ExplicitLabel.Atomically(output, temp => ExplicitLabel.Run("ffmpeg", [.. args, "-f", MuxerFor(ext), temp]));
        }
        finally { File.Delete(textFile); }
        return new ExplicitLabelReport("video", "bottom-center, start", text, fontPx, shown, new Dictionary<string, string>
        {
            ["videoWidth"] = width.ToString(CultureInfo.InvariantCulture), ["videoHeight"] = height.ToString(CultureInfo.InvariantCulture),
            ["textHeightRatio"] = (fontPx / (double)Math.Min(width, height)).ToString("F3", CultureInfo.InvariantCulture),
            ["font"] = ExplicitLabel.NotoCjkFontFile, ["tool"] = "ffmpeg drawtext", ["audio"] = "stream copy",
        });
    }

    private static string MuxerFor(string ext) => ext switch
    {
        ".mp4" or ".m4v" => "mp4",
        ".mov" => "mov",
        ".mkv" => "matroska",
        ".webm" => "webm",
        ".avi" => "avi",
        _ => throw new ExplicitLabelException($"不支持的视频输出格式：{ext}（支持 .mp4 .mov .mkv .webm .avi）"),
    };

    internal static (int Width, int Height, double? Duration) Probe(string input)
    {
        var json = ExplicitLabel.Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries",
            "stream=width,height:format=duration", "-of", "json", Path.GetFullPath(input)]);
        using var doc = JsonDocument.Parse(json);
        var streams = doc.RootElement.GetProperty("streams");
        if (streams.GetArrayLength() == 0) throw new ExplicitLabelException("输入文件没有视频流");
        var s = streams[0];
        double? duration = doc.RootElement.TryGetProperty("format", out var f) && f.TryGetProperty("duration", out var d)
            && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        return (s.GetProperty("width").GetInt32(), s.GetProperty("height").GetInt32(), duration);
    }
}
