using System.Text;
using Suanbei.GenAi;
using Suanbei.GenAi.Banks;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.GenAi;

/// <summary>
/// Reads an uploaded bank: the format comes from the content (a ZIP is a workbook, a first character <c>{</c> is JSONL,
/// a tab in the header row is TSV, otherwise CSV), never from the name; text must be UTF-8. The upload is copied to a
/// temporary file under a generated name for <see cref="BankReader"/>, deleted after reading.
/// </summary>
public static class BankUpload
{
    public const string AcceptAttribute = ".csv,.tsv,.txt,.xlsx,.jsonl,.ndjson";

    /// <summary>The validation of the upload against <paramref name="kind"/>'s quotas and the format found, or the
    /// Chinese reason it cannot be read (too large, not a bank file, missing column).</summary>
    public static async Task<(BankReport? Report, string Format, string? Error)> CheckAsync(IFormFile file, BankKind kind,
        long maxBytes, CancellationToken ct)
    {
        var (bank, _, format, error) = await ReadAsync(file, maxBytes, ct);
        return bank is null ? (null, format, error) : (BankValidator.Validate(kind, bank), format, null);
    }

    /// <summary>The bank in the upload with its bytes and the format found, or the Chinese reason it cannot be read.</summary>
    public static async Task<(BankFile? Bank, byte[] Bytes, string Format, string? Error)> ReadAsync(IFormFile file,
        long maxBytes, CancellationToken ct)
    {
        var name = MaterialStore.DisplayName(file.FileName);
        if (file.Length == 0) return (null, [], "", $"文件“{name}”是空的");
        if (file.Length > maxBytes) return (null, [], "", $"文件“{name}”超过大小上限 {maxBytes / (1024 * 1024)} MB");
        var bytes = new byte[file.Length];
        await using (var source = file.OpenReadStream()) await source.ReadExactlyAsync(bytes, ct);
        var format = Sniff(bytes);
        if (format is null) return (null, bytes, "", $"文件“{name}”不是题库文件：应为 UTF-8 编码的 CSV、TSV、JSONL 或 XLSX 工作簿");
        var temp = Path.Combine(Path.GetTempPath(), $"suanbei-bank-{Guid.NewGuid():N}.{format.ToLowerInvariant()}");
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, ct);
            return (BankReader.Read(temp), bytes, format, null);
        }
        catch (BankFormatException e) { return (null, bytes, format, e.Message.Replace(temp, name)); }
        finally { File.Delete(temp); }
    }

    /// <summary>CSV, TSV, JSONL or XLSX by content, or null when it is none of them (binary, not UTF-8).</summary>
    internal static string? Sniff(ReadOnlySpan<byte> content)
    {
        const int window = 64 * 1024;
        var bytes = content[..Math.Min(window, content.Length)];
        var cutShort = content.Length > window;
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return "XLSX";
        if (bytes.IndexOf((byte)0) >= 0) return null;
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        // A cut in the middle of a multi-byte character at the end of the window is not an encoding error.
        var cut = bytes.Length;
        while (cut > 0 && cut > bytes.Length - 4 && (bytes[cut - 1] & 0xC0) == 0x80) cut--;
        if (cut > 0 && bytes[cut - 1] >= 0xC0) cut--;
        string text;
        try { text = new UTF8Encoding(false, true).GetString(cutShort ? bytes[..cut] : bytes); }
        catch (DecoderFallbackException) { return null; }
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0) return "CSV";
        if (trimmed[0] == '{') return "JSONL";
        var firstLine = trimmed.Split('\n', 2)[0];
        return firstLine.Contains('\t') ? "TSV" : "CSV";
    }
}
