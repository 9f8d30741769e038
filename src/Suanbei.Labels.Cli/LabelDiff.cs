namespace Suanbei.Labels.Cli;

/// <summary>One field whose value a processing step changed.</summary>
internal sealed record ChangedField(string Field, string From, string To);

/// <summary>
/// Which label fields a processing step lost, changed or added between file A (before) and file B (after). A field
/// counts as present when the file's label has it with a non-null value (an empty ReservedCode1 is present). Each file
/// contributes its first label (what <c>verify</c> lists first); a file without a label has no fields.
/// </summary>
internal sealed record LabelDiff(IReadOnlyList<string> Lost, IReadOnlyList<ChangedField> Changed, IReadOnlyList<string> Added)
{
    public bool Same => Lost.Count == 0 && Changed.Count == 0 && Added.Count == 0;

    public static LabelDiff Between(VerificationReport a, VerificationReport b) => Between(FieldsOf(a), FieldsOf(b));

    public static LabelDiff Between(IReadOnlyDictionary<string, string?> a, IReadOnlyDictionary<string, string?> b)
    {
        List<string> lost = [], added = [];
        List<ChangedField> changed = [];
        // Annex E order first, then any extra fields in the order the files hold them.
        var names = AigcLabel.FieldNames.Concat(a.Keys).Concat(b.Keys).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var before = a.TryGetValue(name, out var x) ? x : null;
            var after = b.TryGetValue(name, out var y) ? y : null;
            if (before is not null && after is null) lost.Add(name);
            else if (before is null && after is not null) added.Add(name);
            else if (before is not null && after is not null && !string.Equals(before, after, StringComparison.Ordinal))
                changed.Add(new ChangedField(name, before, after));
        }
        return new LabelDiff(lost, changed, added);
    }

    private static IReadOnlyDictionary<string, string?> FieldsOf(VerificationReport report) =>
        report.Labels.Count > 0 ? report.Labels[0].Fields : new Dictionary<string, string?>();
}
