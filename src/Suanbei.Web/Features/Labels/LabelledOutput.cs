using System.Collections.Concurrent;
using Suanbei.Labels;
using Suanbei.Web.Features.Materials;

namespace Suanbei.Web.Features.Labels;

/// <summary>What a write or propagate produced: a file in the work folder to hand out once, with its download name.</summary>
public sealed record LabelledOutput(string Path, string FileName, PropagationDecision? Decision);
