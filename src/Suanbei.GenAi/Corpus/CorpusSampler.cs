using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Corpus;

/// <summary>
/// A seeded uniform sample of N items (non-empty lines; a CSV file's header line excluded) from corpus files of any
/// size, JSONL/TXT/CSV and gzip too. Lines are found in the raw bytes and only the kept ones are decoded, so the cost
/// is one sequential read and the memory is the sample's.
/// </summary>
public static class CorpusSampler
{
    public static (IReadOnlyList<CorpusItem> Items, long Population) Sample(IReadOnlyList<string> files, int size, int seed)
    {
        var sampler = new ReservoirSampler<(int File, long Line, byte[] Bytes)>(size, seed);
        for (var f = 0; f < files.Count; f++)
        {
            var skipHeader = files[f].EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                || files[f].EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase);
            using var stream = CorpusFiles.Open(files[f]);
            var fileIndex = f;
            foreach (var (line, bytes) in Lines(stream, () => sampler.WantsNext))
            {
                if (skipHeader && line == 1) continue;
                if (bytes is null) sampler.Pass();
                else sampler.Offer((fileIndex, line, bytes));
            }
        }
        var items = sampler.Items.OrderBy(x => x.File).ThenBy(x => x.Line)
            .Select(x => new CorpusItem(files[x.File], x.Line, TextOf(x.Bytes))).ToList();
        return (items, sampler.Seen);
    }

    /// <summary>Writes the sample as JSONL (<c>file</c>, <c>line</c>, <c>text</c>), atomically.</summary>
    public static void Write(string path, IEnumerable<CorpusItem> items) => AtomicFile.Write(path, temp =>
    {
        using var stream = File.Create(temp);
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var item in items)
        {
            using (var w = new Utf8JsonWriter(stream, options))
            {
                w.WriteStartObject();
                w.WriteString("file", item.File);
                w.WriteNumber("line", item.Line);
                w.WriteString("text", item.Text);
                w.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
        }
    });

    private static string TextOf(byte[] bytes)
    {
        var line = Encoding.UTF8.GetString(bytes).TrimEnd('\r');
        if (line.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) return t.GetString()!;
            }
            catch (JsonException) { }
        }
        return line;
    }

    /// <summary>The non-empty lines of a stream with their 1-based numbers; a line's bytes only when
    /// <paramref name="wanted"/> says so at that line (null otherwise).</summary>
    private static IEnumerable<(long Line, byte[]? Bytes)> Lines(Stream stream, Func<bool> wanted)
    {
        var buffer = new byte[1 << 20];
        int start = 0, end = 0;
        long line = 0;
        var eof = false;
        while (true)
        {
            var nl = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (nl < 0 && !eof)
            {
                if (start > 0) { Buffer.BlockCopy(buffer, start, buffer, 0, end - start); end -= start; start = 0; }
                if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0) eof = true;
                end += read;
                continue;
            }
            var length = nl < 0 ? end - start : nl;
            if (nl < 0 && length == 0) yield break;
            line++;
            var span = buffer.AsSpan(start, length);
            if (!(span.Length == 0 || (span.Length == 1 && span[0] == (byte)'\r')))
                yield return (line, wanted() ? span.ToArray() : null);
            start += nl < 0 ? length : length + 1;
            if (nl < 0) yield break;
        }
    }
}
