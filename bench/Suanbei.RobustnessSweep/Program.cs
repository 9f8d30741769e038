// The in-process robustness sweep (bench/robustness-sweep.sh runs the same checks through the CLI, one process per
// command, which is thorough about exit codes but ~1 s per command). Usage:
//   dotnet run -c Release --project bench/Suanbei.RobustnessSweep -- [--mutants N] [--seed S] [--timeout SECONDS]
//       [--jobs J] [--work DIR] [--decode] [--labelled] [--keep] FOLDER...
// For every regular file under the folders and N seeded mutants of each (truncation, bit flips, extreme length
// fields, zeroed words, insertions, duplicated spans) — with --labelled also for a labelled copy of each file and its
// mutants — it runs verify, write (copy mode), propagate (--declared) and an
// in-place write on a copy through the same library calls the CLI makes, each with a timeout, and reports:
//   crash       an exception other than the contract's (LabelWriteException, or IOException for I/O), or a write
//               refused as an internal error (LabelFile.InternalErrorPrefix: a writer bug the facade contained)
//   hang        the timeout passed (the work is abandoned; the sweep carries on)
//   noop        a write succeeded but verify of the output does not show exactly that one label
//   changed     an in-place write was refused but the file differs from before
//   undecodable (--decode) the input decodes with a peer tool and the output does not
//               (ffprobe for audio/video, vips for images, qpdf --check for PDF)
// plus how many writes the read-back check refused (each would have been reported as written before it existed),
// the largest allocation of one operation and the process's peak RSS. Exit code 0 when nothing was found, else 1.
using System.Diagnostics;
using System.Text;
using Suanbei.Labels;

var folders = new List<string>();
int mutants = 3, seed = 20261205, jobs = Environment.ProcessorCount, timeout = 30;
string work = Path.Combine(Path.GetTempPath(), "suanbei-sweep-" + Environment.ProcessId);
var decode = false;
var labelled = false;
var keep = false; // keep the mutants (to reproduce a finding) instead of deleting each once swept
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--mutants": mutants = int.Parse(args[++i]); break;
        case "--seed": seed = int.Parse(args[++i]); break;
        case "--timeout": timeout = int.Parse(args[++i]); break;
        case "--jobs": jobs = int.Parse(args[++i]); break;
        case "--work": work = args[++i]; break;
        case "--decode": decode = true; break;
        case "--labelled": labelled = true; break;
        case "--keep": keep = true; break;
        default: folders.Add(args[i]); break;
    }
}
if (folders.Count == 0) { Console.Error.WriteLine("usage: Suanbei.RobustnessSweep [options] FOLDER..."); return 2; }

var originals = folders.SelectMany(f => File.Exists(f) ? [f] : FileKinds.RegularFilesUnder(f, _ => { })).ToList();
Directory.CreateDirectory(work);
var producer = ProducerCode.Build("91440300000000000E", "00000");
var label = (string id) => AigcLabel.ForProducer(producer, id);

var findings = new List<string>();
var readBacks = new List<string>(); // writes the read-back check refused: writer defects it caught
var counts = new Dictionary<string, int>();
void Count(string key, int n = 1) { lock (counts) counts[key] = counts.GetValueOrDefault(key) + n; }
void Finding(string file, string op, string kind, string detail)
{
    Count(kind);
    lock (findings) findings.Add($"{file}\t{op}\t{kind}\t{detail.ReplaceLineEndings(" ")}");
}
long maxAllocated = 0;
string maxAllocatedAt = "";

// One case: a path on disk (an original, or a mutant written into the work folder) and a label for its output.
var cases = new List<(string Path, string Shown, int Index)>();
var kinds = new[] { "truncate", "bitflip", "length", "zero", "insert", "duplicate" };
// With --labelled, every original that takes a label is labelled first, and that copy and its mutants are swept too:
// relabelling is where an old label (intact or damaged) has to be replaced.
var sources = new List<(string Path, string Shown)>(originals.Select(o => (o, o)));
if (labelled)
{
    Directory.CreateDirectory(Path.Combine(work, "labelled"));
    for (var i = 0; i < originals.Count; i++)
    {
        var target = Path.Combine(work, "labelled", $"{i}-{Path.GetFileName(originals[i])}");
        try { LabelFile.Write(originals[i], target, label("OLD-" + i)); sources.Add((target, originals[i] + " [labelled]")); }
        catch (Exception e) when (e is LabelWriteException or IOException) { }
    }
}
for (var i = 0; i < sources.Count; i++)
{
    var (source, shown) = sources[i];
    cases.Add((source, shown, cases.Count));
    if (mutants == 0) continue;
    byte[] bytes;
    try { bytes = File.ReadAllBytes(source); } catch (IOException) { continue; }
    if (bytes.Length == 0) continue;
    for (var m = 0; m < mutants; m++)
    {
        var random = new Random(seed + i * 131 + m);
        var kind = kinds[random.Next(kinds.Length)];
        var name = $"{i}-{m}-{kind}-{Path.GetFileName(source)}";
        var path = Path.Combine(work, "mutants", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Mutate(bytes, kind, random));
        cases.Add((path, $"{shown} [{kind} #{m}]", cases.Count));
    }
}
Console.Error.WriteLine(
    $"{originals.Count} files ({sources.Count - originals.Count} labelled copies) + {cases.Count - sources.Count} mutants, {jobs} in " +
    $"parallel, {timeout} s timeout");

var stopwatch = Stopwatch.StartNew();
var next = -1;
var threads = Enumerable.Range(0, jobs).Select(_ => new Thread(() =>
{
    int n;
    while ((n = Interlocked.Increment(ref next)) < cases.Count) Sweep(cases[n]);
})
{ IsBackground = true }).ToList();
threads.ForEach(t => t.Start());
threads.ForEach(t => t.Join());
stopwatch.Stop();

var peakRss = File.Exists("/proc/self/status")
    ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:"))?.Split(':')[1].Trim() ?? "?" : "?";
Console.WriteLine(
    $"inputs: {originals.Count} files, {sources.Count - originals.Count} labelled copies, {cases.Count - sources.Count} mutants = " +
    $"{cases.Count}; {stopwatch.Elapsed.TotalSeconds:F0} s");
Console.WriteLine("verdicts: " + string.Join(", ", counts.Where(kv => kv.Key.StartsWith("verdict:")).OrderBy(kv => kv.Key)
    .Select(kv => $"{kv.Key[8..]} {kv.Value}")));
foreach (var op in new[] { "write", "propagate", "in-place" })
    Console.WriteLine($"{op}: {counts.GetValueOrDefault(op + ":written")} written, {counts.GetValueOrDefault(op + ":refused")} refused " +
        $"({counts.GetValueOrDefault(op + ":readback")} of them by the read-back check), {counts.GetValueOrDefault(op + ":nothing")} " +
        $"nothing to write");
Console.WriteLine(
    $"crash {counts.GetValueOrDefault("crash")}, hang {counts.GetValueOrDefault("hang")}, noop {counts.GetValueOrDefault("noop")}, " +
    $"changed {counts.GetValueOrDefault("changed")}, undecodable {counts.GetValueOrDefault("undecodable")}" +
        (decode ? $" (decode-checked {counts.GetValueOrDefault("decoded")})" : " (decode not checked)"));
Console.WriteLine($"largest allocation by one operation: {maxAllocated / 1048576.0:F1} MiB ({maxAllocatedAt}); peak RSS {peakRss}");
File.WriteAllLines(Path.Combine(work, "findings.tsv"), findings);
File.WriteAllLines(Path.Combine(work, "read-back-refusals.tsv"), readBacks);
if (readBacks.Count > 0) Console.WriteLine($"read-back refusals: {Path.Combine(work, "read-back-refusals.tsv")}");
foreach (var f in findings.Take(50)) Console.WriteLine(f);
if (findings.Count > 0) Console.WriteLine($"findings: {Path.Combine(work, "findings.tsv")}");
var failed = findings.Count > 0;
Environment.Exit(failed ? 1 : 0); // abandoned (hung) operations must not keep the process alive
return failed ? 1 : 0;

void Sweep((string Path, string Shown, int Index) c)
{
    var dir = Path.Combine(work, "out", c.Index.ToString());
    Directory.CreateDirectory(dir);
    var ext = Path.GetExtension(c.Path);
    var id = "SWEEP-" + c.Index;
    var original = File.ReadAllBytes(c.Path);

    var verified = Run(c.Shown, "verify", () => LabelFile.Verify(c.Path));
    if (verified is not null) Count("verdict:" + verified.Verdict.Name());

    var written = Path.Combine(dir, "written" + ext);
    if (Run(c.Shown, "write", () => { LabelFile.Write(c.Path, written, label(id)); return true; }))
        Check(c.Shown, "write", c.Path, written, label(id), verified?.Format);

    var propagated = Path.Combine(dir, "propagated" + ext);
    var decision = Run(c.Shown, "propagate", () => Propagation.PropagateFile(c.Path, propagated, producer, "P-" + id, userDeclared: true));
    if (decision is { Label: { } l }) Check(c.Shown, "propagate", c.Path, propagated, l, verified?.Format);
    else if (decision is not null) Count("propagate:nothing");

    var inPlace = Path.Combine(dir, "in-place" + ext);
    File.WriteAllBytes(inPlace, original);
    if (Run(c.Shown, "in-place", () => { LabelFile.WriteInPlace(inPlace, label("I-" + id)); return true; }))
        Check(c.Shown, "in-place", c.Path, inPlace, label("I-" + id), verified?.Format);
    else if (!File.ReadAllBytes(inPlace).AsSpan().SequenceEqual(original))
        Finding(c.Shown, "in-place", "changed", "refused, but the file differs from before");

    try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    if (c.Path != c.Shown && !keep) File.Delete(c.Path);
}

T? Run<T>(string shown, string op, Func<T> action)
{
    var task = Task.Factory.StartNew(() =>
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try { return (Value: action(), Error: (Exception?)null, Allocated: GC.GetAllocatedBytesForCurrentThread() - before); }
        catch (Exception e) { return (Value: default(T), Error: e, Allocated: GC.GetAllocatedBytesForCurrentThread() - before); }
    }, TaskCreationOptions.LongRunning);
    if (!task.Wait(TimeSpan.FromSeconds(timeout))) { Finding(shown, op, "hang", $"no result after {timeout} s"); return default; }
    var (value, error, allocated) = task.Result;
    lock (counts) if (allocated > maxAllocated) { maxAllocated = allocated; maxAllocatedAt = $"{shown} {op}"; }
    switch (error)
    {
        case null:
            if (op != "verify" && value is not PropagationDecision { Label: null }) Count(op + ":written");
            return value;
        case LabelWriteException w when !w.Message.Contains(LabelFile.InternalErrorPrefix):
            Count(op + ":refused");
            if (w.Message.Contains("回读核对失败"))
            {
                Count(op + ":readback");
                lock (readBacks) readBacks.Add($"{shown}\t{op}\t{w.Message.ReplaceLineEndings(" ")}");
            }
            return default;
        case IOException when op == "verify" || error.Message.Contains("不是普通文件"):
            Count(op + ":io");
            return default;
        default:
            Finding(shown, op, "crash",
                $"{error.GetType().Name}: {error.Message} {error.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            return default;
    }
}

void Check(string shown, string op, string input, string output, AigcLabel expected, string? format)
{
    var report = LabelFile.Verify(output);
    if (report.Labels.Count != 1 || report.Labels[0].Label != expected)
        Finding(shown, op, "noop", $"verify of the output: {report.Verdict.Name()}, {report.Labels.Count} labels " +
            string.Join("; ", report.Problems.Select(p => p.Message)));
    if (!decode || Decoder(format) is not { } tool) return;
    if (!Decodes(tool, input)) return; // nothing to compare: the input does not decode either
    Count("decoded");
    if (!Decodes(tool, output)) Finding(shown, op, "undecodable", $"{string.Join(' ', tool)} fails on the output");
}

static string[]? Decoder(string? format) => format switch
{
    "png" or "jpeg" or "webp" or "tiff" or "gif" or "heif" => ["vips", "avg"],
    "mp4" or "mkv" or "ogg" or "flac" or "mp3" or "wav" or "avi" => ["ffprobe", "-v", "error", "-show_streams"],
    "pdf" => ["qpdf", "--check"],
    "svg" => ["python3", "-c", "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])"], // well-formed XML
    _ => null,
};

static bool Decodes(string[] tool, string file)
{
    var psi = new ProcessStartInfo(tool[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var a in tool[1..]) psi.ArgumentList.Add(a);
    psi.ArgumentList.Add(file);
    using var p = Process.Start(psi)!;
    var stdout = p.StandardOutput.ReadToEndAsync();
    var stderr = p.StandardError.ReadToEndAsync();
    if (!p.WaitForExit(60_000)) { p.Kill(true); return false; }
    Task.WaitAll(stdout, stderr);
    // qpdf --check exits 3 for warnings only: still a readable PDF.
    return p.ExitCode == 0 || (tool[0] == "qpdf" && p.ExitCode == 3);
}

static byte[] Mutate(byte[] data, string kind, Random r)
{
    // Half of the positions fall in the first 64 KiB, where containers keep their structure.
    int Pos(int length) => r.Next(2) == 0 && length > 65536 ? r.Next(65536) : r.Next(length);
    var d = (byte[])data.Clone();
    switch (kind)
    {
        case "truncate": return d[..Pos(d.Length)];
        case "bitflip":
            for (var k = r.Next(1, 9); k > 0; k--) d[Pos(d.Length)] ^= (byte)(1 << r.Next(8));
            return d;
        case "length":
        case "zero":
            {
                var at = Math.Min(Pos(d.Length), Math.Max(0, d.Length - 4));
                uint value = kind == "zero" ? 0 : r.Next(4) switch { 0 => 0xFFFFFFFF, 1 => 0x7FFFFFFF, 2 => 1, _ => 0xFFFFFF7F };
                for (var k = 0; k < 4 && at + k < d.Length; k++) d[at + k] = (byte)(value >> (24 - 8 * k));
                return d;
            }
        case "insert":
            {
                var at = Pos(d.Length);
                var junk = new byte[r.Next(1, 65)];
                r.NextBytes(junk);
                return [.. d[..at], .. junk, .. d[at..]];
            }
        default: // duplicate
            {
                var from = Pos(d.Length);
                var span = d.AsSpan(from, Math.Min(r.Next(1, 4097), d.Length - from)).ToArray();
                var at = Pos(d.Length);
                return [.. d[..at], .. span, .. d[at..]];
            }
    }
}
