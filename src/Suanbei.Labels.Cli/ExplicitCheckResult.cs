using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Suanbei.Labels.Explicit;

namespace Suanbei.Labels.Cli;

/// <summary>The JSON line of <c>explicit check</c>.</summary>
public sealed record ExplicitCheckResult(string File, bool Found, IReadOnlyList<TextLabelMatch> Labels);
