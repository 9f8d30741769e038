using Suanbei.Labels.Cli;

namespace Suanbei.Labels.Quick;

/// <summary>
/// The command lines the quick program runs itself, parsed strictly: every token is a known option, its value, or a
/// positional argument, in exactly these forms —
/// <c>label verify FILE_OR_DIR… [--files-from LIST] --json</c>, <c>label read FILE --json</c>,
/// <c>label write INPUT (-o OUTPUT | --in-place) --producer CODE --produce-id ID [--label L] [--reserved-code1 V]</c>.
/// Anything else returns null and goes to the full program, which parses it with System.CommandLine and answers as it
/// always has: help, tables, signing, unknown or repeated options, the <c>--option=value</c> and <c>@file</c> forms,
/// a flag followed by true/false (System.CommandLine would read that as the flag's value), a missing required option.
/// </summary>
internal static class QuickCommand
{
    public static Func<int>? Parse(string[] args)
    {
        if (args.Length < 2 || args[0] != "label") return null;
        foreach (var a in args)
            if (a.StartsWith('@') || a is "/?" or "/h") return null; // response files and help, as System.CommandLine reads them
        return args[1] switch
        {
            "verify" => Verify(args[2..]),
            "read" => Read(args[2..]),
            "write" => Write(args[2..]),
            _ => null,
        };
    }

    private static Func<int>? Verify(string[] tokens)
    {
        if (Tokens.Parse(tokens, ["--json"], ["--files-from"]) is not { } t || !t.Has("--json")) return null;
        var files = t.Positionals.ToArray();
        var filesFrom = t.Value("--files-from");
        return () => LabelActions.VerifyArguments(files, filesFrom) is { } paths
            ? LabelActions.VerifyJson(paths)
            : LabelActions.UsageOrIoError;
    }

    private static Func<int>? Read(string[] tokens)
    {
        if (Tokens.Parse(tokens, ["--json"], []) is not { Positionals: [var file] } t || !t.Has("--json")) return null;
        return () => LabelActions.ReadJson(file);
    }

    private static Func<int>? Write(string[] tokens)
    {
        string[] valued = ["--output", "--producer", "--produce-id", "--label", "--reserved-code1"];
        if (Tokens.Parse(tokens, ["--in-place"], valued) is not { Positionals: [var input] } t) return null;
        if (t.Value("--producer") is not { } producer || t.Value("--produce-id") is not { } produceId) return null;
        var output = t.Value("--output");
        var inPlace = t.Has("--in-place");
        var label = t.Value("--label") ?? "1";
        var reserved = t.Value("--reserved-code1") ?? "";
        return () => LabelActions.WriteLabel(input, output, inPlace,
            AigcLabel.ForProducer(producer, produceId, label, reserved));
    }
}
