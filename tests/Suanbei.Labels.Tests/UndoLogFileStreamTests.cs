using System.Text;

namespace Suanbei.Labels.Tests;

/// <summary>The in-place writer's undo log when the caller has told it what the file holds (an MP4's moov, just read):
/// it logs those bytes instead of reading them again, for as long as the claim can still be true.</summary>
public sealed class UndoLogFileStreamTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public void Dispose() => File.Delete(_path);

    private string Patch(Action<UndoLogFileStream> writes)
    {
        File.WriteAllText(_path, "0123456789");
        using (var file = new UndoLogFileStream(_path))
        {
            writes(file);
            file.Restore();
        }
        return File.ReadAllText(_path);
    }

    private static void WriteAt(UndoLogFileStream file, long at, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        file.Position = at;
        file.Write(bytes, 0, bytes.Length);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.ASCII.GetBytes(text);

    [Fact]
    public void Remembered_bytes_are_what_a_restore_puts_back()
    {
        // A deliberately different claim shows that the log took the remembered bytes rather than reading the file.
        Assert.Equal("abcd456789", Patch(f => { f.Remember(0, Bytes("abcdefghij")); WriteAt(f, 0, "WXYZ"); }));
    }

    [Fact]
    public void A_write_that_continues_the_last_one_is_logged_from_the_rest_of_the_claim()
    {
        Assert.Equal("abcdef6789", Patch(f =>
        {
            f.Remember(0, Bytes("abcdefghij"));
            WriteAt(f, 0, "WXYZ");
            WriteAt(f, 4, "UV");
        }));
    }

    [Fact]
    public void A_write_elsewhere_in_the_remembered_range_ends_the_claim()
    {
        Assert.Equal("0123456789", Patch(f =>
        {
            f.Remember(0, Bytes("abcdefghij"));
            WriteAt(f, 4, "UV");
            WriteAt(f, 0, "WXYZ");
        }));
    }

    [Fact]
    public void Shrinking_over_the_rest_of_the_claim_logs_it_too()
    {
        Assert.Equal("abcdefghij", Patch(f =>
        {
            f.Remember(0, Bytes("abcdefghij"));
            WriteAt(f, 0, "WXYZ");
            f.SetLength(4);
        }));
    }
}
