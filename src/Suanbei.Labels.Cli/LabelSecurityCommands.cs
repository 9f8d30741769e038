using System.CommandLine;
using System.Text;
using Suanbei.Core;
using Suanbei.Labels.Security;

namespace Suanbei.Labels.Cli;

/// <summary>
/// <c>label sign</c>, <c>label keygen</c>, <c>label verify-signature</c> and <c>label verify --key/--security</c>:
/// TC260 SecurityData records (SM2/SM3 or ECDSA P-256/SHA-256) in ReservedCode1 and ReservedCode2.
/// </summary>
internal static class LabelSecurityCommands
{
    public static Option<string[]> KeysOption() => new("--key")
    {
        Description = "公钥（PEM，SM2 或 P-256；可多次给出）：按安全数据中的密钥标识选用，核验签名",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string?> AlgOption() => new("--alg")
    {
        Description = $"签名算法（{SignatureAlgorithm.Names}；省略时由密钥的曲线决定）",
    };

    /// <summary>Loads a private key and checks it against <c>--alg</c> when given.</summary>
    public static SigningKey LoadSigner(string path, string? alg) => LabelSecurityJson.LoadSigner(path, alg);

    public static Command Sign()
    {
        var input = new Argument<string>("input") { Description = "输入文件" };
        var output = new Option<string?>("--output", "-o") { Description = "输出文件（原子写入，输入文件不变）" };
        var inPlace = new Option<bool>("--in-place") { Description = "在容器允许时原地写入" };
        var key = new Option<string>("--key") { Description = "私钥（PEM，SM2 或 P-256）", Required = true };
        var alg = AlgOption();
        var producer = new Option<string?>("--producer") { Description = "ContentProducer（省略时沿用文件中的合规标识）" };
        var produceId = new Option<string?>("--produce-id") { Description = "ProduceID" };
        var labelValue = new Option<string>("--label") { DefaultValueFactory = _ => "1", Description = "Label" };
        var cmd = new Command("sign", "写入带签名的隐式标识（ReservedCode1 存放 TC260 安全数据：内容绑定 + SM2 或 ECDSA 签名）")
            { input, output, inPlace, key, alg, producer, produceId, labelValue };
        cmd.SetAction(pr => LabelCommands.Guard(() =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            var path = pr.GetValue(input)!;
            var ip = pr.GetValue(inPlace);
            if (ip == (pr.GetValue(output) is not null))
            {
                LabelCommands.Error("须且只能指定 -o 输出文件或 --in-place 之一");
                return LabelCliOptions.UsageOrIoError;
            }
            AigcLabel label;
            if (pr.GetValue(producer) is { } p)
            {
                if (pr.GetValue(produceId) is not { } id)
                {
                    LabelCommands.Error("指定 --producer 时须同时指定 --produce-id");
                    return LabelCliOptions.UsageOrIoError;
                }
                label = AigcLabel.ForProducer(p, id, pr.GetValue(labelValue)!);
            }
            else
            {
                var report = LabelFile.Verify(path);
                if (report.Verdict != Verdict.Compliant)
                {
                    LabelCommands.Error("文件中没有唯一且合规的标识；请用 --producer/--produce-id 指定");
                    return report.Verdict.ExitCode();
                }
                label = report.Labels[0].Label!;
            }
            using var signer = LoadSigner(pr.GetValue(key)!, pr.GetValue(alg));
            var signed = LabelSecurity.SignFile(path, pr.GetValue(output), label, signer, ip);
            Console.Out.WriteLine($"已写入签名标识（{signer.Algorithm.Display}，密钥标识 {signer.KeyId}）：ReservedCode1={signed.ReservedCode1}");
            return 0;
        }));
        return cmd;
    }

    public static Command KeyGen()
    {
        var priv = new Option<string>("--private") { Description = "私钥输出路径（PKCS#8 PEM）", Required = true };
        var pub = new Option<string>("--public") { Description = "公钥输出路径（PEM）", Required = true };
        var alg = new Option<string>("--alg")
        {
            Description = $"算法（{SignatureAlgorithm.Names}）", DefaultValueFactory = _ => SignatureAlgorithm.P256.Name,
        };
        var cmd = new Command("keygen", "生成签名密钥对：SM2（sm2p256v1）或 ECDSA P-256") { priv, pub, alg };
        cmd.SetAction(pr => LabelCommands.Guard(() =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            var algorithm = SignatureAlgorithm.ByName(pr.GetValue(alg)!)
                ?? throw new LabelWriteException($"--alg 应为 {SignatureAlgorithm.Names}，实际为 {pr.GetValue(alg)}");
            using var key = SigningKey.Generate(algorithm);
            LabelFile.WriteAtomically(pr.GetValue(priv)!, s => s.Write(Encoding.ASCII.GetBytes(key.ExportPrivateKeyPem())));
            LabelFile.WriteAtomically(pr.GetValue(pub)!, s => s.Write(Encoding.ASCII.GetBytes(key.ExportPublicKeyPem())));
            Console.Out.WriteLine($"已生成 {algorithm.Display} 密钥对，密钥标识 {key.KeyId}");
            return 0;
        }));
        return cmd;
    }

    public static Command VerifySignature()
    {
        var file = new Argument<string>("file") { Description = "文件" };
        var keys = KeysOption();
        keys.Required = true;
        var json = LabelCliOptions.Json();
        var cmd = new Command("verify-signature",
            "用公钥核验 ReservedCode1/2 中的签名与内容绑定（0 有效，1 无效或内容不符，2 无标识或无可核验的签名，3 无法判定）")
            { file, keys, json };
        cmd.SetAction(pr => LabelCommands.Guard(() =>
        {
            Console.OutputEncoding = Encoding.UTF8;
            var path = pr.GetValue(file)!;
            var report = LabelFile.Verify(path);
            if (report.Verdict == Verdict.Inconclusive) { LabelCommands.Error("文件结构损坏或格式无法识别"); return 3; }
            var label = report.Labels.Select(l => l.Label).FirstOrDefault(l => l is not null);
            if (label is null) { LabelCommands.Error("未发现标识"); return 2; }
            var loaded = LoadKeys(pr.GetValue(keys)!);
            try
            {
                var checks = LabelSecurity.Check(path, label, loaded);
                if (pr.GetValue(json)) Console.Out.WriteLine(ReportJson.Serialize(w => LabelSecurityJson.WriteChecks(w, checks)));
                else PrintChecks(checks);
                if (checks.Any(c => c.Failed)) return 1;
                return checks.Any(c => c.Signature == SignatureStatus.Valid) ? 0 : 2;
            }
            finally { foreach (var k in loaded) k.Dispose(); }
        }));
        return cmd;
    }

    private static List<SigningKey> LoadKeys(string[] paths) => LabelSecurityJson.LoadKeys(paths);

    /// <summary><c>label verify --key/--security</c>: the usual verdict, plus each reserved field's check; a failed
    /// check adds a problem (<c>security_data_invalid</c>, <c>binding_mismatch</c>, <c>signature_invalid</c>).</summary>
    public static int RunVerify(string[] args, string[] keyPaths, bool json)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return LabelCommands.Guard(() =>
        {
            var keys = LoadKeys(keyPaths);
            try
            {
                var worst = 0;
                foreach (var path in args.SelectMany(a => Directory.Exists(a) ? FileKinds.RegularFilesUnder(a, _ => { }) : [a]))
                {
                    if (!File.Exists(path)) { LabelCommands.Error($"文件不存在：{path}"); worst = LabelCliOptions.UsageOrIoError; continue; }
                    var (report, checks) = LabelSecurityJson.Verify(path, keys);
                    if (json) Console.Out.WriteLine(LabelSecurityJson.VerifyLine(path, report, checks));
                    else
                    {
                        Console.Out.WriteLine($"{path}：{DisplayNames.Of(report.Verdict)}");
                        foreach (var p in report.Problems) Console.Out.WriteLine($"  {p.Code}: {p.Message}");
                        PrintChecks(checks);
                    }
                    if (worst != LabelCliOptions.UsageOrIoError) worst = Math.Max(worst, report.Verdict.ExitCode());
                }
                return worst;
            }
            finally { foreach (var k in keys) k.Dispose(); }
        });
    }

    private static void PrintChecks(IReadOnlyList<FieldSecurityCheck> checks)
    {
        foreach (var c in checks)
        {
            var line = $"  {c.Field}：{DisplayNames.Of(c.Kind)}";
            if (c.Kind is SecurityDataKind.SecurityData or SecurityDataKind.BareSignature)
                line += $"；算法 {SignatureAlgorithm.ByName(c.Algorithm ?? "")?.Display ?? "未知"}；内容绑定 {DisplayNames.Of(c.Binding)}；"
                    + $"签名 {DisplayNames.Of(c.Signature)}" + (c.HasPrivSD ? "；含 PrivSD（不可公开核验，未核验）" : "");
            if (c.Error is not null) line += "：" + c.Error;
            Console.Out.WriteLine(line);
        }
    }
}
