using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Suanbei.GenAi.Evaluation;

/// <summary>
/// The run's append-only journal (<c>journal.jsonl</c>): one <see cref="JournalRecord"/> a line. An append completes
/// only after its line is on disk (fsync); appends that arrive together share one write and one fsync (group commit),
/// so durability per record costs one fsync per batch rather than per request. A line cut short by a kill is dropped
/// when the journal is opened again.
/// </summary>
public sealed class RunJournal : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly Channel<(byte[] Line, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(byte[], TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    private RunJournal(FileStream file)
    {
        _file = file;
        _writer = Task.Run(WriteLoop);
    }

    /// <summary>Opens (or creates) the journal and returns the records already in it.</summary>
    public static RunJournal Open(string path, out List<JournalRecord> records)
    {
        records = [];
        var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        // A journal holds a few thousand answers: read it whole, then keep the same handle for appending.
        var content = new byte[file.Length];
        file.ReadExactly(content);
        var good = 0;
        while (good < content.Length)
        {
            var nl = Array.IndexOf(content, (byte)'\n', good);
            if (nl < 0) break; // a line cut short by a kill: never acknowledged, dropped
            if (TryParse(content.AsSpan(good, nl - good)) is not { } record) break; // damaged: nothing after it is trusted
            records.Add(record);
            good = nl + 1;
        }
        file.SetLength(good);
        file.Position = good;
        file.Flush(flushToDisk: true);
        return new RunJournal(file);
    }

    /// <summary>Appends a record; the task completes once it is durable.</summary>
    public Task AppendAsync(JournalRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, GenAiJsonContext.Default.JournalRecord);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((line, done))) done.SetException(new ObjectDisposedException(nameof(RunJournal)));
        return done.Task;
    }

    private async Task WriteLoop()
    {
        var batch = new List<(byte[] Line, TaskCompletionSource Done)>();
        var bytes = new MemoryStream();
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            bytes.SetLength(0);
            while (_queue.Reader.TryRead(out var item)) { batch.Add(item); bytes.Write(item.Line); }
            try
            {
                _file.Write(bytes.GetBuffer(), 0, (int)bytes.Length);
                _file.Flush(flushToDisk: true);
                foreach (var item in batch) item.Done.SetResult();
            }
            catch (Exception e)
            {
                foreach (var item in batch) item.Done.SetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        await _file.DisposeAsync();
    }

    private static JournalRecord? TryParse(ReadOnlySpan<byte> line)
    {
        try { return JsonSerializer.Deserialize(line, GenAiJsonContext.Default.JournalRecord); }
        catch (JsonException) { return null; }
    }
}
