using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Suanbei.Labels.Cli;

namespace Suanbei.Labels.Native;

/// <summary>
/// The C ABI of libsuanbei_labels.so (include/suanbei_labels.h). Every function returns a new UTF-8, NUL-terminated
/// JSON string that the caller frees with <c>suanbei_labels_free</c>: the object the CLI prints for the same operation
/// with <c>--json</c>, or <c>{"error":"中文原因","code":N}</c>. Nothing may escape into the host: every exception
/// ends at this boundary as an error object; NULL is returned only when even that cannot be allocated. Calls from
/// several threads at once are safe: verify reuses a buffer per thread, never seen by the caller, and the batch verify's
/// helper threads serve one batch at a time (<see cref="ParallelFiles.RunOnHelpers"/>).
/// </summary>
public static unsafe class NativeExports
{
    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_verify")]
    public static byte* Verify(byte* path) => Boundary(json =>
    {
        var p = Text(path, "path");
        ReportJson.WriteJsonLine(json, p, Existing(p, () => LabelFile.Verify(p)));
    });

    /// <summary>Verifies <paramref name="count"/> files on all cores (on this thread and helper threads the library
    /// keeps, so a batch starts no thread): a JSON array, one element per path in the order given — what
    /// <see cref="Verify"/> returns for it, or the error object with "file" (null for a NULL path)
    /// for a path that could not be verified. Only a NULL array with a non-zero count fails the whole call.</summary>
    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_verify_many")]
    public static byte* VerifyMany(byte** paths, nuint count)
    {
        try { return VerifyManyInto(paths, count); }
        catch (Exception e) { return Utf8(ErrorJson(e)); }
    }

    /// <summary>The array is copied from the threads' buffers straight into the block the caller frees, sized once
    /// their lengths are known (not grown through a buffer of its own).</summary>
    private static byte* VerifyManyInto(byte** paths, nuint count)
    {
        if (paths is null && count != 0) throw new ArgumentException("参数 paths 为空（NULL）而 count 不为 0");
        if (count > MaxBatch) throw new ArgumentException($"参数 count 过大（一次至多 {MaxBatch} 个文件）");
        var n = (int)count;
        var threads = ParallelFiles.ThreadsFor(n);
        var scratch = BatchScratch.Take(n, threads);
        var (buffers, slots) = (scratch.Buffers, scratch.Slots);
        try
        {
            ParallelFiles.RunOnHelpers(n, threads, (i, t) =>
            {
                var buffer = buffers[t];
                var start = buffer.WrittenCount;
                VerifyElement(paths[i], i, buffer);
                slots[i] = (t, start, buffer.WrittenCount - start);
            });
            nuint total = 2 + (nuint)Math.Max(n - 1, 0) + 1; // brackets, commas, the terminating NUL
            for (var i = 0; i < n; i++) total += (nuint)slots[i].Length;
            var block = (byte*)NativeMemory.Alloc(total);
            var o = block;
            *o++ = (byte)'[';
            for (var i = 0; i < n; i++)
            {
                if (i > 0) *o++ = (byte)',';
                var (t, start, length) = slots[i];
                buffers[t].WrittenSpan.Slice(start, length).CopyTo(new Span<byte>(o, length));
                o += length;
            }
            *o++ = (byte)']';
            *o = 0;
            return block;
        }
        finally { BatchScratch.Return(scratch); }
    }

    /// <summary>A batch's per-thread JSON buffers and its slots, kept for the next batch: fresh ones cost the GC's first
    /// touch of their pages on every call (BENCHMARKS.md, a page fault per 4 KiB). One set is kept; a batch that runs
    /// while another holds it makes its own, and sets grown past <see cref="MaxKeptBytes"/> are let go.</summary>
    private sealed class BatchScratch
    {
        private const int MaxKeptBytes = 4 << 20;
        private static BatchScratch? s_kept;

        public JsonLineBuffer[] Buffers { get; } = new JsonLineBuffer[Environment.ProcessorCount];
        public (int Thread, int Start, int Length)[] Slots { get; private set; } = [];

        public static BatchScratch Take(int count, int threads)
        {
            var s = Interlocked.Exchange(ref s_kept, null) ?? new BatchScratch();
            if (s.Slots.Length < count) s.Slots = new (int, int, int)[count];
            for (var t = 0; t < threads; t++)
            {
                if (s.Buffers[t] is { } b) b.ResetWrittenCount();
                else s.Buffers[t] = new JsonLineBuffer(Math.Max(1024, count / threads * 512));
            }
            return s;
        }

        public static void Return(BatchScratch s)
        {
            long bytes = s.Slots.Length * 12L;
            foreach (var b in s.Buffers) bytes += b?.Capacity ?? 0;
            if (bytes <= MaxKeptBytes) Volatile.Write(ref s_kept, s);
        }
    }

    /// <summary>More paths than this in one call are refused (the result must fit one block).</summary>
    private const int MaxBatch = 1 << 20;

    /// <summary>One element of <see cref="VerifyMany"/>. Runs on the batch's threads, so nothing may escape it.</summary>
    private static void VerifyElement(byte* pathUtf8, int index, JsonLineBuffer buffer)
    {
        string? path = null;
        try
        {
            path = Text(pathUtf8, $"paths[{index}]");
            var p = path;
            var report = Existing(p, () => LabelFile.Verify(p));
            ReportJson.WriteJsonLine(buffer, p, report);
        }
        catch (Exception e)
        {
            try
            {
                var (message, code) = ErrorOf(e);
                ReportJson.WriteJson(buffer, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("file", path);
                    w.WriteString("error", message);
                    w.WriteNumber("code", code);
                    w.WriteEndObject();
                });
            }
            catch (Exception) { buffer.Write("{\"file\":null,\"error\":\"内部错误\",\"code\":11}"u8); }
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_verify_buffer")]
    public static byte* VerifyBuffer(byte* data, nuint length, byte* extension) => Boundary(json =>
    {
        using var s = Buffer(data, length);
        ReportJson.WriteJsonLine(json, "", LabelFile.Verify(s, Extension(extension)));
    });

    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_read")]
    public static byte* Read(byte* path) => Boundary(() =>
    {
        var p = Text(path, "path");
        IContainerFormat? format = null;
        var read = Existing(p, () => LabelFile.Read(p, out format));
        return LabelJson.Read(p, format, read);
    });

    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_read_buffer")]
    public static byte* ReadBuffer(byte* data, nuint length, byte* extension) => Boundary(() =>
    {
        using var s = Buffer(data, length);
        var read = LabelFile.Read(s, Extension(extension), out var format);
        return LabelJson.Read("", format, read);
    });

    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_write")]
    public static byte* Write(byte* input, byte* output, byte* producer, byte* produceId, byte* label) => Boundary(() =>
    {
        var o = Text(output, "output");
        LabelFile.Write(Text(input, "input"), o, ProducerLabel(producer, produceId, label));
        return Written(o);
    });

    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_write_buffer")]
    public static byte* WriteBuffer(byte* data, nuint length, byte* extension, byte* producer, byte* produceId, byte* label,
        byte** outData, nuint* outLength) => Boundary(() =>
    {
        if (outData is null || outLength is null) throw new ArgumentException("参数 out_data / out_length 不能为空");
        var l = ProducerLabel(producer, produceId, label);
        var written = ThroughFiles(data, length, Extension(extension), (i, o) => LabelFile.Write(i, o, l));
        SetOutput(written, outData, outLength);
        return Written("");
    });

    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_propagate")]
    public static byte* Propagate(byte* input, byte* output, byte* propagator, byte* propagateId, int userDeclared) =>
        Boundary(() =>
        {
            var i = Text(input, "input");
            var d = Propagation.PropagateFile(i, Text(output, "output"), Text(propagator, "propagator"),
                Text(propagateId, "propagate_id"), userDeclared != 0);
            return LabelJson.Propagate(i, d);
        });

    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_propagate_buffer")]
    public static byte* PropagateBuffer(byte* data, nuint length, byte* extension, byte* propagator, byte* propagateId,
        int userDeclared, byte** outData, nuint* outLength) => Boundary(() =>
    {
        if (outData is null || outLength is null) throw new ArgumentException("参数 out_data / out_length 不能为空");
        var code = Text(propagator, "propagator");
        var id = Text(propagateId, "propagate_id");
        PropagationDecision? d = null;
        var written = ThroughFiles(data, length, Extension(extension),
            (i, o) => d = Propagation.PropagateFile(i, o, code, id, userDeclared != 0));
        if (d!.Label is null) { *outData = null; *outLength = 0; }
        else SetOutput(written, outData, outLength);
        return LabelJson.Propagate("", d);
    });

    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_sign")]
    public static byte* Sign(byte* input, byte* output, byte* keyPemPath, byte* alg, byte* producer, byte* produceId,
        byte* label) => Boundary(() =>
    {
        var i = Text(input, "input");
        return LabelSecurityJson.Sign(i, output is null ? null : Text(output, "output"), Text(keyPemPath, "key_pem_path"),
            Optional(alg), Optional(producer), Optional(produceId), label is null ? "1" : Text(label, "label"));
    });

    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_verify_with_keys")]
    public static byte* VerifyWithKeys(byte* path, byte** keyPemPaths, nuint keyCount) => Boundary(() =>
    {
        var p = Text(path, "path");
        if (keyPemPaths is null && keyCount != 0) throw new ArgumentException("参数 key_pem_paths 为空（NULL）而 key_count 不为 0");
        if (keyCount > 1024) throw new ArgumentException("参数 key_count 过大（至多 1024 个公钥）");
        var paths = new string[(int)keyCount];
        for (var k = 0; k < paths.Length; k++) paths[k] = Text(keyPemPaths[k], $"key_pem_paths[{k}]");
        var keys = LabelSecurityJson.LoadKeys(paths);
        try
        {
            var (report, checks) = Existing(p, () => LabelSecurityJson.Verify(p, keys));
            return LabelSecurityJson.VerifyLine(p, report, checks);
        }
        finally { foreach (var k in keys) k.Dispose(); }
    });

    [UnmanagedCallersOnly(EntryPoint = "suanbei_labels_free")]
    public static void Free(void* p) => NativeMemory.Free(p);

    /// <summary>Runs <paramref name="work"/> and returns its JSON, or the error object for whatever it threw.</summary>
    private static byte* Boundary(Func<string> work)
    {
        string json;
        try { json = work(); }
        catch (Exception e) { json = ErrorJson(e); }
        return Utf8(json);
    }

    /// <summary>The same for work that writes its JSON as UTF-8 into this thread's buffer (verify, called once per
    /// file by a platform): copied once into the block the caller frees, no string in between.</summary>
    private static byte* Boundary(Action<ArrayBufferWriter<byte>> work)
    {
        if (t_json is not { Capacity: <= 64 * 1024 } json) t_json = json = new ArrayBufferWriter<byte>(1024);
        json.ResetWrittenCount();
        try { work(json); }
        catch (Exception e) { return Utf8(ErrorJson(e)); }
        return Utf8(json.WrittenSpan);
    }

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_json;

    private static string ErrorJson(Exception e)
    {
        try
        {
            var (message, code) = ErrorOf(e);
            return LabelJson.Error(message, code);
        }
        catch (Exception) { return "{\"error\":\"内部错误\",\"code\":11}"; } // built without anything that could throw
    }

    /// <summary>The Chinese reason and code of a failed call: 10 for bad input or I/O, 11 for an internal error.</summary>
    private static (string Message, int Code) ErrorOf(Exception e) => e switch
    {
        LabelWriteException => (e.Message, 10),
        FileNotFoundException f => ("文件不存在：" + f.FileName, 10),
        IOException or UnauthorizedAccessException => ("读写文件失败：" + e.Message, 10),
        CryptographicException => ("密钥或签名错误：" + e.Message, 10),
        ArgumentException => ("参数无效：" + e.Message, 10),
        _ => ("内部错误：" + e.GetType().Name + ": " + e.Message, 11),
    };

    /// <summary>Runs a read of <paramref name="path"/>; a missing folder on the way is reported as the file missing
    /// (its exception has no path, only an English message).</summary>
    private static T Existing<T>(string path, Func<T> read)
    {
        try { return read(); }
        catch (DirectoryNotFoundException) { throw new FileNotFoundException(null, path); }
    }

    /// <summary>A NUL-terminated copy on the native heap (NULL when out of memory).</summary>
    private static byte* Utf8(string s)
    {
        try
        {
            var n = Encoding.UTF8.GetByteCount(s);
            var p = (byte*)NativeMemory.Alloc((nuint)n + 1);
            Encoding.UTF8.GetBytes(s, new Span<byte>(p, n));
            p[n] = 0;
            return p;
        }
        catch (OutOfMemoryException) { return null; }
    }

    private static byte* Utf8(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var p = (byte*)NativeMemory.Alloc((nuint)utf8.Length + 1);
            utf8.CopyTo(new Span<byte>(p, utf8.Length));
            p[utf8.Length] = 0;
            return p;
        }
        catch (OutOfMemoryException) { return null; }
    }

    private static string? Optional(byte* p) => p is null ? null : Marshal.PtrToStringUTF8((nint)p);

    private static string Text(byte* p, string name) =>
        p is null ? throw new ArgumentException($"参数 {name} 不能为空（NULL）") : Marshal.PtrToStringUTF8((nint)p)!;

    /// <summary>The format hint of a buffer: ".png", "png" or NULL (content sniffing only).</summary>
    private static string Extension(byte* p)
    {
        if (p is null) return "";
        var e = Marshal.PtrToStringUTF8((nint)p)!;
        return e.Length == 0 || e.StartsWith('.') ? e : "." + e;
    }

    private static Stream Buffer(byte* data, nuint length)
    {
        if (data is null && length != 0) throw new ArgumentException("参数 data 为空（NULL）而 length 不为 0");
        if (length > long.MaxValue) throw new ArgumentException("参数 length 过大");
        return data is null ? new MemoryStream([], writable: false) : new UnmanagedMemoryStream(data, (long)length);
    }

    private static AigcLabel ProducerLabel(byte* producer, byte* produceId, byte* label) =>
        AigcLabel.ForProducer(Text(producer, "producer"), Text(produceId, "produce_id"), label is null ? "1" : Text(label, "label"));

    private static string Written(string file) => ReportJson.Serialize(w =>
    {
        w.WriteStartObject();
        w.WriteString("file", file);
        w.WriteBoolean("written", true);
        w.WriteEndObject();
    });

    /// <summary>The file writers work on files (atomic output, read back): a buffer goes through a private temporary
    /// folder, removed afterwards. Returns the output's bytes, or null when <paramref name="write"/> wrote nothing.</summary>
    private static byte[]? ThroughFiles(byte* data, nuint length, string extension, Action<string, string> write)
    {
        var dir = Directory.CreateTempSubdirectory("suanbei-labels-");
        try
        {
            var input = Path.Combine(dir.FullName, "input" + extension);
            var output = Path.Combine(dir.FullName, "output" + extension);
            using (var s = Buffer(data, length))
            using (var f = File.Create(input))
                s.CopyTo(f);
            write(input, output);
            return File.Exists(output) ? File.ReadAllBytes(output) : null;
        }
        finally
        {
            try { dir.Delete(true); } catch (IOException) { /* a leftover temp folder is not worth failing the call */ }
        }
    }

    private static void SetOutput(byte[]? bytes, byte** outData, nuint* outLength)
    {
        bytes ??= [];
        var p = (byte*)NativeMemory.Alloc((nuint)Math.Max(bytes.Length, 1));
        bytes.CopyTo(new Span<byte>(p, bytes.Length));
        *outData = p;
        *outLength = (nuint)bytes.Length;
    }
}
