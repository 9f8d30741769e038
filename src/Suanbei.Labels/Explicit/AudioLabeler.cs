using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Suanbei.Labels.Formats;
using Suanbei.Labels.Formats.Io;
using Suanbei.Labels.Formats.Riff;

namespace Suanbei.Labels.Explicit;

/// <summary>
/// Explicit label for audio: the rhythm cue 短长短短 (Morse ·– ·· for "AI") at the start. A short tone is one unit
/// (120 ms), a long tone three units, one unit of silence inside a letter, three between letters, and a pause of
/// <see cref="TailMs"/> before the content. 1 kHz sine at half scale with 5 ms fades (no clicks).
/// 16-bit PCM WAV is done natively (cue samples written, original samples copied through unchanged); other formats
/// through ffmpeg (cue + content concatenated and re-encoded in the output's format).
/// </summary>
public static class AudioLabeler
{
    public const int UnitMs = 120;
    public const int TailMs = 400;
    public const double ToneHz = 1000;

    /// <summary>The cue as (tone?, milliseconds) segments: · – gap · · then the pause.</summary>
    public static readonly IReadOnlyList<(bool Tone, int Ms)> Pattern =
    [
        (true, UnitMs), (false, UnitMs), (true, 3 * UnitMs),   // A: ·–
        (false, 3 * UnitMs),                                 // letter gap
        (true, UnitMs), (false, UnitMs), (true, UnitMs),       // I: ··
        (false, TailMs),
    ];

    public static double CueSeconds => Pattern.Sum(p => p.Ms) / 1000.0;

    public static ExplicitLabelReport Apply(string input, string output)
    {
        ExplicitLabel.RequireInput(input);
        var ext = Path.GetExtension(output).ToLowerInvariant();
        string method;
        if (ext is ".wav" && TryPcm16(input, out var format)) { ApplyNativeWav(input, output, format); method = "native 16-bit PCM"; }
        else { ApplyWithFfmpeg(input, output, ext); method = "ffmpeg concat"; }
        return new ExplicitLabelReport("audio", "start", "节奏提示音 短长短短（摩尔斯 ·– ·· = AI）", null, CueSeconds, new Dictionary<string, string>
        {
            ["toneHz"] = ToneHz.ToString(CultureInfo.InvariantCulture), ["unitMs"] = UnitMs.ToString(CultureInfo.InvariantCulture),
            ["method"] = method,
        });
    }

    private sealed record Pcm(int Channels, int SampleRate, int BlockAlign, long DataOffset, long DataSize, List<RiffChunk> Chunks,
        RiffChunk Data);

    private static bool TryPcm16(string input, out Pcm format)
    {
        format = null!;
        using var s = File.OpenRead(input);
        var outline = RiffChunks.Walk(s);
        if (outline is null || outline.FormType != "WAVE" || outline.IsRf64 || outline.Error is not null) return false;
        var fmt = outline.Chunks.FirstOrDefault(c => c.Id == "fmt ");
        var data = outline.Chunks.FirstOrDefault(c => c.Id == "data");
        if (fmt.Id is null || data.Id is null || fmt.DataSize < 16) return false;
        var f = BoundedRead.ReadAt(s, fmt.DataOffset, Math.Min(fmt.DataSize, 64));
        if (f is null) return false;
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(f);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(f.AsSpan(2));
        var rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(f.AsSpan(4));
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(f.AsSpan(12));
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(f.AsSpan(14));
        // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID starts with the real format tag.
        if (tag == 0xFFFE && f.Length >= 26) tag = BinaryPrimitives.ReadUInt16LittleEndian(f.AsSpan(24));
        if (tag != 1 || bits != 16 || channels is 0 or > 32 || rate is <= 0 or > 768_000 || blockAlign != channels * 2) return false;
        format = new Pcm(channels, rate, blockAlign, data.DataOffset, data.DataSize, outline.Chunks, data);
        return true;
    }

    /// <summary>The cue as interleaved 16-bit little-endian samples.</summary>
    public static byte[] CueSamples(int sampleRate, int channels)
    {
        var frames = Pattern.Sum(p => (long)p.Ms * sampleRate / 1000);
        var bytes = new byte[frames * channels * 2];
        var fade = sampleRate * 5 / 1000;
        long frame = 0;
        foreach (var (tone, ms) in Pattern)
        {
            var n = (long)ms * sampleRate / 1000;
            for (long i = 0; i < n; i++, frame++)
            {
                short value = 0;
                if (tone)
                {
                    var envelope = Math.Min(1.0, Math.Min(i, n - 1 - i) / (double)Math.Max(1, fade));
                    value = (short)Math.Round(0.5 * short.MaxValue * envelope * Math.Sin(2 * Math.PI * ToneHz * i / sampleRate));
                }
                for (var c = 0; c < channels; c++) BinaryPrimitives.WriteInt16LittleEndian(
                    bytes.AsSpan((int)((frame * channels + c) * 2)), value);
            }
        }
        return bytes;
    }

    private static void ApplyNativeWav(string input, string output, Pcm format)
    {
        var cue = CueSamples(format.SampleRate, format.Channels);
        using var s = File.OpenRead(input);
        var total = 4L + format.Chunks.Sum(c => 8 + c.DataSize + (c.DataSize & 1)) + cue.Length;
        if (total > uint.MaxValue || format.DataSize + cue.Length > uint.MaxValue) throw new ExplicitLabelException(
            "加入提示音后 WAV 将超过 4 GB 上限");
        ExplicitLabel.Atomically(output, temp =>
        {
            using var o = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            o.Write("RIFF"u8);
            IntegerWrites.WriteU32LE(o, (uint)total);
            o.Write("WAVE"u8);
            foreach (var c in format.Chunks)
            {
                if (c.Offset == format.Data.Offset)
                {
                    o.Write("data"u8);
                    IntegerWrites.WriteU32LE(o, (uint)(c.DataSize + cue.Length));
                    o.Write(cue);                                   // the cue first: it is heard at the start
                    RangeCopy.CopyRange(s, c.DataOffset, c.DataSize, o); // original samples unchanged
                }
                else RangeCopy.CopyRange(s, c.Offset, 8 + c.DataSize, o);
                if ((c.DataSize & 1) == 1) o.WriteByte(0);
            }
        });
    }

    private static void ApplyWithFfmpeg(string input, string output, string ext)
    {
        var json = ExplicitLabel.Run("ffprobe", ["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=sample_rate,channels",
            "-of", "json", Path.GetFullPath(input)]);
        using var doc = JsonDocument.Parse(json);
        var streams = doc.RootElement.GetProperty("streams");
        if (streams.GetArrayLength() == 0) throw new ExplicitLabelException("输入文件没有音频流");
        var rate = int.Parse(streams[0].GetProperty("sample_rate").GetString()!, CultureInfo.InvariantCulture);
        var channels = streams[0].GetProperty("channels").GetInt32();
        var cueFile = Path.Combine(Path.GetTempPath(), "suanbei-cue-" + Guid.NewGuid().ToString("N")[..8] + ".wav");
        try
        {
            WriteWav(cueFile, CueSamples(rate, channels), rate, channels);
            var muxer = ext switch
            {
                ".mp3" => "mp3",
                ".m4a" or ".mp4" => "mp4",
                ".flac" => "flac",
                ".ogg" or ".oga" => "ogg",
                ".opus" => "opus",
                ".wav" =>
                    "wav",
                ".mka" => "matroska",
                _ => throw new ExplicitLabelException($"不支持的音频输出格式：{ext}（支持 .wav .mp3 .m4a .flac .ogg .opus .mka）"),
            };
            var layout = channels switch { 1 => "mono", 2 => "stereo", _ => $"{channels}c" };
            var format = $"aformat=sample_fmts=s16:sample_rates={rate}:channel_layouts={layout}";
            var filter = $"[0:a]{format}[c];[1:a:0]{format}[a];[c][a]concat=n=2:v=0:a=1[out]";
            List<string> args = ["-v", "error", "-y", "-i", cueFile, "-i", Path.GetFullPath(input), "-filter_complex", filter, "-map",
                "[out]", "-map_metadata", "1"];
            if (muxer == "mp4") args.AddRange(["-movflags", "+use_metadata_tags"]);
            ExplicitLabel.Atomically(output, temp => ExplicitLabel.Run("ffmpeg", [.. args, "-f", muxer, temp]));
        }
        finally { File.Delete(cueFile); }
    }

    private static void WriteWav(string path, byte[] samples, int rate, int channels)
    {
        using var o = File.Create(path);
        o.Write("RIFF"u8); IntegerWrites.WriteU32LE(o, (uint)(36 + samples.Length)); o.Write("WAVE"u8);
        o.Write("fmt "u8); IntegerWrites.WriteU32LE(o, 16);
        o.Write([1, 0, (byte)channels, 0]); IntegerWrites.WriteU32LE(o, (uint)rate); IntegerWrites.WriteU32LE(
            o, (uint)(rate * channels * 2));
        o.Write([(byte)(channels * 2), 0, 16, 0]);
        o.Write("data"u8); IntegerWrites.WriteU32LE(o, (uint)samples.Length); o.Write(samples);
    }
}
