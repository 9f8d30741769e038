using System.Text.RegularExpressions;

namespace Suanbei.Web.Hosting;

/// <summary>
/// Masks secrets in log text: the values of settings that hold one (database password, certificate password, metrics
/// token, any configuration key named like a password, secret, token or API key), and whatever looks like one whatever
/// its origin (<c>Password=…</c> in a connection string, <c>Bearer …</c>, an API token <c>sb_…</c>).
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";
    private readonly string[] _values;

    public SecretRedactor(IEnumerable<string?> knownSecrets) =>
        // Longest first, so a secret that contains another is masked whole; very short values would mask ordinary words.
        _values = knownSecrets.OfType<string>().Where(v => v.Length >= 4).Distinct().OrderByDescending(v => v.Length).ToArray();

    /// <summary>The secrets among the options and the configuration.</summary>
    public static SecretRedactor For(SuanbeiHostOptions options, IConfiguration configuration)
    {
        var secrets = new List<string?> { options.DataProtectionCertificatePassword, options.MetricsToken };
        if (options.PostgresConnectionString is { } cs)
        {
            try { secrets.Add(new Npgsql.NpgsqlConnectionStringBuilder(cs).Password); }
            catch (ArgumentException) { /* a malformed string fails elsewhere with its own message */ }
        }
        secrets.AddRange(configuration.AsEnumerable().Where(kv => SecretKey().IsMatch(kv.Key)).Select(kv => kv.Value));
        return new SecretRedactor(secrets);
    }

    /// <summary>A name that says its value is a secret (Password, ApiKey, MetricsToken …).</summary>
    public static bool IsSecretName(string name) => SecretKey().IsMatch(name);

    public string Redact(string text)
    {
        foreach (var v in _values) text = text.Replace(v, Mask, StringComparison.Ordinal);
        text = Assignment().Replace(text, m => m.Groups["key"].Value + m.Groups["sep"].Value + Mask);
        text = Bearer().Replace(text, "Bearer " + Mask);
        return ApiToken().Replace(text, "sb_" + Mask);
    }

    [GeneratedRegex(@"(password|passwd|pwd|secret|token|apikey|api[_-]key)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"(?<key>\b(?:password|passwd|pwd|secret|token|api[_-]?key))(?<sep>\s*[=:]\s*)(?!\*\*\*)[^;\s&,""']+",
        RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"\bBearer\s+(?!\*\*\*)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Bearer();

    [GeneratedRegex(@"\bsb_[A-Za-z0-9_-]{8,}")]
    private static partial Regex ApiToken();
}
