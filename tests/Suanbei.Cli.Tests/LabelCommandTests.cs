using System.Text.Json;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>The labeling command-line contract (`label verify|read|write|propagate|producer-code|sign`).</summary>
public class LabelCommandTests : IDisposable
{
    private const string Producer = "001191440300708461136T1XGW3";
    private const string Platform = "001191330106MA2CFLDG4R10001";
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-cli-labels-").FullName;

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private string P(string name) => Path.Combine(_dir, name);

    private string Labeled(string name, string id = "id-1")
    {
        var plain = LabelCli.Png(_dir, "plain-" + name);
        var r = LabelCli.Run("label", "write", plain, "-o", P(name), "--producer", Producer, "--produce-id", id);
        Assert.True(r.ExitCode == 0, r.StdErr);
        return P(name);
    }

    /// <summary>One file per verdict: compliant, noncompliant (two placements), not_found, inconclusive (truncated).</summary>
    private (string Compliant, string Noncompliant, string NotFound, string Inconclusive) OneOfEach()
    {
        var compliant = Labeled("ok.png");
        var two = Labeled("two.png");
        var json =
            JsonSerializer.Serialize(new
            {
                Label = "1", ContentProducer = Producer, ProduceID = "x", ReservedCode1 = "",
                ContentPropagator = Producer, PropagateID = "x", ReservedCode2 = ""
            });
        var cfg = Path.Combine(RepoPaths.Root, "tests", "Suanbei.Labels.Tests", "Interop", "tc260.exiftool_config");
        ExternalTool.RunChecked("exiftool", "-config", cfg, "-q", "-overwrite_original", "-PNG:AIGC=" + json, two);
        var none = LabelCli.Png(_dir, "none.png");
        var bytes = File.ReadAllBytes(compliant);
        File.WriteAllBytes(P("cut.png"), bytes[..(bytes.Length / 2)]);
        return (compliant, two, none, P("cut.png"));
    }

    [Fact]
    public void Verify_json_prints_one_contract_object_per_file()
    {
        var (ok, bad, none, cut) = OneOfEach();
        var r = LabelCli.Run("label", "verify", ok, bad, none, cut, "--json");
        Assert.Equal(3, r.ExitCode);
        Assert.Equal(4, r.Lines.Length);
        var docs = r.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["compliant", "noncompliant", "not_found", "inconclusive"],
            docs.Select(d => d.GetProperty("verdict").GetString()!).ToArray());
        Assert.Equal(ok, docs[0].GetProperty("file").GetString());
        var label = docs[0].GetProperty("labels")[0];
        Assert.Equal("png/iTXt/XMP", label.GetProperty("placement").GetString());
        Assert.Equal(["Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2"],
            label.GetProperty("fields").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(Producer, label.GetProperty("fields").GetProperty("ContentProducer").GetString());
        Assert.Equal(0, docs[0].GetProperty("problems").GetArrayLength());
        Assert.Equal(2, docs[1].GetProperty("labels").GetArrayLength());
        Assert.Contains(docs[1].GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "multiple_labels");
        Assert.Contains(docs[3].GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "container_damaged");
    }

    [Fact]
    public void Verify_exit_code_is_the_worst_verdict()
    {
        var (ok, bad, none, cut) = OneOfEach();
        Assert.Equal(0, LabelCli.Run("label", "verify", ok, "--json").ExitCode);
        Assert.Equal(1, LabelCli.Run("label", "verify", ok, bad, "--json").ExitCode);
        Assert.Equal(2, LabelCli.Run("label", "verify", bad, none, ok, "--json").ExitCode);
        Assert.Equal(3, LabelCli.Run("label", "verify", cut, none, "--json").ExitCode);
        var missing = LabelCli.Run("label", "verify", ok, P("missing.png"), "--json");
        Assert.Equal(10, missing.ExitCode);
        Assert.Contains("missing.png", missing.StdErr);
        Assert.Single(missing.Lines); // the existing file is still reported
        Assert.Equal(10, LabelCli.Run("label", "verify").ExitCode);
    }

    [Fact]
    public void Verify_walks_a_directory_recursively_and_prints_a_table_without_json()
    {
        Labeled("a.png");
        Directory.CreateDirectory(P("sub"));
        LabelCli.Png(P("sub"), "b.png");
        var json = LabelCli.Run("label", "verify", _dir, "--json");
        Assert.Equal(2, json.ExitCode);
        Assert.Contains(json.Lines, l => l.Contains("sub/b.png") && l.Contains("not_found"));
        var table = LabelCli.Run("label", "verify", _dir);
        Assert.Equal(2, table.ExitCode);
        Assert.Contains("合规", table.StdOut);
        Assert.Contains("未发现标识", table.StdOut);
        Assert.Contains("合计", table.StdOut);
    }

    [Fact]
    public void Verify_files_from_reads_a_list_of_paths()
    {
        var ok = Labeled("listed-ok.png");
        var none = LabelCli.Png(_dir, "listed-none.png");
        File.WriteAllText(P("list.txt"), $"{ok}\r\n\n{none}\n");
        var r = LabelCli.Run("label", "verify", "--files-from", P("list.txt"), "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(2, r.Lines.Length);
        Assert.Contains(ok, r.Lines[0]);
        Assert.Contains("\"compliant\"", r.Lines[0]);
        Assert.Contains("\"not_found\"", r.Lines[1]);

        // Arguments and a list combine; a missing list or no input at all is a usage/I/O error.
        Assert.Equal(2, LabelCli.Run("label", "verify", ok, "--files-from", P("list.txt"), "--json").Lines.Length - 1);
        var missing = LabelCli.Run("label", "verify", "--files-from", P("no-such-list.txt"));
        Assert.Equal(10, missing.ExitCode);
        Assert.Contains("列表文件", missing.StdErr);
        Assert.Equal(10, LabelCli.Run("label", "verify").ExitCode);
    }

    /// <summary>Directories are verified in parallel rounds of 4,096 files, each thread writing the lines of the files
    /// it took into its own buffer: output stays in ordinal path order within and across rounds, one line per file, and
    /// the worst verdict (here one not_found among compliant files) sets the exit code.</summary>
    [Fact]
    public void Verify_json_over_several_parallel_rounds_keeps_path_order()
    {
        var labeled = File.ReadAllBytes(Labeled("seed.png"));
        var plain = File.ReadAllBytes(LabelCli.Png(_dir, "seed-plain.png"));
        var dir = Directory.CreateDirectory(P("many")).FullName;
        for (var n = 0; n < 4200; n++) File.WriteAllBytes(Path.Combine(dir, $"{n}.png"), n == 417 ? plain : labeled);
        var r = LabelCli.Run("label", "verify", dir, "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(4200, r.Lines.Length);
        var files = r.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()!).ToArray();
        Assert.Equal(files.Order(StringComparer.Ordinal).ToArray(), files);
        var verdicts = r.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("verdict").GetString()).ToArray();
        Assert.Equal("not_found", verdicts[Array.IndexOf(files, Path.Combine(dir, "417.png"))]);
        Assert.Equal(4199, verdicts.Count(v => v == "compliant"));
    }

    [Fact]
    public void Write_read_and_refusals()
    {
        var file = Labeled("w.png", "gen-7");
        var read = LabelCli.Run("label", "read", file, "--json");
        Assert.Equal(0, read.ExitCode);
        var doc = JsonDocument.Parse(read.StdOut).RootElement;
        Assert.Equal("png", doc.GetProperty("format").GetString());
        Assert.Equal("gen-7", doc.GetProperty("labels")[0].GetProperty("fields").GetProperty("ProduceID").GetString());

        var before = File.ReadAllBytes(file);
        var same = LabelCli.Run("label", "write", file, "-o", file, "--producer", Producer, "--produce-id", "x");
        Assert.Equal(10, same.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(file));

        var badCode =
            LabelCli.Run("label", "write", file, "-o", P("o.png"), "--producer", "001191440300708461136U1XGW3", "--produce-id", "x");
        Assert.Equal(10, badCode.ExitCode);
        Assert.Contains("ContentProducer", badCode.StdErr);
        Assert.False(File.Exists(P("o.png")));

        var inPlacePng = LabelCli.Run("label", "write", file, "--in-place", "--producer", Producer, "--produce-id", "x");
        Assert.Equal(10, inPlacePng.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(file));
    }

    [Fact]
    public void Propagate_declared_writes_label_2()
    {
        var plain = LabelCli.Png(_dir, "p.png");
        var r = LabelCli.Run("label", "propagate", plain, "-o", P("p2.png"), "--propagator", Platform, "--propagate-id", "up-1",
            "--declared", "--json");
        Assert.Equal(0, r.ExitCode);
        var doc = JsonDocument.Parse(r.StdOut).RootElement;
        Assert.Equal("declared", doc.GetProperty("classification").GetString());
        var v = JsonDocument.Parse(LabelCli.Run("label", "verify", P("p2.png"), "--json").StdOut).RootElement;
        Assert.Equal("compliant", v.GetProperty("verdict").GetString());
        Assert.Equal("2", v.GetProperty("labels")[0].GetProperty("fields").GetProperty("Label").GetString());
        Assert.Equal(2,
            LabelCli.Run("label", "propagate", plain, "-o", P("p3.png"), "--propagator", Platform, "--propagate-id", "up-2").ExitCode);
        Assert.False(File.Exists(P("p3.png")));
    }

    [Fact]
    public void Producer_code_build_and_check()
    {
        var build = LabelCli.Run("label", "producer-code", "build", "--credit-code", "91440300708461136T", "--extension", "1XGW3");
        Assert.Equal(0, build.ExitCode);
        Assert.Equal(Producer, build.StdOut.Trim());
        Assert.Equal(0, LabelCli.Run("label", "producer-code", "check", Producer, Platform).ExitCode);
        var bad = LabelCli.Run("label", "producer-code", "check", "001191440300708461136U1XGW3", "--json");
        Assert.Equal(1, bad.ExitCode);
        Assert.False(JsonDocument.Parse(bad.StdOut).RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void Sign_and_verify_signature()
    {
        Assert.Equal(0, LabelCli.Run("label", "keygen", "--private", P("k.pem"), "--public", P("k.pub.pem")).ExitCode);
        Assert.Equal(0, LabelCli.Run("label", "keygen", "--private", P("o.pem"), "--public", P("o.pub.pem")).ExitCode);
        var plain = LabelCli.Png(_dir, "s.png");
        var sign =
            LabelCli.Run("label", "sign", plain, "-o", P("signed.png"), "--key", P("k.pem"), "--producer", Producer, "--produce-id", "s-1");
        Assert.True(sign.ExitCode == 0, sign.StdErr);
        Assert.Equal(0, LabelCli.Run("label", "verify-signature", P("signed.png"), "--key", P("k.pub.pem")).ExitCode);
        Assert.Equal(1, LabelCli.Run("label", "verify-signature", P("signed.png"), "--key", P("o.pub.pem")).ExitCode);
        Assert.Equal(2, LabelCli.Run("label", "verify-signature", plain, "--key", P("k.pub.pem")).ExitCode);
    }

    /// <summary>SecurityData through the command line: an SM2 producer record, a P-256 platform record in
    /// ReservedCode2, <c>verify --key</c> reporting both per field, and a changed label field, another key and a key
    /// of the other algorithm failing by name.</summary>
    [Fact]
    public void Sm2_producer_and_p256_platform_records_are_verified_per_field()
    {
        var keygen = LabelCli.Run("label", "keygen", "--alg", "sm2", "--private", P("sm2.pem"), "--public", P("sm2.pub.pem"));
        Assert.True(keygen.ExitCode == 0, keygen.StdErr);
        Assert.Equal(0, LabelCli.Run("label", "keygen", "--alg", "p256", "--private", P("p.pem"), "--public", P("p.pub.pem")).ExitCode);
        Assert.Equal(0, LabelCli.Run("label", "keygen", "--alg", "sm2", "--private", P("o.pem"), "--public", P("o.pub.pem")).ExitCode);
        var plain = LabelCli.Png(_dir, "sd.png");
        var sign = LabelCli.Run("label", "sign", plain, "-o", P("sd-signed.png"), "--key", P("sm2.pem"), "--alg", "sm2",
            "--producer", Producer, "--produce-id", "s-1");
        Assert.True(sign.ExitCode == 0, sign.StdErr);
        Assert.Contains("SM2/SM3", sign.StdOut);
        var propagate = LabelCli.Run("label", "propagate", P("sd-signed.png"), "-o", P("sd-prop.png"), "--propagator", Platform,
            "--propagate-id", "p-1", "--key", P("p.pem"));
        Assert.True(propagate.ExitCode == 0, propagate.StdErr);

        var verify = LabelCli.Run("label", "verify", P("sd-prop.png"), "--key", P("sm2.pub.pem"), "--key", P("p.pub.pem"), "--json");
        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
        var security = JsonDocument.Parse(verify.StdOut).RootElement.GetProperty("security");
        Assert.Equal(new[] { "sm2", "p256" }, security.EnumerateArray().Select(e => e.GetProperty("algorithm").GetString()));
        Assert.All(security.EnumerateArray(), e => Assert.Equal(("match", "valid"),
            (e.GetProperty("binding").GetString(), e.GetProperty("signature").GetString())));

        // Without keys: bindings are checked, signatures are not.
        var keyless = LabelCli.Run("label", "verify", P("sd-prop.png"), "--security");
        Assert.Equal(0, keyless.ExitCode);
        Assert.Contains("内容绑定 一致；签名 未核验", keyless.StdOut);

        // A changed ProduceID with the producer's record kept: the signature no longer holds.
        var record = JsonDocument.Parse(LabelCli.Run("label", "read", P("sd-signed.png"), "--json").StdOut).RootElement
            .GetProperty("labels")[0].GetProperty("fields").GetProperty("ReservedCode1").GetString()!;
        Assert.Equal(0, LabelCli.Run("label", "write", plain, "-o", P("sd-forged.png"), "--producer", Producer, "--produce-id", "s-2",
            "--reserved-code1", record).ExitCode);
        var forged = LabelCli.Run("label", "verify", P("sd-forged.png"), "--key", P("sm2.pub.pem"));
        Assert.Equal(1, forged.ExitCode);
        Assert.Contains("signature_invalid", forged.StdOut);
        Assert.Equal(1, LabelCli.Run("label", "verify-signature", P("sd-signed.png"), "--key", P("o.pub.pem")).ExitCode);

        var mismatch = LabelCli.Run("label", "sign", plain, "-o", P("x.png"), "--key", P("p.pem"), "--alg", "sm2",
            "--producer", Producer, "--produce-id", "s-1");
        Assert.Equal(10, mismatch.ExitCode);
        Assert.Contains("--alg sm2 与密钥文件", mismatch.StdErr);
        Assert.False(File.Exists(P("x.png")));
    }

    /// <summary>Audio and video sign too: a WAV made by ffmpeg, signed, relabelled in place by propagation (the
    /// signature survives), then one sample byte changed (it does not).</summary>
    [Fact]
    public void Sign_a_wav_survives_propagation_and_catches_a_changed_sample()
    {
        Assert.Equal(0, LabelCli.Run("label", "keygen", "--private", P("k.pem"), "--public", P("k.pub.pem")).ExitCode);
        ExternalTool.RunChecked("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=d=1", "-c:a", "pcm_s16le", P("a.wav"));
        var sign =
            LabelCli.Run("label", "sign", P("a.wav"), "-o", P("signed.wav"), "--key", P("k.pem"), "--producer", Producer, "--produce-id",
            "w-1");
        Assert.True(sign.ExitCode == 0, sign.StdErr);
        var propagate =
            LabelCli.Run("label", "propagate", P("signed.wav"), "--in-place", "--propagator", Platform, "--propagate-id", "p-1");
        Assert.True(propagate.ExitCode == 0, propagate.StdErr);
        Assert.Equal(0, LabelCli.Run("label", "verify-signature", P("signed.wav"), "--key", P("k.pub.pem")).ExitCode);

        var bytes = File.ReadAllBytes(P("signed.wav"));
        var data = bytes.AsSpan().IndexOf("data"u8);
        bytes[data + 8 + 1000] ^= 0x01;
        File.WriteAllBytes(P("tampered.wav"), bytes);
        Assert.Equal(0, LabelCli.Run("label", "verify", P("tampered.wav")).ExitCode);
        Assert.Equal(1, LabelCli.Run("label", "verify-signature", P("tampered.wav"), "--key", P("k.pub.pem")).ExitCode);
    }
}
