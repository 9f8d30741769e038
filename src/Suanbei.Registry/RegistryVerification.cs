using Suanbei.Core.Identifiers;

namespace Suanbei.Registry;

/// <summary>A number as given, decoded (reference §4), and its registry entry when there is one.</summary>
public sealed record RegistryVerification(string Input, string Normalised, RegistryNumberScheme Scheme, FilingNumberInfo? Decoded,
    GenerativeAiNumberInfo? Generative, RegistryEntry? Entry)
{
    public bool InRegistry => Entry is not null;
    public bool WellFormed => Scheme != RegistryNumberScheme.Unknown;

    /// <summary>Decodes <paramref name="number"/> and looks it up with <paramref name="find"/> (by normalised number).</summary>
    public static async Task<RegistryVerification> CreateAsync(string? number, Func<string, Task<RegistryEntry?>> find)
    {
        var n = RegistryNumbers.Normalise(number);
        var scheme = RegistryNumbers.Classify(n);
        var decoded = scheme == RegistryNumberScheme.Algorithm || n.StartsWith(FilingNumber.Prefix) ? FilingNumber.Decode(n) : null;
        var entry = n.Length == 0 ? null : await find(n);
        return new RegistryVerification(number ?? "", n, scheme, decoded, RegistryNumbers.TryParseGenerative(n), entry);
    }
}
