namespace Suanbei.Labels.Quick;

/// <summary>A command line's tokens after the subcommand: flags, options with one value each, positional arguments.
/// <see cref="Parse"/> refuses (null) whatever it does not read exactly as System.CommandLine would.</summary>
internal sealed class Tokens
{
    /// <summary>Short aliases, as the full program declares them.</summary>
    private static readonly Dictionary<string, string> Aliases = new() { ["-o"] = "--output" };

    private readonly HashSet<string> _flags = [];
    private readonly Dictionary<string, string> _values = [];

    public List<string> Positionals { get; } = [];

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string option) => _values.GetValueOrDefault(option);

    public static Tokens? Parse(string[] tokens, string[] flags, string[] valued)
    {
        var t = new Tokens();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith('-') || token == "-")
            {
                if (token == "-") return null;
                t.Positionals.Add(token);
                continue;
            }
            var name = Aliases.GetValueOrDefault(token, token);
            if (Array.IndexOf(flags, name) >= 0)
            {
                var next = i + 1 < tokens.Length ? tokens[i + 1] : null;
                if (!t._flags.Add(name) || bool.TryParse(next, out _)) return null;
            }
            else if (Array.IndexOf(valued, name) >= 0)
            {
                // A value that looks like an option is left to System.CommandLine ("-" is standard input, a value).
                if (i + 1 >= tokens.Length || tokens[i + 1] is var value && value.StartsWith('-') && value != "-") return null;
                if (!t._values.TryAdd(name, tokens[++i])) return null;
            }
            else return null; // unknown, help, "--", "--option=value"
        }
        return t;
    }
}
