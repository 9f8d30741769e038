using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;

namespace Suanbei.GenAi.Corpus;

/// <summary>
/// Writes the kept lines as the sample's JSONL (<c>file</c>, <c>line</c>, <c>text</c>) straight from their bytes: the
/// same bytes as <see cref="CorpusSampler.Write"/> of the decoded items, without a string or an object per line. A
/// line's text is copied as it is when it needs no escaping and no unescaping (a plain line, or a JSONL line whose
/// <c>text</c> string has no <c>\</c>, both valid UTF-8); any other line is decoded as <see cref="CorpusSampler.TextOf"/>
/// decodes it and written by the same JSON writer. The threads take batches of kept lines in turn, read and format
/// each batch into their own buffer, and write the batches in order, so the buffers are reused and the file grows as
/// the lines are read.
/// </summary>
internal sealed class SampleJsonLines
{
    /// <summary>Lines per batch: ≈ 100–200 KB of output, so a thread's buffer stays small and 4,000 lines are 32 turns.</summary>
    private const int BatchLines = 128;

    /// <summary>The encoder <see cref="CorpusSampler.Write"/> writes with: the one rule for what a text must escape.</summary>
    internal static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly IReadOnlyList<string> _files;
    private readonly SampledLine[] _kept;
    private readonly byte[][] _linePrefixes;   // per file: {"file":"…","line":
    private readonly SafeFileHandle _output;
    private readonly object _turnLock = new();
    private int _claimed;    // batches taken by a thread
    private int _written;    // batches written, in order
    private long _offset;
    private bool _failed;

    private SampleJsonLines(IReadOnlyList<string> files, SampledLine[] kept, SafeFileHandle output)
    {
        (_files, _kept, _output) = (files, kept, output);
        _linePrefixes = new byte[files.Count][];
        var buffer = new ArrayBufferWriter<byte>(256);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder });
        for (var f = 0; f < files.Count; f++)
        {
            buffer.ResetWrittenCount();
            buffer.Write("{\"file\":"u8);
            json.Reset(buffer);
            json.WriteStringValue(files[f]);
            json.Flush();
            buffer.Write(",\"line\":"u8);
            _linePrefixes[f] = buffer.WrittenSpan.ToArray();
        }
    }

    /// <summary>Writes the lines of <paramref name="kept"/> (in file order) to <paramref name="output"/> from its start,
    /// on up to <paramref name="threads"/> threads.</summary>
    public static void Write(IReadOnlyList<string> files, SampledLine[] kept, SafeFileHandle output, int threads)
    {
        var writer = new SampleJsonLines(files, kept, output);
        var batches = (kept.Length + BatchLines - 1) / BatchLines;
        var others = Enumerable.Range(1, Math.Clamp(threads, 1, Math.Max(1, batches)) - 1)
            .Select(_ => Task.Factory.StartNew(writer.Work, CancellationToken.None, TaskCreationOptions.LongRunning,
                TaskScheduler.Default)).ToArray();
        var errors = new List<Exception>();
        try { writer.Work(); }
        catch (Exception e) { errors.Add(e); }
        foreach (var other in others)
        {
            try { other.Wait(); }
            catch (AggregateException e) { errors.AddRange(e.InnerExceptions); }
        }
        if (errors.Count > 0) ExceptionDispatchInfo.Throw(errors.FirstOrDefault(x => x is not OperationCanceledException) ?? errors[0]);
    }

    /// <summary>One thread: takes the next batch, formats it, waits for the batches before it to be written, writes it.</summary>
    private void Work()
    {
        var window = new byte[CorpusLineScanner.WindowBytes];
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder });
        SafeFileHandle? handle = null;
        var (handleFile, length) = (-1, 0L);
        try
        {
            while (true)
            {
                var batch = Interlocked.Increment(ref _claimed) - 1;
                var from = (long)batch * BatchLines;
                if (from >= _kept.Length) return;
                var to = (int)Math.Min(_kept.Length, from + BatchLines);
                buffer.ResetWrittenCount();
                for (var i = (int)from; i < to; i++)
                {
                    var line = _kept[i];
                    var (number, bytes) = (line.LinesBefore + 1, new ArraySegment<byte>(line.Bytes ?? []));
                    if (line.Bytes is null)
                    {
                        if (handleFile != line.File)
                        {
                            handle?.Dispose();
                            handle = File.OpenHandle(_files[line.File]);
                            (handleFile, length) = (line.File, RandomAccess.GetLength(handle));
                        }
                        (number, bytes) = CorpusLineScanner.ReadLine(handle!, length, line, window);
                    }
                    Append(buffer, json, _linePrefixes[line.File], number, bytes);
                }
                lock (_turnLock)
                {
                    while (_written != batch && !_failed) Monitor.Wait(_turnLock);
                    if (_failed) throw new OperationCanceledException();
                }
                // Only the thread whose turn it is gets here; the next one waits for _written to move.
                RandomAccess.Write(_output, buffer.WrittenSpan, _offset);
                _offset += buffer.WrittenCount;
                lock (_turnLock)
                {
                    _written++;
                    Monitor.PulseAll(_turnLock);
                }
            }
        }
        catch
        {
            lock (_turnLock) { _failed = true; Monitor.PulseAll(_turnLock); }
            throw;
        }
        finally { handle?.Dispose(); }
    }

    /// <summary>One output line: <c>{"file":…,"line":N,"text":…}</c> and a line end.</summary>
    internal static void Append(ArrayBufferWriter<byte> buffer, Utf8JsonWriter json, byte[] linePrefix, long number,
        ReadOnlySpan<byte> line)
    {
        buffer.Write(linePrefix);
        number.TryFormat(buffer.GetSpan(20), out var digits, default, CultureInfo.InvariantCulture);
        buffer.Advance(digits);
        buffer.Write(",\"text\":"u8);
        if (TryRawText(line, out var text))
        {
            var span = buffer.GetSpan(text.Length + 2);
            span[0] = (byte)'"';
            line.Slice(text.Start, text.Length).CopyTo(span[1..]);
            span[text.Length + 1] = (byte)'"';
            buffer.Advance(text.Length + 2);
        }
        else
        {
            json.Reset(buffer);
            json.WriteStringValue(CorpusSampler.TextOf(line));
            json.Flush();
        }
        buffer.Write("}\n"u8);
    }

    /// <summary>
    /// Where the line's text is in its bytes, when they are the text's UTF-8 as the JSON output holds it: what
    /// <see cref="CorpusSampler.TextOf"/> returns (the root object's last <c>text</c> string, else the whole line;
    /// trailing <c>\r</c>s removed), valid UTF-8, no <c>text</c> value escaped in the line, nothing
    /// <see cref="Encoder"/> escapes. False sends the line to the decoding path.
    /// </summary>
    internal static bool TryRawText(ReadOnlySpan<byte> bytes, out (int Start, int Length) text)
    {
        text = default;
        var end = bytes.Length;
        while (end > 0 && bytes[end - 1] == '\r') end--;
        var line = bytes[..end];
        if (!Utf8.IsValid(line)) return false;
        text = (0, end);
        if (!line.IsEmpty && line[0] == '{')
        {
            // TextOf's JSON path (CorpusSampler.TextField), noting positions instead of decoding strings.
            try
            {
                var reader = new Utf8JsonReader(line);
                (int Start, int Length)? last = null;
                while (reader.Read())
                {
                    if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName) continue;
                    var isText = reader.ValueTextEquals("text"u8);
                    reader.Read();
                    if (isText)
                    {
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped) return false;
                        last = reader.TokenType == JsonTokenType.String
                            ? ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length)
                            : null;
                    }
                    reader.Skip();
                }
                if (last is { } found) text = found;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException) { return false; }
        }
        return !NeedsEscaping(line.Slice(text.Start, text.Length));
    }

    /// <summary>
    /// Whether <see cref="Encoder"/> would escape any character of the valid UTF-8 <paramref name="text"/>. Its own
    /// search decodes every character (≈ 1.5 ns a byte of Chinese, the largest cost of a line here), so 32 bytes at a
    /// time are first matched against what it never escapes: printable ASCII but <c>"</c> and <c>\</c>, and the
    /// characters U+4000–U+9FFF (CJK, lead bytes E4–E9; a test checks the encoder lets every one of them through). Any
    /// other character (punctuation, other scripts) is asked of the encoder one by one.
    /// </summary>
    internal static bool NeedsEscaping(ReadOnlySpan<byte> text)
    {
        ref var start = ref MemoryMarshal.GetReference(text);
        var i = 0;
        while (i < text.Length)
        {
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i + 32 <= text.Length; i += 32)
                {
                    var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                    var rejected = ~PlainBytes(v).ExtractMostSignificantBits();
                    if (rejected == 0) continue;
                    i += BitOperations.TrailingZeroCount(rejected);
                    break;
                }
            }
            for (; i < text.Length && IsPlainByte(text[i]); i++) { }
            if (i >= text.Length) return false;
            // Not a continuation byte (those are plain), so a character starts here.
            Rune.DecodeFromUtf8(text[i..], out var rune, out var consumed);
            if (Encoder.WillEncode(rune.Value)) return true;
            i += consumed;
        }
        return false;
    }

    /// <summary>Printable ASCII but <c>"</c> and <c>\</c>; UTF-8 continuation bytes; lead bytes of U+4000–U+9FFF.</summary>
    private static bool IsPlainByte(byte b) =>
        ((uint)(b - 0x20) < 0x5F && b != '"' && b != '\\') || (uint)(b - 0x80) < 0x40 || (uint)(b - 0xE4) < 6;

    private static Vector256<byte> PlainBytes(Vector256<byte> v)
    {
        var printable = Vector256.LessThan(v - Vector256.Create((byte)0x20), Vector256.Create((byte)0x5F))
            & ~Vector256.Equals(v, Vector256.Create((byte)'"')) & ~Vector256.Equals(v, Vector256.Create((byte)'\\'));
        var continuation = Vector256.LessThan(v - Vector256.Create((byte)0x80), Vector256.Create((byte)0x40));
        var cjkLead = Vector256.LessThan(v - Vector256.Create((byte)0xE4), Vector256.Create((byte)6));
        return printable | continuation | cjkLead;
    }
}
