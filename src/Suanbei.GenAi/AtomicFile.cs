using Microsoft.Win32.SafeHandles;
using Suanbei.Core.Files;

namespace Suanbei.GenAi;

/// <summary>Writes a file so that readers see the old or the new content, never a part: temporary file beside it,
/// fsync, rename.</summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        var bytes = content.ToArray();
        Write(path, temp => File.WriteAllBytes(temp, bytes));
    }

    /// <summary>Lets <paramref name="writeTo"/> write the whole file at a temporary path, then moves it into place.</summary>
    public static void Write(string path, Action<string> writeTo)
    {
        OutputPaths.RequireReplaceable(path);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            writeTo(temp);
            using (var file = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite)) file.Flush(flushToDisk: true);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>As <see cref="Write(string, Action{string})"/>, writing through the temporary file's handle, which is
    /// then flushed to disk itself (no second open).</summary>
    public static void WriteWith(string path, Action<SafeFileHandle> writeTo)
    {
        OutputPaths.RequireReplaceable(path);
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var handle = File.OpenHandle(temp, FileMode.Create, FileAccess.Write))
            {
                writeTo(handle);
                RandomAccess.FlushToDisk(handle);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
