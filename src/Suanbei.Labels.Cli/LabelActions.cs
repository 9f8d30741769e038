using System.Buffers;
using System.Security.Cryptography;
using System.Text;

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
        if (!TryRead(path, out var read, out var format)) return UsageOrIoError;
        Console.Out.WriteLine(LabelJson.Read(path, format, read));
        return LabelJson.ReadExitCode(format, read);
    }

    /// <summary>What <c>label read</c> prints, as JSON or as tables: the file's labels, with stdout set to UTF-8.
    /// False, with the reason on stderr, when the file cannot be read.</summary>
    public static bool TryRead(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ContainerReadResult? read,
        out IContainerFormat? format)
    {
        Console.OutputEncoding = Encoding.UTF8;
        try
        {
            read = LabelFile.Read(path, out format);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Error($"无法读取 {path}：{e.Message}");
            (read, format) = (null, null);
            return false;
        }
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

    /// <summary>Files verified per round; each round's lines are printed in argument order after it.</summary>
    private const int VerifyBatch = 4096;

    /// <summary>Files are independent, so each round of up to <see cref="VerifyBatch"/> files is shared among one
    /// thread per processor (when there are enough of them), each writing the JSON lines of the files it verified into
    /// its own buffer; the lines are then copied to stdout in argument order, so the output does not depend on the
    /// threads. Returns the exit code: the worst verdict's, or 10 when a file could not be read (said on stderr, in
    /// order with stdout).</summary>
    private static int VerifyJson(List<string> paths)
    {
        var ioError = false;
        var worst = 0;
        var slots = new VerifiedSlot[Math.Min(VerifyBatch, paths.Count)];
        var threads = ParallelFiles.ThreadsFor(slots.Length);
        // Sized for a round's lines (about 330 bytes a small image) so that they are not copied as the buffers grow,
        // and no larger for a few files: a fresh 64 KiB buffer is 16 page faults, a third of a millisecond of a one-file
        // run here (BENCHMARKS.md).
        var perThread = Math.Max(1024, slots.Length / threads * 512);
        var buffers = new JsonLineBuffer[threads];
        for (var t = 0; t < threads; t++) buffers[t] = new JsonLineBuffer(perThread);
        using var stdout = StandardOutput.Open();
        var lines = new JsonLineBuffer(Math.Clamp(slots.Length * 1024, 1024, 1 << 16));
        for (var start = 0; start < paths.Count; start += VerifyBatch)
        {
            var count = Math.Min(VerifyBatch, paths.Count - start);
            var batchStart = start;
            foreach (var b in buffers) b.ResetWrittenCount();
            ParallelFiles.Run(count, threads, (i, t) => slots[i] = VerifyLine(paths[batchStart + i], buffers[t], t));
            for (var i = 0; i < count; i++)
            {
                var slot = slots[i];
                if (slot.Error is null)
                {
                    lines.Write(buffers[slot.Thread].WrittenSpan.Slice(slot.Start, slot.Length));
                    worst = Math.Max(worst, slot.ExitCode);
                }
                else
                {
                    WriteOut(stdout, lines); // keep stdout and stderr in order for a reader of both
                    Error($"无法读取 {paths[start + i]}：{slot.Error}");
                    ioError = true;
                }
                if (lines.WrittenCount > 48 * 1024) WriteOut(stdout, lines);
            }
        }
        WriteOut(stdout, lines);
        return ioError ? UsageOrIoError : worst;
    }

    /// <summary>Where one file's line sits in its thread's buffer, with its verdict's exit code, or why it could not
    /// be read.</summary>
    private readonly record struct VerifiedSlot(int Thread, int Start, int Length, int ExitCode, string? Error);

    private static VerifiedSlot VerifyLine(string path, JsonLineBuffer buffer, int thread)
    {
        VerificationReport report;
        try { report = LabelFile.Verify(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return new(thread, 0, 0, 0, e.Message); }
        var start = buffer.WrittenCount;
        ReportJson.WriteJsonLine(buffer, path, report);
        buffer.Write("\n"u8);
        return new(thread, start, buffer.WrittenCount - start, report.Verdict.ExitCode(), null);
    }

    private static void WriteOut(Stream stdout, JsonLineBuffer lines)
    {
        stdout.Write(lines.WrittenSpan);
        stdout.Flush();
        lines.ResetWrittenCount();
    }
}
