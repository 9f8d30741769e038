using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Suanbei.Labels.Cli;

/// <summary>
/// What the <c>label</c> commands do once their arguments are parsed, for the commands that need neither
/// System.CommandLine nor Spectre.Console nor the signing libraries: <c>verify --json</c>, <c>read --json</c>,
/// <c>write</c>. Compiled into both the full label program and the quick one (src/Suanbei.Labels.Quick), so the two
/// print the same bytes, errors and exit codes.
/// </summary>
internal static class LabelActions
{
    /// <summary>Exit code for usage and I/O errors, shared by all commands.</summary>
    public const int UsageOrIoError = 10;

    public static void Error(string message) => Console.Error.WriteLine("错误：" + message);

    /// <summary>Maps write failures and I/O errors to a Chinese message and exit code 10.</summary>
    public static int Guard(Func<int> action)
    {
        try { return action(); }
        catch (LabelWriteException e) { Error(e.Message); return UsageOrIoError; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error("读写文件失败：" + e.Message);
            return UsageOrIoError;
        }
        catch (CryptographicException e) { Error("密钥或签名错误：" + e.Message); return UsageOrIoError; }
        // An empty or malformed path argument (e.g. `label write ""`) is a usage error, not a crash.
        catch (ArgumentException e) when (e.ParamName is "path" or "inputPath" or "outputPath")
        {
            Error("路径无效：" + e.Message);
            return UsageOrIoError;
        }
    }

    /// <summary><c>label write</c>: exactly one of an output file and <paramref name="inPlace"/>.</summary>
    public static int WriteLabel(string input, string? output, bool inPlace, AigcLabel label)
    {
        Console.OutputEncoding = Encoding.UTF8;
        if (inPlace == (output is not null)) { Error("须且只能指定 -o 输出文件或 --in-place 之一"); return UsageOrIoError; }
        return Guard(() =>
        {
            if (inPlace) LabelFile.WriteInPlace(input, label);
            else LabelFile.Write(input, output!, label);
            Console.Out.WriteLine($"已写入隐式标识：{(inPlace ? input : output)}");
            return 0;
        });
    }

    /// <summary><c>label read FILE --json</c>.</summary>
    public static int ReadJson(string path)
    {
        Console.OutputEncoding = Encoding.UTF8;
        ContainerReadResult read;
        IContainerFormat? format;
        try { read = LabelFile.Read(path, out format); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error($"无法读取 {path}：{e.Message}");
            return UsageOrIoError;
        }
        Console.Out.WriteLine(LabelJson.Read(path, format, read));
        return LabelJson.ReadExitCode(format, read);
    }

    /// <summary>The paths <c>verify</c> was given: <paramref name="files"/>, then those listed in
    /// <paramref name="filesFrom"/>. Null, with the error reported, when there are none or the list cannot be read.</summary>
    public static string[]? VerifyArguments(string[] files, string? filesFrom)
    {
        if (filesFrom is not null)
        {
            try { return [.. files, .. ReadPathList(filesFrom)]; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Error($"无法读取列表文件 {filesFrom}：{e.Message}");
                return null;
            }
        }
        if (files.Length > 0) return files;
        Error("请指定要核验的文件或目录，或用 --files-from 给出列表文件");
        return null;
    }

    /// <summary>One path per line (blank lines skipped, a trailing CR dropped); "-" reads standard input.</summary>
    private static string[] ReadPathList(string list)
    {
        using var reader = list == "-"
            ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8)
            : new StreamReader(list, Encoding.UTF8);
        var paths = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) paths.Add(line);
        return [.. paths];
    }

    /// <summary>The files <c>verify</c> checks: regular files as given, folders walked; what cannot be checked is
    /// reported on stderr and sets <paramref name="ioError"/>.</summary>
    public static List<string> FilesToVerify(string[] args, out bool ioError)
    {
        ioError = false;
        var paths = new List<string>();
        foreach (var a in args)
        {
            switch (FileKinds.Of(a))
            {
                case FileKind.Directory:
                    // Pipes and devices inside a folder are skipped with a notice (opening one would block or never
                    // end); they do not change the exit code, as they are not what "verify this folder" is about.
                    try
                    {
                        paths.AddRange(FileKinds.RegularFilesUnder(a,
                            skipped => Console.Error.WriteLine($"提示：已跳过 {FileKinds.NotRegular(skipped)}")));
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        Error($"无法遍历目录 {a}：{e.Message}");
                        ioError = true;
                    }
                    break;
                case FileKind.Regular: paths.Add(a); break;
                case FileKind.Missing: Error($"文件不存在：{a}"); ioError = true; break;
                default: Error(FileKinds.NotRegular(a)); ioError = true; break;
            }
        }
        return paths;
    }

    /// <summary><c>label verify … --json</c> over the files and folders in <paramref name="args"/>.</summary>
    public static int VerifyJson(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        var paths = FilesToVerify(args, out var ioError);
        var code = VerifyJson(paths);
        return ioError ? UsageOrIoError : code;
    }

    /// <summary>Files verified per parallel round; output is written in argument order after each round.</summary>
    private const int VerifyBatch = 256;

    /// <summary>Files are independent, so each round of <see cref="VerifyBatch"/> files is verified in parallel (one
    /// thread per processor) and then printed in order through one buffered UTF-8 writer on stdout. Returns the exit
    /// code: the worst verdict's, or 10 when a file could not be read (reported on stderr).</summary>
    private static int VerifyJson(List<string> paths)
    {
        var ioError = false;
        var worst = 0;
        var reports = new VerificationReport?[Math.Min(VerifyBatch, paths.Count)];
        var errors = new string?[reports.Length];
        using var stdout = Console.OpenStandardOutput();
        var lines = new ArrayBufferWriter<byte>(1 << 16);
        using var writer = new Utf8JsonWriter(lines, ReportJson.Options); // Flush() only commits to `lines`
        for (var start = 0; start < paths.Count; start += VerifyBatch)
        {
            var count = Math.Min(VerifyBatch, paths.Count - start);
            var batchStart = start;
            if (count == 1) VerifyInto(paths[start], out reports[0], out errors[0]);
            else
            {
                var next = -1;
                OnEveryProcessor(() =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < count)
                        VerifyInto(paths[batchStart + i], out reports[i], out errors[i]);
                });
            }
            for (var i = 0; i < count; i++)
            {
                if (reports[i] is { } report)
                {
                    ReportJson.WriteReport(writer, paths[start + i], report);
                    writer.Flush();
                    writer.Reset();
                    lines.Write("\n"u8);
                    worst = Math.Max(worst, report.Verdict.ExitCode());
                }
                else
                {
                    WriteOut(stdout, lines); // keep stdout and stderr in order for a reader of both
                    Error($"无法读取 {paths[start + i]}：{errors[i]}");
                    ioError = true;
                }
                reports[i] = null;
            }
            if (lines.WrittenCount > 48 * 1024) WriteOut(stdout, lines);
        }
        WriteOut(stdout, lines);
        return ioError ? UsageOrIoError : worst;
    }

    /// <summary>Runs <paramref name="work"/> on this thread and on one new thread per other processor, and waits for
    /// all. Plain threads rather than Parallel.For: in a run this short, starting the thread pool cost more (≈ 7 ms
    /// for 1,000 images) than the threads do.</summary>
    private static void OnEveryProcessor(Action work)
    {
        var threads = new Thread[Environment.ProcessorCount - 1];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() => work()) { IsBackground = true, Name = "verify" };
            threads[t].Start();
        }
        work();
        foreach (var t in threads) t.Join();
    }

    private static void WriteOut(Stream stdout, ArrayBufferWriter<byte> lines)
    {
        stdout.Write(lines.WrittenSpan);
        stdout.Flush();
        lines.ResetWrittenCount();
    }

    private static void VerifyInto(string path, out VerificationReport? report, out string? error)
    {
        try { report = LabelFile.Verify(path); error = null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { report = null; error = e.Message; }
    }
}
