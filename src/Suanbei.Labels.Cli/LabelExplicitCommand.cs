using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Suanbei.Labels.Explicit;

namespace Suanbei.Labels.Cli;

/// <summary>
/// <c>suanbei label explicit text|image|audio|video IN -o OUT [options]</c> and <c>explicit check FILE</c>.
/// Each writes a new file atomically and prints what it did (one JSON object with --json).
/// Exit codes: 0 done (check: a label was found), 2 check found no label, 10 usage or I/O error.
/// </summary>
public static class LabelExplicitCommand
{
    // Source-generated (no reflection): this command is published trimmed, where reflection-based JSON is off.
    private static readonly ExplicitJson Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public static Command Create()
    {
        var command = new Command("explicit", "添加显式标识：文本、图片、音频（短长短短提示音）、视频（开头文字）");
        command.Subcommands.Add(TextCommand());
        command.Subcommands.Add(ImageCommand());
        command.Subcommands.Add(AudioCommand());
        command.Subcommands.Add(VideoCommand());
        command.Subcommands.Add(CheckCommand());
        return command;
    }

    private static Argument<string> Input() => new("IN") { Description = "输入文件" };
    private static Option<string> Output() => new("--output", "-o") { Description = "输出文件（原子写入，输入文件不变）", Required = true };
    private static Option<string> Wording() => new("--wording")
    {
        Description = "提示文字，须含“人工智能”或“AI”以及“生成”或“合成”",
        DefaultValueFactory = _ => ExplicitLabel.DefaultWording,
    };

    private static Command TextCommand()
    {
        var input = Input(); var output = Output(); var wording = Wording(); var json = LabelCliOptions.Json();
        var position = new Option<TextLabelPosition>("--position")
        {
            Description = "位置：prefix（开头）、suffix（结尾）或 both",
            DefaultValueFactory = _ => TextLabelPosition.Prefix,
        };
        var markdown = new Option<bool?>("--markdown") { Description = "按 Markdown 处理（默认按扩展名 .md 判断）" };
        var command = new Command("text", "为文本文件添加提示文字（Markdown 感知）") { input, output, position, wording, markdown, json };
        command.SetAction(r => Run(r.GetValue(json), () =>
            TextLabeler.ApplyToFile(r.GetValue(input)!, r.GetValue(output)!, r.GetValue(position), r.GetValue(wording)!,
                r.GetValue(markdown))));
        return command;
    }

    private static Command ImageCommand()
    {
        var input = Input(); var output = Output(); var wording = Wording(); var json = LabelCliOptions.Json();
        var placement = new Option<ImageLabelPlacement>("--position")
        {
            Description = "位置：bottom、top、bottomright、bottomleft、topright、topleft",
            DefaultValueFactory = _ => ImageLabelPlacement.Bottom,
        };
        var command = new Command("image", "在图片边缘或角落添加提示文字（高度不低于最短边 5%）") { input, output, placement, wording, json };
        command.SetAction(r => Run(r.GetValue(json), () =>
            ImageLabeler.Apply(r.GetValue(input)!, r.GetValue(output)!, r.GetValue(placement), r.GetValue(wording)!)));
        return command;
    }

    private static Command AudioCommand()
    {
        var input = Input(); var output = Output(); var json = LabelCliOptions.Json();
        var command = new Command("audio", "在音频开头加入“短长短短”节奏提示音") { input, output, json };
        command.SetAction(r => Run(r.GetValue(json), () => AudioLabeler.Apply(r.GetValue(input)!, r.GetValue(output)!)));
        return command;
    }

    private static Command VideoCommand()
    {
        var input = Input(); var output = Output(); var wording = Wording(); var json = LabelCliOptions.Json();
        var seconds = new Option<double>("--seconds") { Description = "开头显示时长（秒，不少于 2）", DefaultValueFactory = _ => 3.0 };
        var command = new Command("video", "在视频开头画面显示提示文字（高度不低于最短边 5%）") { input, output, seconds, wording, json };
        command.SetAction(r => Run(r.GetValue(json), () =>
            VideoLabeler.Apply(r.GetValue(input)!, r.GetValue(output)!, r.GetValue(seconds), r.GetValue(wording)!)));
        return command;
    }

    private static Command CheckCommand()
    {
        var input = new Argument<string>("FILE") { Description = "要检查的文本文件" };
        var json = LabelCliOptions.Json();
        var command = new Command("check", "检查文本是否带有显式标识及其位置") { input, json };
        command.SetAction(r =>
        {
            var path = r.GetValue(input)!;
            try
            {
                if (!File.Exists(path)) throw new ExplicitLabelException($"文件不存在：{path}");
                if (new FileInfo(path).Length > 64 * 1024 * 1024) throw new ExplicitLabelException("文本文件过大（超过 64 MB）");
                var matches = TextLabeler.Check(File.ReadAllText(path));
                if (r.GetValue(json))
                    Console.WriteLine(JsonSerializer.Serialize(
                        new ExplicitCheckResult(path, matches.Count > 0, matches), Json.ExplicitCheckResult));
                else if (matches.Count == 0) Console.WriteLine($"{path}: 未发现显式标识");
                else foreach (var m in matches) Console.WriteLine($"{path}: {m.Where} @{m.Index} “{m.Phrase}”");
                return matches.Count > 0 ? 0 : 2;
            }
            catch (Exception e) when (e is ExplicitLabelException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("错误：" + e.Message);
                return LabelCliOptions.UsageOrIoError;
            }
        });
        return command;
    }

    private static int Run(bool json, Func<ExplicitLabelReport> apply)
    {
        try
        {
            var report = apply();
            if (json) Console.WriteLine(JsonSerializer.Serialize(report, Json.ExplicitLabelReport));
            else
            {
                var size = report.TextHeightPx is { } px ? $"，文字高度 {px}px" : "";
                var duration = report.DurationSeconds is { } s ? $"，时长 {s:0.##} 秒" : "";
                Console.WriteLine($"已添加{report.Kind}显式标识：位置 {report.Position}，内容“{report.Text}”{size}{duration}");
            }
            return 0;
        }
        catch (Exception e) when (e is ExplicitLabelException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("错误：" + e.Message);
            return LabelCliOptions.UsageOrIoError;
        }
    }
}

[JsonSerializable(typeof(ExplicitLabelReport))]
[JsonSerializable(typeof(ExplicitCheckResult))]
internal sealed partial class ExplicitJson : JsonSerializerContext;
