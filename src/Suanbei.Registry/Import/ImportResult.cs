namespace Suanbei.Registry.Import;

/// <summary>
/// Result of reading one file. <see cref="FileError"/> is set when the file as a whole could not be read
/// (then no rows are taken); reported rows are not a failure.
/// </summary>
public sealed record ImportResult(
    string Source,
    RegistryFileFormat Format,
    IReadOnlyList<RegistryRow> Rows,
    IReadOnlyList<RowReport> Reported,
    IReadOnlyList<string> Notes,
    string? FileError)
{
    public bool FileRead => FileError is null;
}
