using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Suanbei.Labels;

namespace Suanbei.Benchmarks;

/// <summary>
/// In-process cost of <c>label verify</c> on small labeled images (64×48 PNG and JPEG made with ImageMagick, labels
/// written by Suanbei, as in bench/verify-vs-exiftool.sh): one file from disk, and a directory of 1,000 files verified
/// the way the CLI does with <c>--json</c> (parallel rounds, one buffered UTF-8 JSON writer; output to Stream.Null).
/// Run: <c>dotnet run -c Release --project bench/Suanbei.Benchmarks -- --filter '*VerifyBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class VerifyBenchmarks
{
    private const string Producer = "001191440300708461136T1XGW3";
    private string _dir = "";
    private string _png = "";
    private string _jpeg = "";
    private string[] _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("suanbei-bench-verify-").FullName;
        var src = Directory.CreateDirectory(Path.Combine(_dir, "src")).FullName;
        var images = Directory.CreateDirectory(Path.Combine(_dir, "images")).FullName;
        for (var i = 0; i < 10; i++)
        {
            var png = Path.Combine(src, $"p{i}.png");
            var jpg = Path.Combine(src, $"j{i}.jpg");
            Run("convert", "-size", "64x48", "gradient:red-blue", "-fill", "white", "-draw", $"text 4,20 'n{i}'", png);
            Run("convert", png, "-quality", "85", jpg);
            LabelFile.Write(png, Path.Combine(src, $"lp{i}.png"), AigcLabel.ForProducer(Producer, $"p{i}"));
            LabelFile.Write(jpg, Path.Combine(src, $"lj{i}.jpg"), AigcLabel.ForProducer(Producer, $"j{i}"));
        }
        var files = new List<string>();
        for (var n = 1; n <= 1000; n++)
        {
            var target = Path.Combine(images, n % 2 == 1 ? $"{n}.png" : $"{n}.jpg");
            File.Copy(Path.Combine(src, n % 2 == 1 ? $"lp{n % 10}.png" : $"lj{n % 10}.jpg"), target);
            files.Add(target);
        }
        files.Sort(StringComparer.Ordinal);
        _files = [.. files];
        _png = Path.Combine(src, "lp1.png");
        _jpeg = Path.Combine(src, "lj1.jpg");
        if (LabelFile.Verify(_png).Verdict != Verdict.Compliant || LabelFile.Verify(_jpeg).Verdict != Verdict.Compliant)
            throw new InvalidOperationException("fixtures are not compliant");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public Verdict VerifyPngFile() => LabelFile.Verify(_png).Verdict;

    [Benchmark]
    public Verdict VerifyJpegFile() => LabelFile.Verify(_jpeg).Verdict;

    /// <summary>1,000 files, one thread, JSON lines written: the marginal work per file without parallelism.</summary>
    [Benchmark]
    public int Verify1000Sequential()
    {
        using var writer = new Utf8JsonWriter(Stream.Null, ReportJson.Options);
        var worst = 0;
        foreach (var f in _files)
        {
            var r = LabelFile.Verify(f);
            ReportJson.WriteReport(writer, f, r);
            writer.Flush();
            writer.Reset();
            worst = Math.Max(worst, r.Verdict.ExitCode());
        }
        return worst;
    }

    /// <summary>1,000 files as <c>label verify DIR --json</c> does it: enumerate and sort, verify in parallel rounds of
    /// 256 (degree = processor count), write in order.</summary>
    [Benchmark]
    public int Verify1000Parallel()
    {
        var paths = Directory.EnumerateFiles(Path.Combine(_dir, "images"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToList();
        var reports = new VerificationReport[256];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var lines = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        using var writer = new Utf8JsonWriter(lines, ReportJson.Options);
        var worst = 0;
        for (var start = 0; start < paths.Count; start += reports.Length)
        {
            var count = Math.Min(reports.Length, paths.Count - start);
            var s = start;
            Parallel.For(0, count, options, i => reports[i] = LabelFile.Verify(paths[s + i]));
            for (var i = 0; i < count; i++)
            {
                ReportJson.WriteReport(writer, paths[start + i], reports[i]);
                writer.Flush();
                writer.Reset();
                lines.Write("\n"u8);
                worst = Math.Max(worst, reports[i].Verdict.ExitCode());
            }
            Stream.Null.Write(lines.WrittenSpan);
            lines.ResetWrittenCount();
        }
        return worst;
    }

    private static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {err}");
    }
}
