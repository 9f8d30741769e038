using Suanbei.Core.Files;
namespace Suanbei.Labels;

/// <summary>
/// The one entry point for files: detect the container, read, verify, write (atomically), write in place, propagate.
/// Nothing here throws on a malformed input file when reading or verifying; writes throw
/// <see cref="LabelWriteException"/> (Chinese message) and leave the input untouched.
/// </summary>
public static class LabelFile
{
    /// <summary>How many leading bytes <see cref="IContainerFormat.Matches"/> sees.</summary>
    public const int HeadLength = 64;

    public static IContainerFormat? Detect(string path)
    {
        using var s = File.OpenRead(path);
        return Detect(s, Path.GetExtension(path));
    }

    /// <summary>Reads at most 64 bytes from the current position and restores the position.</summary>
    public static IContainerFormat? Detect(Stream stream, string extension)
    {
        Span<byte> head = stackalloc byte[HeadLength];
        var start = stream.CanSeek ? stream.Position : 0;
        var n = 0;
        while (n < head.Length)
        {
            var r = stream.Read(head[n..]);
            if (r == 0) break;
            n += r;
        }
        if (stream.CanSeek) stream.Position = start;
        extension = extension.ToLowerInvariant();
        var all = ContainerFormats.All;
        for (var i = 0; i < all.Count; i++) // indexed: a foreach over the interface allocates an enumerator per file
            if (all[i].Matches(head[..n], extension)) return all[i];
        return null;
    }

    public static ContainerReadResult Read(string path, out IContainerFormat? format)
    {
        using var s = OrDirectoryError(path,
            () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess));
        return Read(s, Path.GetExtension(path), out format);
    }

    /// <summary>Opens <paramref name="path"/>; a folder is reported as such (<see cref="FileKinds.IsDirectory"/>)
    /// rather than by .NET's "Access to the path is denied".</summary>
    private static T OrDirectoryError<T>(string path, Func<T> open)
    {
        try { return open(); }
        catch (UnauthorizedAccessException) when (Directory.Exists(path)) { throw new IOException(FileKinds.IsDirectory(path)); }
    }

    /// <summary>Never throws for malformed content (a reader's exception becomes damage — the last-resort net).</summary>
    public static ContainerReadResult Read(Stream stream, string extension, out IContainerFormat? format)
    {
        format = Detect(stream, extension);
        if (format is null) return ContainerReadResult.Damaged("无法识别的文件格式");
        try
        {
            stream.Position = 0;
            return format.Read(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ContainerReadResult.Damaged($"读取 {format.Name} 结构时出错：{e.Message}");
        }
    }

    /// <summary>Verifies a file. I/O errors (missing file, permissions) are thrown as <see cref="IOException"/>/
    /// <see cref="UnauthorizedAccessException"/> so the caller can report them apart from verdicts.</summary>
    public static VerificationReport Verify(string path)
    {
        var extension = Path.GetExtension(path);
        if (Formats.Io.SmallFileRead.TryVerify(path, extension) is { } fast) return fast;
        // Small files (the common case for images) are read with one read call into a pooled buffer and parsed from
        // memory; larger ones are walked through a buffered stream that seeks past the payload. No SequentialScan
        // hint: it costs an fadvise call per file, and large files are read by seeking, not sequentially.
        using var handle = OrDirectoryError(path, () => File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read));
        var length = RandomAccess.GetLength(handle);
        if (length < SmallFileLength)
        {
            // The file as it was when its size was taken (one read call, no second read to find the end).
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                var n = ReadFully(handle, buffer.AsSpan(0, (int)length));
                return Verify(new MemoryStream(buffer, 0, n, writable: false, publiclyVisible: true), extension);
            }
            finally { System.Buffers.ArrayPool<byte>.Shared.Return(buffer); }
        }
        using var s = new FileStream(handle, FileAccess.Read, 16384);
        return Verify(s, extension);
    }

    /// <summary>Files below this size are verified from one read into memory.</summary>
    public const int SmallFileLength = 256 * 1024;

    private static int ReadFully(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer)
    {
        var n = 0;
        while (n < buffer.Length)
        {
            var r = RandomAccess.Read(handle, buffer[n..], n);
            if (r == 0) break;
            n += r;
        }
        return n;
    }

    public static VerificationReport Verify(Stream stream, string extension)
    {
        var read = Read(stream, extension, out var format);
        if (format is null) return Verifier.Unsupported("无法识别的文件格式，无法判定是否含有隐式标识");
        return Verifier.Verify(format.Name, read);
    }

    /// <summary>Writes <paramref name="label"/> as the only label into a new file <paramref name="outputPath"/>:
    /// temp file in the output's folder, flushed, read back (<see cref="ReadBack"/>), then renamed over the output.
    /// The input is never modified; when the label cannot be read back no output is left.</summary>
    public static void Write(string inputPath, string outputPath, AigcLabel label, bool validate = true) =>
        Write(inputPath, outputPath, label, validate, Path.GetExtension(outputPath));

    /// <param name="readBackExtension">The extension the output is read back as (what <c>verify</c> of the final file
    /// would see); differs from <paramref name="outputPath"/>'s when that is itself an intermediate file.</param>
    internal static void Write(string inputPath, string outputPath, AigcLabel label, bool validate, string readBackExtension)
    {
        if (validate) LabelValidator.EnsureWritable(label);
        if (SamePath(inputPath, outputPath))
            throw new LabelWriteException("输出文件不能与输入文件相同；如需原地写入请使用 --in-place");
        FileKinds.RequireRegular(inputPath);
        using var input = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var format = Detect(input, Path.GetExtension(inputPath)) ?? throw new LabelWriteException("无法识别的文件格式，无法写入标识");
        WriteAtomically(outputPath, output => WriteChecked(format, input, output, label, readBackExtension));
    }

    /// <summary>One copy-mode write between streams, contained (<see cref="Contained"/>) and read back
    /// (<see cref="ReadBack"/>): returns only when <paramref name="output"/> holds exactly <paramref name="label"/>.</summary>
    internal static void WriteChecked(IContainerFormat format, Stream input, Stream output, AigcLabel label, string extension)
    {
        Contained(format, () => format.Write(input, output, label));
        if (ReadBack(output, extension, label) is not { } why) return;
        // Say whether the input was already damaged (the writer copied damage it did not parse) or the writer erred.
        input.Position = 0;
        var before = Verify(input, extension);
        if (before.Verdict == Verdict.Inconclusive && before.Problems.Count > 0)
            why += "；输入文件本身已损坏：" + before.Problems[0].Message;
        throw new LabelWriteException($"写入后回读核对失败：{why}。未生成输出文件");
    }

    /// <summary>Patches the file in place where the container allows it without moving the payload. The file is then
    /// read back; when the label is not there exactly as written, every byte changed is put back and the write fails.</summary>
    public static void WriteInPlace(string path, AigcLabel label, bool validate = true)
    {
        if (validate) LabelValidator.EnsureWritable(label);
        FileKinds.RequireRegular(path);
        IContainerFormat format;
        using (var probe = File.OpenRead(path))
            format = Detect(probe, Path.GetExtension(path)) ?? throw new LabelWriteException("无法识别的文件格式，无法写入标识");
        WriteInPlace(path, label, format);
    }

    /// <summary>The in-place write with the format already known.</summary>
    internal static void WriteInPlace(string path, AigcLabel label, IContainerFormat format)
    {
        if (!format.SupportsInPlace)
            throw new LabelWriteException($"{format.Name} 格式不支持原地写入（需移动数据），请用 -o 写入新文件");
        using var file = new UndoLogFileStream(path);
        string? why;
        try
        {
            Contained(format, () => format.WriteInPlace(file, label));
            why = ReadBack(file, Path.GetExtension(path), label);
        }
        catch (Exception e) when (e is LabelWriteException or IOException)
        {
            file.Restore();
            throw;
        }
        if (why is not null)
        {
            file.Restore();
            file.Position = 0;
            var before = Verify(file, Path.GetExtension(path));
            if (before.Verdict == Verdict.Inconclusive && before.Problems.Count > 0)
                why += "；输入文件本身已损坏：" + before.Problems[0].Message;
            throw new LabelWriteException($"写入后回读核对失败：{why}。已恢复原文件");
        }
        file.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Reads what was just written through the reader <c>verify</c> uses (it parses metadata only, so this costs what
    /// a verify costs, not a second pass over the payload) and says why it is not exactly one readable copy of
    /// <paramref name="label"/>; null when it is. Catches writer bugs that would otherwise report success for a label
    /// nobody can find, and old labels a writer failed to remove.
    /// </summary>
    internal static string? ReadBack(Stream written, string extension, AigcLabel label)
    {
        written.Flush();
        written.Position = 0;
        var report = Verify(written, extension);
        if (report.Problems.FirstOrDefault(p => p.Code is LabelProblem.ContainerDamaged or LabelProblem.UnsupportedFormat) is { } damaged)
            return "写入后的文件无法解析（" + damaged.Message + "）";
        if (report.Labels.Count == 0) return "写入后的文件中找不到标识";
        if (report.Labels.Count > 1)
            return $"写入后的文件含有{report.Labels.Count}处标识（{string.Join("、", report.Labels.Select(l => l.Placement))}），原有的标识未能清除";
        if (report.Labels[0].Label != label) return $"{report.Labels[0].Placement} 处读出的标识与写入的不一致";
        return null;
    }

    /// <summary>The writers' contract is <see cref="LabelWriteException"/> for anything they cannot write; any other
    /// exception from a malformed input is a writer bug, reported (not crashed on) as an internal error that names it.</summary>
    private static void Contained(IContainerFormat format, Action write)
    {
        try { write(); }
        catch (Exception e) when (e is not (LabelWriteException or IOException or UnauthorizedAccessException or OutOfMemoryException))
        {
            throw new LabelWriteException($"{InternalErrorPrefix}：{format.Name} 写入程序无法处理此文件（{e.GetType().Name}: {e.Message}），未写入");
        }
    }

    /// <summary>Starts the message of a write that failed on a writer bug rather than a refusal (robustness sweeps look
    /// for it).</summary>
    public const string InternalErrorPrefix = "内部错误";

    /// <summary>Creates <paramref name="outputPath"/> atomically from what <paramref name="write"/> produces, through a
    /// temp file named by <see cref="TempFiles"/> (stale ones from killed writes in that folder are removed first).</summary>
    public static void WriteAtomically(string outputPath, Action<Stream> write)
    {
        var full = Path.GetFullPath(outputPath);
        OutputPaths.RequireReplaceable(full);
        TempFiles.RemoveStale(Path.GetDirectoryName(full)!);
        var temp = TempFiles.NewPathFor(full);
        try
        {
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(output);
                output.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { /* best effort */ }
            throw;
        }
    }

    public static bool SamePath(string a, string b)
    {
        var fa = Path.GetFullPath(a);
        var fb = Path.GetFullPath(b);
        if (string.Equals(fa, fb, StringComparison.Ordinal)) return true;
        // Hard links / symlinks to the same file: compare resolved targets when both exist.
        try
        {
            var ra = new FileInfo(fa).ResolveLinkTarget(true)?.FullName ?? fa;
            var rb = new FileInfo(fb).ResolveLinkTarget(true)?.FullName ?? fb;
            return string.Equals(ra, rb, StringComparison.Ordinal);
        }
        catch (IOException) { return false; }
    }
}
