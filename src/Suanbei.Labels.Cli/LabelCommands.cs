using System.CommandLine;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Suanbei.Core;
using Suanbei.Labels;
using Suanbei.Labels.Security;

namespace Suanbei.Labels.Cli;

/// <summary>
/// <c>suanbei label …</c>: verify, read, write, propagate, carry, diff, sign GB 45438 implicit labels.
/// Exit codes of <c>verify</c>: 0 all compliant, 1 any noncompliant, 2 any not_found, 3 any inconclusive — over many
/// files the highest code wins (inconclusive &gt; not_found &gt; noncompliant &gt; compliant); 10 usage or I/O error
/// (a missing or unreadable file) takes precedence over all.
/// </summary>
public static class LabelCommands
{
    /// <summary>The <c>label</c> command group. With <paramref name="args"/> (the process arguments, starting with
    /// <c>label</c>) only the subcommand being invoked is built, which saves start-up work for one-shot calls; help and
    /// unknown subcommands still see the whole group.</summary>
    public static Command Create(IReadOnlyList<string>? args = null)
    {
        var label = new Command("label", "GB 45438-2025 隐式标识：核验、读取、写入、传播、携带、比较、签名");
        var only = args is ["label", var invoked, ..] && !invoked.StartsWith('-') ? invoked : null;
        foreach (var (name, create) in Subcommands)
            if (only is null || only == name) label.Subcommands.Add(create());
        if (label.Subcommands.Count == 0)
            foreach (var (_, create) in Subcommands) label.Subcommands.Add(create());
        return label;
    }

    private static readonly (string Name, Func<Command> Create)[] Subcommands =
    [
        ("verify", Verify),
        ("read", Read),
        ("write", Write),
        ("propagate", Propagate),
        ("carry", Carry),
        ("diff", Diff),
        ("producer-code", ProducerCodeCommand),
        ("sign", LabelSecurityCommands.Sign),
        ("verify-signature", LabelSecurityCommands.VerifySignature),
        ("keygen", LabelSecurityCommands.KeyGen),
        ("explicit", LabelExplicitCommand.Create),
    ];

    private static Command Verify()
    {
        var files = new Argument<string[]>("files") { Description = "文件或目录（目录递归遍历）", Arity = ArgumentArity.ZeroOrMore };
        var filesFrom = new Option<string?>("--files-from")
        {
            Description = "从列表文件读取要核验的路径（每行一个，UTF-8；- 表示标准输入），适合成千上万个文件",
        };
        var json = LabelCliOptions.Json();
        var keys = LabelSecurityCommands.KeysOption();
        var security = new Option<bool>("--security") { Description = "同时核验 ReservedCode1/2 中的安全数据（内容绑定；给出 --key 时也核验签名）" };
        var cmd = new Command("verify", "核验文件的隐式标识：合规 / 不合规 / 未发现 / 无法判定") { files, filesFrom, json, keys, security };
        cmd.SetAction(pr =>
        {
            if (LabelActions.VerifyArguments(pr.GetValue(files) ?? [], pr.GetValue(filesFrom)) is not { } args)
                return LabelCliOptions.UsageOrIoError;
            var keyPaths = pr.GetValue(keys) ?? [];
            if (keyPaths.Length > 0 || pr.GetValue(security))
                return LabelSecurityCommands.RunVerify(args, keyPaths, pr.GetValue(json));
            return RunVerify(args, pr.GetValue(json));
        });
        return cmd;
    }

    internal static int RunVerify(string[] args, bool json)
    {
        if (json) return LabelActions.VerifyJson(args);
        Console.OutputEncoding = Encoding.UTF8;
        var paths = LabelActions.FilesToVerify(args, out var ioError);
        var results = new List<(string File, VerificationReport Report)>();
        void VerifyOne(string path)
        {
            try
            {
                results.Add((path, LabelFile.Verify(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Error($"无法读取 {path}：{e.Message}");
                ioError = true;
            }
        }

        // The progress bar redraws itself on stdout: only for a person at a terminal.
        if (paths.Count < 20 || !TerminalOutput.UseAnsi || Console.IsErrorRedirected)
            foreach (var p in paths) VerifyOne(p);
        else
            AnsiConsole.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("核验中", maxValue: paths.Count);
                foreach (var p in paths) { VerifyOne(p); task.Increment(1); }
            });

        PrintVerifyTable(results);
        if (ioError) return LabelCliOptions.UsageOrIoError;
        return results.Count == 0 ? 0 : results.Max(r => r.Report.Verdict.ExitCode());
    }

    private static void PrintVerifyTable(List<(string File, VerificationReport Report)> results)
    {
        var shown = results.Count <= 200 ? results : results.Where(r => r.Report.Verdict != Verdict.Compliant).ToList();
        if (shown.Count > 0)
        {
            var table = new Table().AddColumns("文件", "结论", "标识位置", "问题");
            foreach (var (file, r) in shown)
                table.AddRow(Markup.Escape(file), VerdictMarkup(r.Verdict),
                    Markup.Escape(string.Join("\n", r.Labels.Select(l => l.Placement))),
                    Markup.Escape(string.Join("\n", r.Problems.Select(p => $"{p.Code}: {p.Message}"))));
            AnsiConsole.Write(table);
        }
        if (shown.Count < results.Count) AnsiConsole.MarkupLine($"（另有 {results.Count - shown.Count} 个合规文件未列出）");
        var summary = new Table().AddColumns("结论", "文件数");
        foreach (var v in Enum.GetValues<Verdict>())
            summary.AddRow(VerdictMarkup(v), results.Count(r => r.Report.Verdict == v).ToString());
        summary.AddRow("合计", results.Count.ToString());
        AnsiConsole.Write(summary);
    }

    private static string VerdictMarkup(Verdict v)
    {
        var colour = v switch { Verdict.Compliant => "green", Verdict.Noncompliant => "red", Verdict.NotFound => "yellow", _ => "grey" };
        return $"[{colour}]{DisplayNames.Of(v)}[/]";
    }

    private static Command Read()
    {
        var file = new Argument<string>("file") { Description = "文件" };
        var json = LabelCliOptions.Json();
        var cmd = new Command("read", "读取文件中的全部隐式标识及其位置") { file, json };
        cmd.SetAction(pr =>
        {
            var path = pr.GetValue(file)!;
            if (pr.GetValue(json)) return LabelActions.ReadJson(path);
            if (!LabelActions.TryRead(path, out var read, out var format)) return LabelCliOptions.UsageOrIoError;
            AnsiConsole.MarkupLine($"格式：{Markup.Escape(format?.Name ?? "无法识别")}");
            if (read.Damage is not null) AnsiConsole.MarkupLine($"[red]结构问题：{Markup.Escape(read.Damage)}[/]");
            if (read.Labels.Count == 0) AnsiConsole.MarkupLine("未发现隐式标识");
            foreach (var l in read.Labels)
            {
                var table = new Table().Title(Markup.Escape(l.Placement)).AddColumns("字段", "值");
                if (LabelPayload.TryParse(l.RawValue, out var payload, out var err))
                    foreach (var (k, v) in payload!.Fields) table.AddRow(Markup.Escape(k), Markup.Escape(v ?? "(null)"));
                else table.AddRow("(原始值)", Markup.Escape(l.RawValue + " — " + err));
                AnsiConsole.Write(table);
            }
            return LabelJson.ReadExitCode(format, read);
        });
        return cmd;
    }

    private static Command Write()
    {
        var input = new Argument<string>("input") { Description = "输入文件" };
        var output = new Option<string?>("--output", "-o") { Description = "输出文件（原子写入，输入文件不变）" };
        var producer = new Option<string>("--producer") { Description = "ContentProducer：27位生成服务提供者代码", Required = true };
        var produceId = new Option<string>("--produce-id") { Description = "ProduceID：内容编号", Required = true };
        var labelValue = new Option<string>("--label") { Description = "Label：1 属于，2 可能为，3 疑似", DefaultValueFactory = _ => "1" };
        var reserved = new Option<string>("--reserved-code1") { Description = "ReservedCode1（安全数据，可空）", DefaultValueFactory = _ => "" };
        var inPlace = new Option<bool>("--in-place") { Description = "在容器允许时原地写入（不移动数据）" };
        var cmd = new Command("write", "写入隐式标识（替换已有标识，文件中只保留一处）") { input, output, producer, produceId, labelValue, reserved, inPlace };
        cmd.SetAction(pr =>
        {
            var label = AigcLabel.ForProducer(pr.GetValue(producer)!, pr.GetValue(produceId)!, pr.GetValue(labelValue)!,
                pr.GetValue(reserved)!);
            return LabelActions.WriteLabel(pr.GetValue(input)!, pr.GetValue(output), pr.GetValue(inPlace), label);
        });
        return cmd;
    }

    private static Command Propagate()
    {
        var input = new Argument<string>("input") { Description = "收到的文件" };
        var output = new Option<string?>("--output", "-o") { Description = "输出文件" };
        var propagator = new Option<string>("--propagator") { Description = "ContentPropagator：27位传播服务提供者代码", Required = true };
        var propagateId = new Option<string>("--propagate-id") { Description = "PropagateID：传播平台的内容编号", Required = true };
        var reserved2 = new Option<string>("--reserved-code2") { Description = "ReservedCode2（安全数据，可空）", DefaultValueFactory = _ => "" };
        var declared = new Option<bool>("--declared") { Description = "用户声明为AI生成内容" };
        var inPlace = new Option<bool>("--in-place") { Description = "在容器允许时原地写入" };
        var json = LabelCliOptions.Json();
        var key = new Option<string?>("--key") { Description = "传播者私钥（PEM）：在 ReservedCode2 写入签名的安全数据" };
        var alg = LabelSecurityCommands.AlgOption();
        var cmd = new Command("propagate", "传播平台处理（标识办法第六条）：判定属于/可能为/疑似并写入传播者字段")
            { input, output, propagator, propagateId, reserved2, declared, inPlace, json, key, alg };
        cmd.SetAction(pr =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            var o = pr.GetValue(output);
            var ip = pr.GetValue(inPlace);
            if (ip == (o is not null)) { Error("须且只能指定 -o 输出文件或 --in-place 之一"); return LabelCliOptions.UsageOrIoError; }
            return Guard(() =>
            {
                using var signer = pr.GetValue(key) is { } k ? LabelSecurityCommands.LoadSigner(k, pr.GetValue(alg)) : null;
                var d = Propagation.PropagateFile(pr.GetValue(input)!, o ?? "", pr.GetValue(propagator)!, pr.GetValue(propagateId)!,
                    pr.GetValue(declared), pr.GetValue(reserved2)!, ip);
                if (signer is not null && d.Label is not null)
                    d = d with { Label = LabelSecurity.SignPropagation(ip ? pr.GetValue(input)! : o!, signer, ip) };
                if (pr.GetValue(json)) Console.Out.WriteLine(LabelJson.Propagate(pr.GetValue(input)!, d));
                else Console.Out.WriteLine(d.Class is { } c ? $"判定：{DisplayNames.Of(c)}AI生成（{d.Reason}）；已写入传播标识" : d.Reason);
                return LabelJson.PropagateExitCode(d);
            });
        });
        return cmd;
    }

    private static Command Carry()
    {
        var from = new Option<string>("--from") { Description = "处理前的原文件（取其隐式标识）", Required = true };
        var input = new Argument<string>("input") { Description = "处理（转码、缩放等）后丢失了标识的文件" };
        var output = new Option<string>("--output", "-o") { Description = "输出文件（原子写入，输入文件不变）", Required = true };
        var propagator = new Option<string?>("--propagator") { Description = "ContentPropagator：更新传播者代码（可选）" };
        var propagateId = new Option<string?>("--propagate-id") { Description = "PropagateID：更新传播平台的内容编号（可选）" };
        var cmd = new Command("carry", "把原文件的隐式标识写入处理后的文件（只写原文件已有的标识）")
            { input, from, output, propagator, propagateId };
        cmd.SetAction(pr => Guard(() =>
        {
            var label = LabelCarry.Carry(pr.GetValue(from)!, pr.GetValue(input)!, pr.GetValue(output)!,
                pr.GetValue(propagator), pr.GetValue(propagateId));
            if (label is null) { Error(LabelCarry.NoLabel); return 2; }
            Console.Out.WriteLine($"已写入原文件的隐式标识：{pr.GetValue(output)}");
            return 0;
        }));
        return cmd;
    }

    private static Command Diff()
    {
        var a = new Argument<string>("a") { Description = "处理前的文件" };
        var b = new Argument<string>("b") { Description = "处理后的文件" };
        var json = LabelCliOptions.Json();
        var cmd = new Command("diff", "比较两个文件的隐式标识：哪些字段丢失、改变或新增（0 相同，1 有差异）") { a, b, json };
        cmd.SetAction(pr => Guard(() =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            var diff = LabelDiff.Between(LabelFile.Verify(pr.GetValue(a)!), LabelFile.Verify(pr.GetValue(b)!));
            if (pr.GetValue(json)) Console.Out.WriteLine(LabelJson.Diff(diff));
            else if (diff.Same) Console.Out.WriteLine("两个文件的隐式标识字段相同");
            else
            {
                foreach (var f in diff.Lost) Console.Out.WriteLine($"丢失：{f}");
                foreach (var c in diff.Changed) Console.Out.WriteLine($"改变：{c.Field}：{c.From} → {c.To}");
                foreach (var f in diff.Added) Console.Out.WriteLine($"新增：{f}");
            }
            return diff.Same ? 0 : 1;
        }));
        return cmd;
    }

    private static Command ProducerCodeCommand()
    {
        var credit = new Option<string>("--credit-code") { Description = "18位统一社会信用代码", Required = true };
        var ext = new Option<string>("--extension") { Description = "5位服务扩展码：00000，或 1/2 + 4位自定字符", DefaultValueFactory = _ => "00000" };
        var build = new Command("build", "由统一社会信用代码和服务扩展码生成27位代码") { credit, ext };
        build.SetAction(pr =>
        {
            try { Console.Out.WriteLine(ProducerCode.Build(pr.GetValue(credit)!, pr.GetValue(ext)!)); return 0; }
            catch (ArgumentException e) { Error(e.Message); return LabelCliOptions.UsageOrIoError; }
        });
        var codes = new Argument<string[]>("codes") { Arity = ArgumentArity.OneOrMore, Description = "27位代码" };
        var json = LabelCliOptions.Json();
        var check = new Command("check", "校验27位代码（含内嵌统一社会信用代码校验位）") { codes, json };
        check.SetAction(pr =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            var worst = 0;
            foreach (var c in pr.GetValue(codes)!)
            {
                var error = ProducerCode.Validate(c);
                if (error is not null) worst = 1;
                if (pr.GetValue(json))
                    Console.Out.WriteLine(ReportJson.Serialize(w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("code", c);
                        w.WriteBoolean("valid", error is null);
                        if (error is null) w.WriteNull("message"); else w.WriteString("message", error);
                        w.WriteEndObject();
                    }));
                else Console.Out.WriteLine(error is null ? $"{c}  有效" : $"{c}  无效：{error}");
            }
            return worst;
        });
        return new Command("producer-code", "ContentProducer / ContentPropagator 代码") { build, check };
    }

    /// <summary>See <see cref="LabelActions.Guard"/>.</summary>
    internal static int Guard(Func<int> action) => LabelActions.Guard(action);

    internal static void Error(string message) => LabelActions.Error(message);
}
