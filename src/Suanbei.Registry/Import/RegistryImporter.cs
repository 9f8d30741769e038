using System.IO.Compression;
using System.Text;
using Suanbei.Core;

namespace Suanbei.Registry.Import;

/// <summary>
/// Reads the CAC's published lists from .docx, .xlsx, CSV/TSV or JSON, detecting the format from the content
/// (falling back to the extension). Never throws for bad input: problems end up in the result.
/// </summary>
public static class RegistryImporter
{
    public static ImportResult ImportFile(string path, ImportOptions? options = null)
    {
        var name = Path.GetFileName(path);
        try
        {
            using var stream = File.OpenRead(path);
            return Import(stream, name, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(name, RegistryFileFormat.Unknown, $"无法读取文件：{e.Message}");
        }
    }

    public static ImportResult Import(Stream input, string fileName, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        MemoryStream buffer;
        try
        {
            buffer = ReadBounded(input, options.MaxBytes);
        }
        catch (InvalidDataException e) { return Failed(fileName, RegistryFileFormat.Unknown, e.Message); }
        catch (IOException e) { return Failed(fileName, RegistryFileFormat.Unknown, $"无法读取文件：{e.Message}"); }

        var format = Detect(buffer, fileName);
        if (format == RegistryFileFormat.Unknown)
            return Failed(fileName, format, "无法识别文件格式（支持 .docx、.xlsx、.csv、.tsv、.json）");

        var context = new ListContext();
        context.Absorb(Path.GetFileNameWithoutExtension(fileName));
        var mapper = new RowMapper(options, context);
        try
        {
            buffer.Position = 0;
            var rows = format switch
            {
                RegistryFileFormat.Docx => DocxTableReader.Read(buffer),
                RegistryFileFormat.Xlsx => XlsxTableReader.Read(buffer),
                RegistryFileFormat.Json => JsonTableReader.Read(buffer),
                RegistryFileFormat.Tsv => DelimitedTableReader.Read(buffer, '\t'),
                _ => DelimitedTableReader.Read(buffer),
            };
            foreach (var row in rows) mapper.Accept(row);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException
                                     or FormatException or InvalidOperationException
                                     or ArgumentException or DecoderFallbackException
                                     or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            return Failed(fileName, format, $"{DisplayNames.Of(format)}已损坏或无法解析：{e.Message}");
        }
        if (!mapper.SawHeader && mapper.Rows.Count == 0)
            return new ImportResult(fileName, format, [], mapper.Reported, mapper.Notes,
                "未找到表头（应包含 序号、算法名称、主体名称、备案编号 等列）");
        return new ImportResult(fileName, format, mapper.Rows, mapper.Reported, mapper.Notes, null);
    }

    private static ImportResult Failed(string name, RegistryFileFormat format, string error) => new(name, format, [], [], [], error);

    private static MemoryStream ReadBounded(Stream input, long maxBytes)
    {
        var ms = new MemoryStream();
        var buf = new byte[81920];
        int n;
        while ((n = input.Read(buf, 0, buf.Length)) > 0)
        {
            if (ms.Length + n > maxBytes) throw new InvalidDataException($"文件超过大小上限（{maxBytes / 1024 / 1024} MB）");
            ms.Write(buf, 0, n);
        }
        ms.Position = 0;
        return ms;
    }

    /// <summary>Format from the content: a zip with word/document.xml or xl/workbook.xml, JSON, or delimited text.</summary>
    public static RegistryFileFormat Detect(Stream seekable, string? fileName)
    {
        seekable.Position = 0;
        Span<byte> head = stackalloc byte[4];
        var read = seekable.Read(head);
        seekable.Position = 0;
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            try
            {
                using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
                if (zip.GetEntry("word/document.xml") is not null) return RegistryFileFormat.Docx;
                if (zip.GetEntry("xl/workbook.xml") is not null) return RegistryFileFormat.Xlsx;
            }
            catch (InvalidDataException) { }
            finally { seekable.Position = 0; }
            return RegistryFileFormat.Unknown;
        }
        if (read >= 4 && head[0] == 0xD0 && head[1] == 0xCF) return RegistryFileFormat.Unknown; // legacy .doc/.xls

        // Text: look at the first non-blank, non-comment characters.
        using var reader = new StreamReader(seekable, Encoding.UTF8, true, 4096, leaveOpen: true);
        var sample = new char[8192];
        var len = reader.ReadBlock(sample, 0, sample.Length);
        seekable.Position = 0;
        var text = new string(sample, 0, len);
        if (text.Contains('\0')) return RegistryFileFormat.Unknown;
        var trimmed = text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{')) return RegistryFileFormat.Json;
        var firstDataLine = trimmed.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) ?? "";
        if (firstDataLine.Contains('\t')) return RegistryFileFormat.Tsv;
        if (firstDataLine.Contains(',')) return RegistryFileFormat.Csv;
        return ext switch { ".tsv" => RegistryFileFormat.Tsv, ".csv" => RegistryFileFormat.Csv, _ => RegistryFileFormat.Unknown };
    }
}
