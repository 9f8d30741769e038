using System.Text.Json;

namespace Suanbei.Core.Checks;

public sealed record TemplateSentence(string Source, string Text);
