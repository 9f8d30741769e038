using System.IO.Compression;

namespace Suanbei.GenAi;

/// <summary>Opens corpus files for streaming: gzip is recognised by its magic bytes, whatever the file is called.</summary>
public static class CorpusFiles
{
    public static Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        var n = file.Read(magic);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}
