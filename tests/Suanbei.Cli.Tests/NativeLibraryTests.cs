using System.Text.Json.Nodes;
using Suanbei.Testing;

namespace Suanbei.Cli.Tests;

/// <summary>
/// libsuanbei_labels.so as other languages call it: built by <c>./suanbei label native-lib</c>, called from a small C
/// program compiled with gcc against include/suanbei_labels.h, and from Python through bindings/python (ctypes).
/// </summary>
[Collection("launcher builds")]
public sealed class NativeLibraryTests : IDisposable
{
    private const string Producer = "001191440300708461136T1XGW3";
    private const string Platform = "001191330106MA2CFLDG4R10001";
    private readonly string _dir = Directory.CreateTempSubdirectory("suanbei-native-").FullName;

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private string P(string name) => Path.Combine(_dir, name);

    private static readonly Lazy<(string Library, string Header)> Built = new(() =>
    {
        var r = LabelCli.RunLauncher("label", "native-lib");
        Assert.True(r.ExitCode == 0, r.StdErr);
        var lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        return (lines[0], lines[1]);
    });

    private string Labeled(string name, string id)
    {
        var plain = LabelCli.Png(_dir, "plain-" + name);
        var r = LabelCli.Run("label", "write", plain, "-o", P(name), "--producer", Producer, "--produce-id", id);
        Assert.True(r.ExitCode == 0, r.StdErr);
        return P(name);
    }

    [Fact]
    public void Native_lib_prints_the_absolute_paths_of_the_library_and_its_header()
    {
        var (library, header) = Built.Value;
        Assert.True(Path.IsPathRooted(library) && Path.IsPathRooted(header), library + "\n" + header);
        Assert.Equal("libsuanbei_labels.so", Path.GetFileName(library));
        Assert.True(File.Exists(library), library);
        Assert.Equal(Path.Combine(RepoPaths.Root, "include", "suanbei_labels.h"), header);
        // A second call builds nothing and prints the same two lines.
        var again = LabelCli.RunLauncher("label", "native-lib");
        Assert.Equal(library + "\n" + header + "\n", again.StdOut);
        Assert.DoesNotContain("building", again.StdErr);
    }

    [Fact]
    public void C_program_verifies_files_and_buffers_and_gets_errors_not_crashes_for_bad_input()
    {
        var (library, header) = Built.Value;
        var labeled = Labeled("a.png", "c-1");
        var plain = LabelCli.Png(_dir, "plain.png");
        File.WriteAllText(P("t.c"), CProgram);
        ExternalTool.RunChecked("gcc", "-Wall", "-Werror", "-o", P("t"), P("t.c"), "-I", Path.GetDirectoryName(header)!,
            "-L", Path.GetDirectoryName(library)!, "-lsuanbei_labels", "-Wl,-rpath," + Path.GetDirectoryName(library));
        var r = ExternalTool.Run(P("t"), [labeled, plain]);
        Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
        var lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal(7, lines.Length);

        // The file verification is the CLI's object for the same file, key for key.
        var cli = LabelCli.Run("label", "verify", labeled, "--json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.Lines[0]), lines[0]), cli.StdOut + "\n" + lines[0]);
        Assert.Equal("compliant", (string?)lines[0]["verdict"]);
        Assert.Equal("文件不存在：/no/such/file.png", (string?)lines[1]["error"]);
        Assert.Equal(10, (int?)lines[1]["code"]);
        Assert.Contains("path", (string?)lines[2]["error"]); // NULL path
        Assert.Equal("inconclusive", (string?)lines[3]["verdict"]); // garbage bytes are a verdict, not an error
        Assert.Equal(true, (bool?)lines[4]["written"]); // write_buffer of the plain image
        Assert.Equal("compliant", (string?)lines[5]["verdict"]); // verify_buffer of what write_buffer returned
        Assert.Equal("c-buf", (string?)lines[5]["labels"]![0]!["fields"]!["ProduceID"]);
        Assert.Contains("ContentProducer", (string?)lines[6]["error"]); // a bad producer code is refused with a reason
    }

    /// <summary>Prints one JSON object per line; frees every result.</summary>
    private const string CProgram = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include "suanbei_labels.h"

        static void print(char *json) { puts(json ? json : "null"); suanbei_labels_free(json); }

        static uint8_t *slurp(const char *path, size_t *length) {
          FILE *f = fopen(path, "rb");
          fseek(f, 0, SEEK_END); *length = (size_t)ftell(f); rewind(f);
          uint8_t *data = malloc(*length);
          if (fread(data, 1, *length, f) != *length) exit(3);
          fclose(f);
          return data;
        }

        int main(int argc, char **argv) {
          if (argc != 3) return 2;
          print(suanbei_labels_verify(argv[1]));
          print(suanbei_labels_verify("/no/such/file.png"));
          print(suanbei_labels_verify(NULL));
          const uint8_t garbage[] = "\x89PNG\r\n\x1a\n not really";
          print(suanbei_labels_verify_buffer(garbage, sizeof garbage, ".png"));
          size_t length, out_length = 0;
          uint8_t *plain = slurp(argv[2], &length), *out = NULL;
          print(suanbei_labels_write_buffer(plain, length, "png", "001191440300708461136T1XGW3", "c-buf", "1", &out,
                                            &out_length));
          print(suanbei_labels_verify_buffer(out, out_length, ".png"));
          suanbei_labels_free(out);
          print(suanbei_labels_write(argv[2], "/tmp/never-written.png", "not-a-code", "x", NULL));
          free(plain);
          return 0;
        }
        """;

    [Fact]
    public void Batch_export_verifies_every_path_in_order_and_puts_errors_in_their_places()
    {
        var (library, _) = Built.Value;
        var labeled = Labeled("a.png", "batch-1");
        var plain = LabelCli.Png(_dir, "plain.png");
        Directory.CreateDirectory(P("folder"));
        using var lib = new BatchExport(library);

        var small = JsonNode.Parse(lib.VerifyMany([labeled, plain, P("missing.png"), null, P("folder")]))!.AsArray();
        Assert.Equal(5, small.Count);
        var cli = LabelCli.Run("label", "verify", labeled, "--json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.Lines[0]), small[0]), cli.StdOut + "\n" + small[0]);
        Assert.Equal("not_found", (string?)small[1]!["verdict"]);
        Assert.Equal(P("missing.png"), (string?)small[2]!["file"]);
        Assert.Equal("文件不存在：" + P("missing.png"), (string?)small[2]!["error"]);
        Assert.Equal(10, (int?)small[2]!["code"]);
        Assert.Null(small[3]!["file"]);
        Assert.Contains("paths[3]", (string?)small[3]!["error"]);
        Assert.Equal(P("folder"), (string?)small[4]!["file"]);
        Assert.Equal("读写文件失败：" + P("folder") + " 是目录，不是文件", (string?)small[4]!["error"]);
        Assert.Equal(10, (int?)small[4]!["code"]);

        // Enough files for every core: each element is what the one-file export returns for its path, in order.
        var files = Enumerable.Range(0, 48).Select(i => i % 3 == 0 ? plain : i % 3 == 1 ? labeled : P($"gone-{i}.png"))
            .ToArray();
        var many = JsonNode.Parse(lib.VerifyMany(files))!.AsArray();
        Assert.Equal(files.Length, many.Count);
        for (var i = 0; i < files.Length; i++)
        {
            var one = JsonNode.Parse(lib.Verify(files[i]))!;
            if (one["error"] is not null) one["file"] = files[i]; // a batch's error names its path
            Assert.True(JsonNode.DeepEquals(one, many[i]), $"{i}: {one}\n{many[i]}");
        }

        Assert.Equal("[]", lib.VerifyMany([]));
        Assert.Contains("paths", (string?)JsonNode.Parse(lib.VerifyManyNull(2))!["error"]);

        // Batches from several host threads at once: one uses the library's kept helper threads, the others start
        // their own; every call gets exactly its own array, batch after batch.
        var whole = JsonNode.Parse(lib.VerifyMany(files))!.AsArray();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var callers = Enumerable.Range(0, 4).Select(c => new Thread(() =>
        {
            try
            {
                for (var round = 0; round < 25; round++)
                {
                    var size = 8 + (c * 25 + round) % 40; // a batch size that differs between callers and rounds
                    var mine = JsonNode.Parse(lib.VerifyMany(files[..size]))!.AsArray();
                    if (mine.Count != size) failures.Enqueue($"caller {c}, round {round}: {mine.Count} elements");
                    for (var i = 0; i < Math.Min(size, mine.Count); i++)
                        if (!JsonNode.DeepEquals(whole[i], mine[i])) failures.Enqueue($"caller {c}, {i}: {mine[i]}");
                }
            }
            catch (Exception e) { failures.Enqueue($"caller {c}: {e}"); }
        })).ToArray();
        foreach (var t in callers) t.Start();
        foreach (var t in callers) t.Join();
        Assert.Empty(failures);
    }

    /// <summary>The batch export called from .NET as a C caller would: UTF-8 paths, the result freed by the library.</summary>
    private sealed class BatchExport(string library) : IDisposable
    {
        [System.Runtime.InteropServices.UnmanagedFunctionPointer(System.Runtime.InteropServices.CallingConvention.Cdecl)]
        private delegate nint Many(nint[]? paths, nuint count);

        [System.Runtime.InteropServices.UnmanagedFunctionPointer(System.Runtime.InteropServices.CallingConvention.Cdecl)]
        private delegate nint One(nint path);

        [System.Runtime.InteropServices.UnmanagedFunctionPointer(System.Runtime.InteropServices.CallingConvention.Cdecl)]
        private delegate void Free(nint p);

        private readonly nint _handle = System.Runtime.InteropServices.NativeLibrary.Load(library);

        private T Export<T>(string name) where T : Delegate =>
            System.Runtime.InteropServices.Marshal.GetDelegateForFunctionPointer<T>(
                System.Runtime.InteropServices.NativeLibrary.GetExport(_handle, name));

        public string VerifyMany(string?[] paths)
        {
            var utf8 = paths.Select(p => p is null ? 0 : System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8(p)).ToArray();
            try { return Take(Export<Many>("suanbei_labels_verify_many")(utf8, (nuint)utf8.Length)); }
            finally { foreach (var p in utf8) System.Runtime.InteropServices.Marshal.FreeCoTaskMem(p); }
        }

        public string VerifyManyNull(nuint count) => Take(Export<Many>("suanbei_labels_verify_many")(null, count));

        public string Verify(string path)
        {
            var utf8 = System.Runtime.InteropServices.Marshal.StringToCoTaskMemUTF8(path);
            try { return Take(Export<One>("suanbei_labels_verify")(utf8)); }
            finally { System.Runtime.InteropServices.Marshal.FreeCoTaskMem(utf8); }
        }

        private string Take(nint result)
        {
            Assert.NotEqual(0, result);
            try { return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(result)!; }
            finally { Export<Free>("suanbei_labels_free")(result); }
        }

        public void Dispose() { } // a Native AOT library cannot be unloaded; the handle stays for the process
    }

    [Fact]
    public void Python_binding_verifies_many_files_in_one_call_like_one_at_a_time()
    {
        var (library, _) = Built.Value;
        var labeled = Labeled("a.png", "py-many");
        var plain = LabelCli.Png(_dir, "plain.png");
        var r = Python($$"""
            import json, pathlib, suanbei_labels as s
            files = [{{Py(labeled)}}, {{Py(plain)}}, {{Py(P("missing.png"))}}, {{Py(_dir)}}] * 70  # > 256: two library calls
            out = {"many": s.verify_many(files), "paths": s.verify_many([pathlib.Path({{Py(labeled)}})]),
                   "empty": s.verify_many([])}
            out["one"] = [s.verify(f) for f in files[:2]]
            try:
                s.verify_many([None])
            except TypeError as e:
                out["none"] = "TypeError"
            print(json.dumps(out, ensure_ascii=False))
            """, library);
        var o = JsonNode.Parse(r)!;
        var many = o["many"]!.AsArray();
        Assert.Equal(280, many.Count);
        for (var i = 0; i < many.Count; i += 4)
        {
            Assert.True(JsonNode.DeepEquals(o["one"]![0], many[i]), o["one"]![0] + "\n" + many[i]);
            Assert.True(JsonNode.DeepEquals(o["one"]![1], many[i + 1]), o["one"]![1] + "\n" + many[i + 1]);
            Assert.Equal("文件不存在：" + P("missing.png"), (string?)many[i + 2]!["error"]);
            Assert.Equal(_dir, (string?)many[i + 3]!["file"]);
            Assert.Equal(10, (int?)many[i + 3]!["code"]);
        }
        Assert.Equal("compliant", (string?)o["paths"]![0]!["verdict"]);
        Assert.Empty(o["empty"]!.AsArray());
        Assert.Equal("TypeError", (string?)o["none"]);
    }

    [Fact]
    public void Python_binding_verifies_reads_and_writes_like_the_cli()
    {
        var (library, _) = Built.Value;
        var labeled = Labeled("a.png", "py-1");
        var plain = LabelCli.Png(_dir, "plain.png");
        var r = Python($$"""
            import json, suanbei_labels as s
            out = {}
            out["verify"] = s.verify({{Py(labeled)}})
            out["read"] = s.read({{Py(labeled)}})
            s.write({{Py(plain)}}, {{Py(P("w.png"))}}, "{{Producer}}", "py-2", label="2")
            out["written"] = s.verify({{Py(P("w.png"))}})
            out["propagated"] = s.propagate({{Py(P("w.png"))}}, {{Py(P("p.png"))}}, "{{Platform}}", "post-9")
            print(json.dumps(out, ensure_ascii=False))
            """, library);
        var o = JsonNode.Parse(r)!;

        var cliVerify = LabelCli.Run("label", "verify", labeled, "--json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cliVerify.Lines[0]), o["verify"]), cliVerify.StdOut + "\n" + o["verify"]);
        var cliRead = LabelCli.Run("label", "read", labeled, "--json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cliRead.Lines[0]), o["read"]), cliRead.StdOut + "\n" + o["read"]);
        Assert.Equal("compliant", (string?)o["written"]!["verdict"]);
        Assert.Equal("2", (string?)o["written"]!["labels"]![0]!["fields"]!["Label"]);
        Assert.Equal("py-2", (string?)o["written"]!["labels"]![0]!["fields"]!["ProduceID"]);
        Assert.Equal("declared", (string?)o["propagated"]!["classification"]);
        Assert.Equal("post-9", (string?)LabelCli.Run("label", "read", P("p.png"), "--json").Lines
            .Select(l => JsonNode.Parse(l)!["labels"]![0]!["fields"]!["PropagateID"]).Single());
    }

    [Fact]
    public void Python_binding_raises_with_the_chinese_reason_and_leaves_nothing_behind()
    {
        var (library, _) = Built.Value;
        var plain = LabelCli.Png(_dir, "plain.png");
        File.WriteAllBytes(P("junk.bin"), [1, 2, 3, 4, 5]);
        var r = Python($$"""
            import json, suanbei_labels as s
            errors = {}
            def attempt(name, f):
                try:
                    f()
                    errors[name] = None
                except s.SuanbeiLabelsError as e:
                    errors[name] = [str(e), e.code]
                except TypeError as e:
                    errors[name] = ["TypeError", str(e)]
            attempt("missing", lambda: s.verify({{Py(P("missing.png"))}}))
            attempt("producer", lambda: s.write({{Py(plain)}}, {{Py(P("o1.png"))}}, "bad", "id"))
            attempt("same", lambda: s.write({{Py(plain)}}, {{Py(plain)}}, "{{Producer}}", "id"))
            attempt("format", lambda: s.write({{Py(P("junk.bin"))}}, {{Py(P("o2.bin"))}}, "{{Producer}}", "id"))
            attempt("none", lambda: s.verify(None))
            errors["junk_verdict"] = s.verify({{Py(P("junk.bin"))}})["verdict"]
            print(json.dumps(errors, ensure_ascii=False))
            """, library);
        var e = JsonNode.Parse(r)!;
        Assert.StartsWith("文件不存在：", (string?)e["missing"]![0]);
        Assert.Equal(10, (int?)e["missing"]![1]);
        Assert.Contains("ContentProducer", (string?)e["producer"]![0]);
        Assert.Contains("输出文件不能与输入文件相同", (string?)e["same"]![0]);
        Assert.Contains("无法识别的文件格式", (string?)e["format"]![0]);
        Assert.Equal("TypeError", (string?)e["none"]![0]);
        Assert.Equal("inconclusive", (string?)e["junk_verdict"]);
        Assert.False(File.Exists(P("o1.png")));
        Assert.False(File.Exists(P("o2.bin")));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp*"));
    }

    [Fact]
    public void Python_binding_is_safe_from_many_threads_at_once()
    {
        var (library, _) = Built.Value;
        var files = Enumerable.Range(0, 4).Select(i => Labeled($"t{i}.png", $"thread-{i}")).ToArray();
        var plain = LabelCli.Png(_dir, "plain.png");
        var r = Python($$"""
            import json, threading, suanbei_labels as s
            files = {{"[" + string.Join(", ", files.Select(Py)) + "]"}}
            seen, failures, lock = [], [], threading.Lock()
            def work(t):
                try:
                    for k in range(25):
                        f = files[(t + k) % len(files)]
                        v = s.verify(f)
                        out = {{Py(_dir)}} + f"/w-{t}-{k}.png"
                        s.write({{Py(plain)}}, out, "{{Producer}}", f"w-{t}-{k}")
                        w = s.verify(out)["labels"][0]["fields"]["ProduceID"]
                        with lock:
                            seen.append([f, v["verdict"], v["labels"][0]["fields"]["ProduceID"], w == f"w-{t}-{k}"])
                except Exception as e:
                    with lock:
                        failures.append(repr(e))
            threads = [threading.Thread(target=work, args=(t,)) for t in range(8)]
            for t in threads: t.start()
            for t in threads: t.join()
            print(json.dumps({"seen": seen, "failures": failures}))
            """, library);
        var o = JsonNode.Parse(r)!;
        Assert.Empty(o["failures"]!.AsArray());
        var seen = o["seen"]!.AsArray();
        Assert.Equal(8 * 25, seen.Count);
        foreach (var s in seen)
        {
            var file = (string)s![0]!;
            Assert.Equal("compliant", (string?)s[1]);
            Assert.Equal("thread-" + Path.GetFileNameWithoutExtension(file)[1..], (string?)s[2]);
            Assert.True((bool)s[3]!);
        }
    }

    [Fact]
    public void Python_binding_signs_and_checks_signatures_like_the_cli()
    {
        var (library, _) = Built.Value;
        var labeled = Labeled("a.png", "py-sign");
        foreach (var (alg, name) in new[] { ("sm2", "sm2"), ("p256", "p256"), ("sm2", "other") })
        {
            var k = LabelCli.Run("label", "keygen", "--alg", alg, "--private", P(name + ".pem"), "--public", P(name + ".pub.pem"));
            Assert.True(k.ExitCode == 0, k.StdErr);
        }
        var r = Python($$"""
            import ctypes, json, suanbei_labels as s
            out = {}
            out["sm2"] = s.sign({{Py(labeled)}}, {{Py(P("sm2.png"))}}, {{Py(P("sm2.pem"))}})
            import wave
            with wave.open({{Py(P("plain.wav"))}}, "wb") as w:  # PNG has no in-place write; WAV has
                w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000); w.writeframes(bytes(1600))
            s.write({{Py(P("plain.wav"))}}, {{Py(P("inplace.wav"))}}, "{{Producer}}", "py-wav")
            out["p256"] = s.sign({{Py(P("inplace.wav"))}}, None, {{Py(P("p256.pem"))}}, alg="p256")
            out["v_sm2"] = s.verify({{Py(P("sm2.png"))}}, key={{Py(P("sm2.pub.pem"))}})
            out["v_p256"] = s.verify({{Py(P("inplace.wav"))}}, key=[{{Py(P("p256.pub.pem"))}}, {{Py(P("sm2.pub.pem"))}}])
            out["v_other"] = s.verify({{Py(P("sm2.png"))}}, key={{Py(P("other.pub.pem"))}})
            out["v_bindings"] = s.verify({{Py(P("sm2.png"))}}, key=[])
            def error(f):
                try:
                    f()
                    return None
                except s.SuanbeiLabelsError as e:
                    return [str(e), e.code]
            out["public"] = error(lambda: s.sign({{Py(labeled)}}, {{Py(P("x.png"))}}, {{Py(P("sm2.pub.pem"))}}))
            out["mismatch"] = error(lambda: s.sign({{Py(labeled)}}, {{Py(P("x.png"))}}, {{Py(P("sm2.pem"))}}, alg="p256"))
            out["nokey"] = error(lambda: s.sign({{Py(labeled)}}, {{Py(P("x.png"))}}, {{Py(P("none.pem"))}}))
            out["notpem"] = error(lambda: s.verify({{Py(labeled)}}, key={{Py(labeled)}}))
            lib = s._load()
            p = lib.suanbei_labels_verify_with_keys({{Py(labeled)}}.encode(), None, 2)
            out["null_keys"] = json.loads(ctypes.string_at(p).decode())
            lib.suanbei_labels_free(p)
            p = lib.suanbei_labels_sign({{Py(labeled)}}.encode(), None, None, None, None, None, None)
            out["null_key"] = json.loads(ctypes.string_at(p).decode())
            lib.suanbei_labels_free(p)
            print(json.dumps(out, ensure_ascii=False))
            """, library);
        var o = JsonNode.Parse(r)!;

        Assert.Equal("sm2", (string?)o["sm2"]!["algorithm"]);
        Assert.Equal("p256", (string?)o["p256"]!["algorithm"]);
        // The objects are the CLI's for the same files and keys, key for key.
        var cli = LabelCli.Run("label", "verify", P("sm2.png"), "--key", P("sm2.pub.pem"), "--json");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.Lines[0]), o["v_sm2"]), cli.StdOut + "\n" + o["v_sm2"]);
        Assert.Equal("compliant", (string?)o["v_sm2"]!["verdict"]);
        Assert.Equal("valid", (string?)o["v_sm2"]!["security"]![0]!["signature"]);
        Assert.Equal("match", (string?)o["v_sm2"]!["security"]![0]!["binding"]);
        Assert.Equal("valid", (string?)o["v_p256"]!["security"]![0]!["signature"]);
        Assert.Equal((string?)o["p256"]!["reserved_code1"],
            (string?)o["v_p256"]!["labels"]![0]!["fields"]!["ReservedCode1"]);
        // Another SM2 key is named as the wrong key and makes the file noncompliant; no key checks the binding only.
        Assert.Equal("noncompliant", (string?)o["v_other"]!["verdict"]);
        Assert.Equal("wrong_key", (string?)o["v_other"]!["security"]![0]!["signature"]);
        Assert.Equal("not_checked", (string?)o["v_bindings"]!["security"]![0]!["signature"]);
        Assert.Equal("match", (string?)o["v_bindings"]!["security"]![0]!["binding"]);
        Assert.Contains("是公钥", (string?)o["public"]![0]);
        Assert.Contains("不符", (string?)o["mismatch"]![0]);
        Assert.StartsWith("文件不存在：", (string?)o["nokey"]![0]);
        Assert.Contains("不是 PEM 格式", (string?)o["notpem"]![0]);
        Assert.Contains("key_pem_paths", (string?)o["null_keys"]!["error"]);
        Assert.Contains("key_pem_path", (string?)o["null_key"]!["error"]);
        Assert.False(File.Exists(P("x.png")));
    }

    [Fact]
    public void Python_binding_finds_the_library_through_the_launcher_without_the_variable()
    {
        Built.Value.ToString(); // built once, so this call only asks the launcher for the path
        var labeled = Labeled("a.png", "py-launcher");
        var r = Python($$"""
            import suanbei_labels as s
            print(s.library_path())
            print(s.verify({{Py(labeled)}})["verdict"])
            """, library: null);
        Assert.Equal([Built.Value.Library, "compliant"], r.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A Python string literal (JSON's escaping is valid Python).</summary>
    private static string Py(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    /// <summary>Runs <paramref name="script"/> with bindings/python on the path; the library from
    /// $SUANBEI_LABELS_LIB when <paramref name="library"/> is given, else through the launcher. Returns stdout.</summary>
    private string Python(string script, string? library)
    {
        var path = P($"script-{Guid.NewGuid():N}.py");
        var prelude = "import os, sys\n" +
            $"sys.path.insert(0, {Py(Path.Combine(RepoPaths.Root, "bindings", "python"))})\n" +
            (library is null ? "os.environ.pop('SUANBEI_LABELS_LIB', None)\n" : $"os.environ['SUANBEI_LABELS_LIB'] = {Py(library)}\n");
        File.WriteAllText(path, prelude + script);
        var r = ExternalTool.Run("python3", [path], timeout: TimeSpan.FromMinutes(5));
        Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
        return r.StdOut;
    }
}
