using System.Text.RegularExpressions;
using Suanbei.Core;
using Suanbei.Core.Checks;
using Suanbei.Core.Filings;
using Suanbei.Core.Products;
using Suanbei.Testing;
using Xunit;

namespace Suanbei.Core.Tests;

/// <summary>Every enum value shown to a person is named once, in Data/display-names.tsv, and nowhere else.</summary>
public sealed partial class DisplayNameTests
{
    // Core enums no person reads by a display name: internal keys, or named by another data file (given here).
    private static readonly Dictionary<string, string> NotDisplayed = new()
    {
        ["IcpKind"] = "parsed from the number, shown as the number itself",
        ["CheckFieldOwner"] = "routes a finding to a form, never shown",
        ["FilingKind"] = "initial or change, shown through the status and the audit trail",
        ["DeadlineKind"] = "named by Data/deadlines.json with its article",
        ["Audience"] = "an answer of the applicability questions, worded by the question",
        ["LargeModelUse"] = "an answer of the applicability questions, worded by the question",
    };

    private static IEnumerable<Type> CoreEnums() =>
        typeof(DisplayNames).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic);

    [Fact]
    public void Every_core_enum_is_named_in_the_data_file_or_listed_as_not_displayed()
    {
        var missing = CoreEnums().Select(t => t.Name)
            .Where(n => !DisplayNames.Vocabularies.ContainsKey(n) && !NotDisplayed.ContainsKey(n)).ToList();
        Assert.Empty(missing);
        Assert.Empty(NotDisplayed.Keys.Where(n => DisplayNames.Vocabularies.ContainsKey(n)));
    }

    [Fact]
    public void Every_value_of_a_named_enum_has_a_name_and_every_name_a_value()
    {
        foreach (var type in CoreEnums().Where(t => DisplayNames.Vocabularies.ContainsKey(t.Name)))
        {
            var names = DisplayNames.Vocabularies[type.Name];
            var members = Enum.GetNames(type).Where(m => !(type.IsDefined(typeof(FlagsAttribute), false) && m == "None")).ToList();
            Assert.Empty(members.Where(m => string.IsNullOrWhiteSpace(names.GetValueOrDefault(m))).Select(m => $"{type.Name}.{m}"));
            Assert.Empty(names.Keys.Except(members).Select(m => $"{type.Name}.{m} (no such value)"));
        }
    }

    [Fact]
    public void Values_are_shown_by_their_data_file_names()
    {
        Assert.Equal("公众账号", DisplayNames.Of(ProductForm.PublicAccount));
        Assert.Equal("二审通过并公示", DisplayNames.Of(FilingAction.Publish));
        Assert.Equal("服务技术支持者", DisplayNames.Of(Assessment.FilingRole.TechnicalSupporter));
        Assert.Equal("文本、视频", DisplayNames.Of(DataModality.Text | DataModality.Video));
        Assert.Equal("", DisplayNames.Of(DataModality.None));
        Assert.Equal(CheckSeverity.Warning, DisplayNames.Parse<CheckSeverity>("警告"));
        Assert.Equal("大模型备案", DisplayNames.Of(Assessment.LargeModelDutyKind.Filing));
    }

    [GeneratedRegex(@"\b([A-Z][A-Za-z]+)\.[A-Z][A-Za-z]+\s*=>\s*\$?""[^""]*\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex EnumToChineseArm();

    [Fact]
    public void No_source_file_maps_an_enum_to_Chinese_a_second_time()
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                foreach (Match m in EnumToChineseArm().Matches(lines[i]))
                    found.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}:{i + 1}: {m.Value}");
        }
        Assert.True(found.Count == 0, "Enum display names belong in src/Suanbei.Core/Data/display-names.tsv:\n" + string.Join("\n", found));
    }
}
