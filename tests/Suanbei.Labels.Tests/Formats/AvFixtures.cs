using System.Security.Cryptography;
using System.Text.Json;
using Suanbei.Testing;

namespace Suanbei.Labels.Tests.Formats;

/// <summary>Audio/video fixtures made in the test run with ffmpeg (lavfi testsrc/sine, tiny durations), and the
/// peer-tool checks (ffprobe tags, ffmpeg decode) the container tests share.</summary>
public sealed class AvFixtures : IDisposable
{
    public static readonly AigcLabel Label = AigcLabel.ForProducer("001191440300708461136T1XGW3", "p-20250901-0001");
    public static readonly AigcLabel OtherLabel = AigcLabel.ForProducer("001191330106MA2CFLDG4R10001", "other-id-42", "2");

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "suanbei-av-" + Guid.NewGuid().ToString("N")[..8]);

    public AvFixtures() => Directory.CreateDirectory(Dir);

    public string PathFor(string name) => Path.Combine(Dir, name);

    /// <summary>Runs ffmpeg with the given arguments (inputs and options) writing <paramref name="name"/>.</summary>
    public string Make(string name, params string[] args)
    {
        var output = PathFor(name);
        ExternalTool.RunChecked("ffmpeg", ["-v", "error", "-y", .. args, output]);
        return output;
    }

    public static readonly string[] Video = ["-f", "lavfi", "-i", "testsrc=d=1:s=64x48:r=10"];
    public static readonly string[] Audio = ["-f", "lavfi", "-i", "sine=d=1:f=440"];

    /// <summary>All tags ffprobe reports (format and streams), keys as ffprobe prints them.</summary>
    public static Dictionary<string, string> ProbeTags(string file)
    {
        var json = ExternalTool.RunChecked("ffprobe", "-v", "quiet", "-show_format", "-show_streams", "-of", "json", file);
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(json);
        void Collect(JsonElement e)
        {
            if (e.TryGetProperty("tags", out var t))
                foreach (var p in t.EnumerateObject()) tags.TryAdd(p.Name, p.Value.GetString() ?? "");
        }
        if (doc.RootElement.TryGetProperty("format", out var format)) Collect(format);
        if (doc.RootElement.TryGetProperty("streams", out var streams))
            foreach (var s in streams.EnumerateArray()) Collect(s);
        return tags;
    }

    /// <summary>Everything exiftool reports (all groups, duplicates kept), for "exiftool reads our label" checks.</summary>
    public static string ExifTool(string file) => ExternalTool.RunChecked("exiftool", "-a", "-G1", "-s", file);

    /// <summary>An exiftool config defining the TC260 XMP namespace (reference §5), so exiftool can write XMP-TC260:AIGC.</summary>
    public string ExifToolTc260Config()
    {
        var path = PathFor("tc260.config");
        File.WriteAllText(path, """
            %Image::ExifTool::UserDefined = (
                'Image::ExifTool::XMP::Main' => {
                    TC260 => { SubDirectory => { TagTable => 'Image::ExifTool::UserDefined::TC260' } },
                },
            );
            %Image::ExifTool::UserDefined::TC260 = (
                GROUPS => { 0 => 'XMP', 1 => 'XMP-TC260', 2 => 'Image' },
                NAMESPACE => { 'TC260' => 'http://www.tc260.org.cn/ns/AIGC/1.0/' },
                WRITABLE => 'string',
                AIGC => { },
            );
            1;
            """);
        return path;
    }

    /// <summary>Decodes every stream; returns ffmpeg's error output (empty when the file decodes cleanly).</summary>
    public static string DecodeErrors(string file)
    {
        var r = ExternalTool.Run("ffmpeg", ["-v", "error", "-i", file, "-f", "null", "-"]);
        return r.ExitCode == 0 ? r.StdErr.Trim() : $"exit {r.ExitCode}: {r.StdErr}";
    }

    /// <summary>Per-frame hashes of the decoded streams (to prove samples/pixels are untouched).</summary>
    public static string FrameHashes(string file) =>
        string.Join('\n', ExternalTool.RunChecked("ffmpeg", "-v", "error", "-i", file, "-map", "0", "-f", "framemd5", "-")
            .Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')));

    public static string HashRange(string file, long offset, long count)
    {
        using var s = File.OpenRead(file);
        s.Position = offset;
        var buffer = new byte[count];
        s.ReadExactly(buffer);
        return Convert.ToHexString(SHA256.HashData(buffer));
    }

    public static ContainerReadResult Read(IContainerFormat format, string file)
    {
        using var s = File.OpenRead(file);
        return format.Read(s);
    }

    public static string Write(IContainerFormat format, string input, string output, AigcLabel label)
    {
        using (var i = File.OpenRead(input))
        using (var o = File.Create(output))
            format.Write(i, o, label);
        return output;
    }

    public static void WriteInPlace(IContainerFormat format, string file, AigcLabel label)
    {
        using var f = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        format.WriteInPlace(f, label);
    }

    /// <summary>The one label found, checked to parse back to <paramref name="expected"/>.</summary>
    public static FoundLabel Single(ContainerReadResult result, AigcLabel expected)
    {
        Assert.Null(result.Damage);
        var found = Assert.Single(result.Labels);
        Assert.True(LabelPayload.TryParse(found.RawValue, out var payload, out var error), error);
        Assert.Equal(expected, payload!.ToLabel());
        return found;
    }

    public string Copy(string file, string name)
    {
        var target = PathFor(name);
        File.Copy(file, target, overwrite: true);
        return target;
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch { }
    }
}
