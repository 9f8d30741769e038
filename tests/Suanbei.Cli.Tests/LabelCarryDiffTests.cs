using System.Text.Json.Nodes;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary><c>label carry</c> and <c>label diff</c> after the processing a platform applies to uploads: a real ffmpeg
/// transcode and a real ImageMagick resize, each of which drops the label.</summary>
public sealed class LabelCarryDiffTests : IDisposable
{
    private const string Producer = "001191440300708461136T1XGW3";
    private const string Platform = "001191330106MA2CFLDG4R10001";
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-carry-").FullName;

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private string P(string name) => Path.Combine(_dir, name);

    private string Write(string input, string output, string id)
    {
        var r = LabelCli.Run("label", "write", input, "-o", P(output), "--producer", Producer, "--produce-id", id);
        Assert.True(r.ExitCode == 0, r.StdErr);
        return P(output);
    }

    private static JsonNode Diff(string a, string b, int expectedExit)
    {
        var r = LabelCli.Run("label", "diff", a, b, "--json");
        Assert.True(r.ExitCode == expectedExit, $"exit {r.ExitCode}: {r.StdOut}{r.StdErr}");
        return JsonNode.Parse(r.Lines.Single())!;
    }

    private static string[] Names(JsonNode diff, string key) => diff[key]!.AsArray().Select(n => (string)n!).ToArray();

    private static readonly string[] AllFields =
        ["Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2"];

    [Fact]
    public void After_an_ffmpeg_transcode_diff_names_the_lost_fields_and_carry_restores_them()
    {
        ExternalTool.RunChecked("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1", P("a.wav"));
        var original = Write(P("a.wav"), "labelled.wav", "audio-1");
        // What an upload pipeline does: resample and re-encode (ffmpeg's defaults do not keep the INFO label).
        ExternalTool.RunChecked("ffmpeg", "-v", "error", "-i", original, "-ar", "22050", P("transcoded.wav"));

        var lost = Diff(original, P("transcoded.wav"), expectedExit: 1);
        Assert.Equal(AllFields, Names(lost, "lost"));
        Assert.Empty(lost["changed"]!.AsArray());
        Assert.Empty(Names(lost, "added"));

        var carry = LabelCli.Run("label", "carry", "--from", original, P("transcoded.wav"), "-o", P("carried.wav"));
        Assert.True(carry.ExitCode == 0, carry.StdErr);
        var same = Diff(original, P("carried.wav"), expectedExit: 0);
        Assert.Empty(Names(same, "lost"));
        Assert.Empty(same["changed"]!.AsArray());
        Assert.Empty(Names(same, "added"));
        Assert.Equal(0, LabelCli.Run("label", "verify", P("carried.wav")).ExitCode);
        // The carried file is the transcode (22.05 kHz), not a copy of the original.
        var probe = ExternalTool.RunChecked("ffprobe", "-v", "error", "-show_entries", "stream=sample_rate", P("carried.wav"));
        Assert.Contains("22050", probe);
    }

    [Fact]
    public void After_an_imagemagick_resize_carry_updates_the_propagator_fields_when_asked()
    {
        var plain = LabelCli.Png(_dir, "plain.png");
        var original = Write(plain, "labelled.png", "image-1");
        ExternalTool.RunChecked("convert", original, "-resize", "50%", P("resized.png")); // ImageMagick drops the XMP label
        Assert.Equal(AllFields, Names(Diff(original, P("resized.png"), expectedExit: 1), "lost"));

        var carry = LabelCli.Run("label", "carry", "--from", original, P("resized.png"), "-o", P("carried.png"),
            "--propagator", Platform, "--propagate-id", "post-42");
        Assert.True(carry.ExitCode == 0, carry.StdErr);

        var diff = Diff(original, P("carried.png"), expectedExit: 1);
        Assert.Empty(Names(diff, "lost"));
        Assert.Empty(Names(diff, "added"));
        var changed = diff["changed"]!.AsArray().Select(c => ((string)c!["field"]!, (string)c["from"]!, (string)c["to"]!)).ToArray();
        Assert.Equal([("ContentPropagator", Producer, Platform), ("PropagateID", "image-1", "post-42")], changed);
        Assert.Contains("8x8", ExternalTool.RunChecked("identify", P("carried.png")));
    }

    [Fact]
    public void Carry_refuses_to_write_a_label_the_original_did_not_have()
    {
        var plain = LabelCli.Png(_dir, "plain.png");
        ExternalTool.RunChecked("convert", plain, "-resize", "50%", P("resized.png"));

        var r = LabelCli.Run("label", "carry", "--from", plain, P("resized.png"), "-o", P("out.png"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("原文件中没有隐式标识", r.StdErr);
        Assert.False(File.Exists(P("out.png")));

        // A propagator without its id is a usage error, and nothing is written either.
        var original = Write(plain, "labelled.png", "image-2");
        var half = LabelCli.Run("label", "carry", "--from", original, P("resized.png"), "-o", P("out.png"), "--propagator", Platform);
        Assert.Equal(10, half.ExitCode);
        Assert.Contains("--propagate-id", half.StdErr);
        Assert.False(File.Exists(P("out.png")));

        // A propagator code that fails its check is refused by the label's validation, naming the field.
        var bad = LabelCli.Run("label", "carry", "--from", original, P("resized.png"), "-o", P("out.png"),
            "--propagator", Platform.Replace("MA2C", "MA2X"), "--propagate-id", "post-1");
        Assert.Equal(10, bad.ExitCode);
        Assert.Contains("ContentPropagator 不合规", bad.StdErr);
        Assert.False(File.Exists(P("out.png")));
    }

    [Fact]
    public void Diff_reports_an_added_label_and_a_missing_file_as_an_error()
    {
        var plain = LabelCli.Png(_dir, "plain.png");
        var labelled = Write(plain, "labelled.png", "image-3");
        var added = Diff(plain, labelled, expectedExit: 1);
        Assert.Equal(AllFields, Names(added, "added"));
        Assert.Empty(Names(added, "lost"));

        var human = LabelCli.Run("label", "diff", labelled, plain);
        Assert.Equal(1, human.ExitCode);
        Assert.Contains("丢失：ProduceID", human.StdOut);

        var missing = LabelCli.Run("label", "diff", labelled, P("nope.png"), "--json");
        Assert.Equal(10, missing.ExitCode);
        Assert.Contains("nope.png", missing.StdErr);
    }
}
