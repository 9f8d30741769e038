namespace Suanbei.Core.Identifiers;

/// <summary>
/// Decoded 算法备案编号. Fields are filled as far as the input allows, even when it is not well-formed.
/// <see cref="WellFormed"/>: prefix, 21 digits, suffix, known province, type code, year and sequence are all right.
/// <see cref="CheckDigitMatches"/>: digit 21 equals the check digit of the published pattern.
/// </summary>
public sealed record FilingNumberInfo(
    string Number,
    string? Region,
    string? ProvinceName,
    string? Entity,
    string? TypeCode,
    string? TypeName,
    int? Year,
    int? Sequence,
    int? CheckDigit,
    bool WellFormed,
    bool CheckDigitMatches,
    IReadOnlyList<string> Problems)
{
    public bool Valid => WellFormed && CheckDigitMatches;
}
